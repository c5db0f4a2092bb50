"""Text as it enters and leaves the planner: no control or bidi-override characters.

People paste from PDFs, Excel and chat apps; a name can arrive with ``\\x01`` in it
(which makes an XLSX export fail: XML 1.0 has no such character) or with a
right-to-left override (U+202E) that makes "gpj.exe" read as "exe.jpg". The edges
clean every text value: forms (``planner.forms.CleanInputMixin``), imports and the public
registration use these functions, and a ``pre_save`` hook on the planner's own
models catches the paths that bypass forms (admin, services, fixtures).

- ``clean_line``: one-line values (names, titles). Line breaks and tabs become a
  space; other control characters and bidi overrides are dropped.
- ``clean_block``: multi-line values (notes, document text). Keeps ``\\n`` and
  ``\\t``; turns ``\\r\\n`` and ``\\r`` into ``\\n``; drops the rest.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms

# Embedding, override and isolate controls. The marks (LRM, RLM, ALM) stay: they only
# nudge neutral characters and are needed in mixed Arabic/Latin text.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 and C1 control characters and DEL, plus the two XML non-characters.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_DROP_BLOCK = re.compile(f"[{_CONTROLS}{BIDI_CONTROLS}]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x85]+")


def clean_line(value: str) -> str:
    """One line of text: breaks become a space, controls and bidi overrides are dropped."""
    return _DROP_BLOCK.sub("", _LINE_BREAKS.sub(" ", value))


def clean_block(value: str) -> str:
    """Multi-line text: line breaks normalised to ``\\n``, other controls dropped."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return _DROP_BLOCK.sub("", text.replace("\u2029", "\n\n").replace("\x85", "\n"))


def for_xml(value: Any) -> Any:
    """A cell value an XML writer (XLSX) accepts, whatever was stored before the cleaning."""
    return clean_block(value) if isinstance(value, str) else value


def _is_block(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.Textarea)


def cleaned_form_data(fields: dict[str, forms.Field], data: Any, add_prefix) -> Any:
    """A copy of submitted form data with each text value cleaned for its field."""
    data = data.copy()
    for name, field in fields.items():
        key = add_prefix(name)
        if key not in data or isinstance(field, forms.FileField):
            continue
        clean = clean_block if _is_block(field) else clean_line
        if hasattr(data, "setlist"):
            data.setlist(key, [_apply(clean, value) for value in data.getlist(key)])
        else:
            data[key] = _apply(clean, data[key])
    return data


def _apply(clean, value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list | tuple):
        return type(value)(_apply(clean, item) for item in value)
    return value


def clean_instance_text(instance: Any) -> None:
    """Drop control and bidi-override characters from a model instance's text fields, in
    place; line breaks stay (some one-line columns are edited in a textarea). The
    ``pre_save`` hook for the paths that bypass forms; forms decide one line or many."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        cleaned = clean_block(value)
        if cleaned != value:
            setattr(instance, field.attname, cleaned)

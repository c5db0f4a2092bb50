"""Writing many similar rows of HTML fast, escaped exactly as Django escapes.

``format_html`` is the right tool for a fragment; for a page of a thousand rows its
lazy-string checks cost more than the rows' data. Rows built with :func:`esc` and
f-strings, marked safe once, are several times cheaper and escape the same five
characters.
"""

from __future__ import annotations

from html import escape as _escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from planner.calendar_registry import badge_class


def esc(value: Any) -> str:
    """``value`` as HTML text or attribute: already-safe HTML kept, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape(str(value), quote=True)


def lines_br(value: Any) -> str:
    """Django's ``linebreaksbr`` for a row: the text escaped, each line break a ``<br>``."""
    text = esc(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "<br>")


def badge(value: str, label: str) -> SafeString:
    """A KRDS badge for a status or kind value, labelled in words (colour is never the
    only cue)."""
    css = badge_class(value)
    return mark_safe(f'<span class="krds-badge {css} status-{esc(value)}">{esc(label)}</span>')

"""The two steps of "from a document": give the text, then review what was read."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from planner.drafts.errors import DraftError
from planner.review_draft import (
    REMOVE,
    Row,
    Section,
    all_rows,
    corrected,
    get_path,
    initial_value,
    layout,
)

logger = logging.getLogger(__name__)

MAX_UPLOAD = 5 * 1024 * 1024
MAX_TEXT = 200_000
SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".hwpx")


class SourceForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the text"),
        required=False,
        max_length=MAX_TEXT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "class": "krds-input"}),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("Text, HTML, PDF with a text layer, DOCX or HWPX; at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="too_large")
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                _("Only .txt, .html, .pdf, .docx and .hwpx files can be read."), code="suffix"
            )
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file") and not self.errors:
            raise forms.ValidationError(_("Paste the text or choose a file."), code="empty")
        return data

    def extract(self) -> tuple[dict, str] | None:
        """The draft read from the text or the file, and the file name; None with an error."""
        from planner.extraction import extract
        from planner.extraction.draft import build
        from planner.extraction.text import UnreadableDocument

        upload = self.cleaned_data.get("file")
        if upload is None:
            return build(self.cleaned_data["text"].replace("\r\n", "\n")), ""
        suffix = Path(upload.name).suffix.lower()
        with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
            handle.flush()
            try:
                return extract(handle.name), Path(upload.name).name[:200]
            except UnreadableDocument as error:
                message = str(error)
            except Exception:  # a parser failing on a broken file is the file's fault
                logger.exception("extracting %s failed", upload.name)
                message = ""
        lead = gettext("This file could not be read as a document.")
        self.add_error("file", f"{lead} {message}".strip())
        return None


class ReviewForm(forms.Form):
    """Every editable fact of a draft as a field, each row with a "remove" box."""

    def __init__(self, draft: dict, *args, matches: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.sections = layout(draft)
        self.draft_error: DraftError | None = None
        for row in all_rows(self.sections):
            for spec in row.specs:
                self.fields[spec.name] = self._field(spec, row)
            if row.removable:
                self.fields[row.remove_name] = forms.BooleanField(label=_("remove"), required=False)
        for row in all_rows(self.sections):
            row.fields = [self[spec.name] for spec in row.specs]
            row.remove_field = self[row.remove_name] if row.removable else None
        self._attach_matches(matches or {})

    def _field(self, spec, row: Row) -> forms.Field:
        initial = initial_value(spec, get_path(self.draft, spec.path))
        attrs = {"class": "krds-input small"}
        if spec.kind == "choice":
            choices = [("", "—"), *spec.choices]
            return forms.ChoiceField(
                label=spec.label,
                choices=choices,
                required=False,
                initial=initial,
                widget=forms.Select(attrs={"class": "krds-form-select small"}),
            )
        if spec.kind == "int":
            attrs["inputmode"] = "numeric"
            return forms.IntegerField(
                label=spec.label,
                required=False,
                min_value=0,
                initial=initial,
                widget=forms.NumberInput(attrs=attrs),
            )
        if spec.kind == "time":
            attrs.update(placeholder="HH:MM", size="5")
            attrs["class"] += " review-time"
        elif spec.kind == "date":
            attrs.update(placeholder="YYYY-MM-DD", size="10")
            attrs["class"] += " review-date"
        elif spec.path[-1] in ("title", "notes", "title_ko", "name_ko", "position_ko"):
            attrs["class"] += " review-wide"
        return forms.CharField(
            label=spec.label,
            required=False,
            initial=initial,
            max_length=500,
            widget=forms.TextInput(attrs=attrs),
        )

    def _attach_matches(self, matches: dict) -> None:
        keys = {"people": "people", "organisations": "organisations"}
        for section in self.sections:
            key = keys.get(section.key)
            for number, row in enumerate(section.rows):
                if key and key in matches:
                    row.matches = matches[key][number]
                elif row.path[:1] == ("events",) and "events" in matches:
                    row.matches = matches["events"][row.path[1]]
                elif row.path[:1] == ("trips",) and "trips" in matches:
                    row.matches = matches["trips"][row.path[1]]

    def removed(self) -> list[tuple]:
        return [
            row.path
            for row in all_rows(self.sections)
            if row.removable and self.cleaned_data.get(row.remove_name)
        ]

    def corrected_draft(self) -> dict:
        values = {name: value for name, value in self.cleaned_data.items() if name[-6:] != REMOVE}
        values = {name: ("" if value is None else value) for name, value in values.items()}
        return corrected(self.draft, values, self.sections, self.removed())

    def add_draft_error(self, error: DraftError) -> None:
        """The importer's refusal, on the field it names when the page shows one."""
        self.draft_error = error
        name = _field_for_path(error.path, self.fields)
        if name and not self.removed():
            self.add_error(name, f"{error.message} ({error.path})")


def _field_for_path(path: str, fields) -> str | None:
    """``$.events[0].start.value`` → the closest field of the form (``events-0-start``)."""
    parts = path.lstrip("$").replace("[", ".").replace("]", "").strip(".").split(".")
    while parts:
        name = "-".join(parts)
        if name in fields:
            return name
        parts.pop()
    return None


__all__ = ["ReviewForm", "Section", "SourceForm"]

"""The time-zone picker: a searchable text box with "도쿄 (UTC+9)" suggestions.

A ``<datalist>`` needs no script (a strict CSP stays possible) and the browser
filters it as staff type. What is sent back is a label or an IANA name; the
field turns either into the IANA name. Empty means "from the place".
"""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from planner import places


class ZonePickerWidget(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.country = ""

    def format_value(self, value):
        if value and value in places.IANA_ZONES:
            return places.zone_label(value)
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        list_id = f"{attrs.get('id') or name}-zones"
        attrs["list"] = list_id
        box = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}"></option>', ((label,) for _zone, label in self.choices())
        )
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)

    def choices(self) -> list[tuple[str, str]]:
        return places.zone_choices(self.country)


class ZonePickerField(forms.CharField):
    widget = ZonePickerWidget
    default_error_messages = {
        "unknown": _("Choose a time zone from the list, e.g. “도쿄 (UTC+9)”."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("time zone"))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("Leave empty to take it from the city, country or airport code.")
        )
        super().__init__(**kwargs)

    def limit_to_country(self, country: str) -> None:
        """Offer only the zones of this country (when it has several)."""
        self.widget.country = str(country or "")

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return ""
        found = places.zone_from_label(text)
        if found is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return found

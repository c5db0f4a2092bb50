"""The time-zone picker: a searchable text box with "도쿄 (UTC+9)" suggestions.

A ``<datalist>`` needs no script (a strict CSP stays possible) and the browser
filters it as staff type. What is sent back is a label or an IANA name; the
field turns either into the IANA name. Empty means "from the place".
"""

from __future__ import annotations

import json

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from planner import places


class ZonePickerWidget(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.country = ""
        self.out_of_band = False  # rendered by a place lookup to replace the box (htmx)

    def format_value(self, value):
        if value and value in places.IANA_ZONES:
            return places.zone_label(value)
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        base = attrs.get("id") or name
        attrs["list"] = f"{base}-zones"
        box = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}"></option>', ((label,) for _zone, label in self.choices())
        )
        return format_html(
            '<span class="zone-box" id="{}-box"{}>{}<datalist id="{}-zones">{}</datalist></span>',
            base,
            mark_safe(' hx-swap-oob="true"') if self.out_of_band else "",
            box,
            base,
            options,
        )

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


class PlaceInput(forms.TextInput):
    """A city or airport-code box with a live line saying what it stands for (htmx)."""

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        hint_id = f"{(attrs or {}).get('id') or name}-place"
        return format_html(
            '{}<span class="place-hint" id="{}" aria-live="polite"></span>', box, hint_id
        )


def wire_place_lookup(form, text_field: str, zone_field: str, *, url: str, country: str = ""):
    """Make ``text_field`` look its place up while typing and fill ``zone_field``."""
    text, zone_box = form[text_field], form[zone_field]
    widget = PlaceInput(attrs=form.fields[text_field].widget.attrs)
    widget.attrs.update(
        {
            "hx-get": url,
            "hx-trigger": "input changed delay:400ms",
            "hx-target": f"#{text.auto_id}-place",
            "hx-sync": "this:replace",
            "hx-vals": json.dumps(
                {
                    "field": text.html_name,
                    "zone_id": zone_box.auto_id,
                    "zone_name": zone_box.html_name,
                }
            ),
        }
    )
    if country:
        widget.attrs["hx-include"] = f"#{form[country].auto_id}"
    form.fields[text_field].widget = widget

"""Every form on the site renders its widgets with the KRDS classes, here and only here.

``FORM_RENDERER`` points at :class:`KRDSFormRenderer`: a widget without a class of its
own gets ``krds-form-select`` (selects) or ``krds-input`` (text, number, date, time,
textarea…); checkboxes, radios, hidden and file inputs keep the browser's look; a field
with errors (Django marks it ``aria-invalid``) also gets ``is-error``. Forms stay free
of styling; ``{{ field.as_field_group }}`` renders ``planner/forms/field.html``.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import TemplatesSetting

PLAIN_INPUTS = frozenset({"checkbox", "radio", "hidden", "file"})
LIST_TEMPLATES = ("checkbox_select.html", "radio.html")


def krds_class(widget: dict[str, Any]) -> str:
    """The KRDS class for a widget's render context, or "" when it keeps its own look."""
    template = widget.get("template_name", "")
    # A list of checkboxes or radios keeps the browser's look (checkbox_select.html is no
    # <select>, and its wrapper has no input type of its own).
    if widget.get("type") in PLAIN_INPUTS or template.endswith(LIST_TEMPLATES):
        return ""
    if template.endswith("select.html"):
        return "krds-form-select"
    return "krds-input"


def style_widget(widget: dict[str, Any]) -> None:
    attrs = widget.setdefault("attrs", {})
    css = attrs.get("class") or krds_class(widget)
    if css and attrs.get("aria-invalid") == "true" and "is-error" not in css.split():
        css = f"{css} is-error"
    if css:
        attrs["class"] = css
    for part in widget.get("subwidgets", ()):
        if "aria-invalid" in attrs:
            part.setdefault("attrs", {}).setdefault("aria-invalid", attrs["aria-invalid"])
        style_widget(part)


class KRDSFormRenderer(TemplatesSetting):
    """The project's template engine (so ``templates/`` and its tag libraries apply)."""

    field_template_name = "planner/forms/field.html"

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if isinstance(widget, dict):
            style_widget(widget)
        return super().render(template_name, context, request)

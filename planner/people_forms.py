"""Choosing a person in any form, and creating one there: a search box and "새 인물".

``PersonPickerWidget`` is a plain ``<select>`` (it works without script) with a
search box that narrows the list as staff type (htmx swaps the select) and a
"새 인물" link that opens a small form beside it (or its own page without script).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planner.forms import CleanInputMixin
from planner.models import Organisation, Person
from planner.people import person_label

PREFIX = "newperson"


class PersonPickerWidget(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id")
        if not select_id:
            return select
        params = urlencode({"field": name, "id": select_id})
        search_url = f"{reverse('planner:person_search')}?{params}"
        new_url = reverse("planner:person_new")
        return format_html(
            '<div class="person-picker">'
            '<input type="search" class="krds-input person-search" name="{}__q" '
            'aria-label="{}" placeholder="{}" autocomplete="off" hx-get="{}" '
            'hx-trigger="input changed delay:300ms, search" hx-target="#{}" '
            'hx-swap="outerHTML" hx-sync="this:replace">'
            "{}"
            '<a class="krds-btn xsmall tertiary person-new-link" href="{}" hx-get="{}?{}" '
            'hx-target="#{}-new" hx-swap="innerHTML">{}</a>'
            '<div class="person-new-slot" id="{}-new"></div>'
            "</div>",
            name,
            _("Search people by name"),
            _("Type a name to narrow the list"),
            search_url,
            select_id,
            select,
            new_url,
            new_url,
            params,
            select_id,
            _("New person"),
            select_id,
        )


def use_person_picker(form: forms.BaseForm, name: str = "person") -> None:
    """Turn a form's person choice into the picker (keeping its queryset and labels)."""
    field = form.fields[name]
    field.widget = PersonPickerWidget(attrs=field.widget.attrs, choices=field.widget.choices)
    field.label_from_instance = person_label


class PersonNewForm(CleanInputMixin, forms.ModelForm):
    new_organisation = forms.CharField(
        label=gettext_lazy("or a new organisation"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("When the organisation is not in the list."),
    )
    create_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Person
        fields = ("name_ko", "name_latin", "position_ko", "organisation")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name_ko", "pk")
        for field in self.fields.values():
            css = "krds-form-select" if isinstance(field.widget, forms.Select) else "krds-input"
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("name_ko") or cleaned.get("name_latin")):
            self.add_error("name_ko", _("Give the name in Korean or in Latin script."))
        return cleaned

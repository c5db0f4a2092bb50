"""Run-of-show forms. Clock times are entered in the forum's zone, on the forum's day."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.agenda.rows import AGENDA_ROLES, agenda_clock
from forums.models import Forum, Session
from planner.forms import CleanInputMixin, TimeInput, local_to_instant
from planner.models import Person, Role
from planner.people_forms import use_person_picker

MAX_MINUTES = 24 * 60


class PinMixin(CleanInputMixin, forms.Form):
    """``is_pinned`` and a clock time in the forum's zone; cleans to ``pinned_at``."""

    is_pinned = forms.BooleanField(label=_("pinned to a clock time"), required=False)
    pinned_time = forms.TimeField(label=_("clock time"), required=False, widget=TimeInput)

    forum: Forum

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        cleaned["pinned_at"] = None
        if cleaned.get("is_pinned"):
            at = cleaned.get("pinned_time")
            if at is None:
                self.add_error("pinned_time", _("Give the clock time the row is pinned to."))
            else:
                cleaned["pinned_at"] = self._instant(at)
        return cleaned

    def _instant(self, at) -> datetime | None:
        if self.forum.tz is None or self.forum.date is None:
            return agenda_clock(self.forum, None, at)  # floating: the clock as written
        try:
            return local_to_instant(self.forum.date, at, self.forum.timezone)
        except forms.ValidationError as error:
            self.add_error("pinned_time", error)
            return None


class SessionForm(PinMixin, forms.ModelForm):
    """A whole row: item, minutes, remarks, internal notes and pin."""

    minutes = forms.IntegerField(
        label=_("minutes"), min_value=1, max_value=MAX_MINUTES, required=False
    )
    # The revision the row was opened at: a save after someone else's is refused.
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Session
        fields = ("kind", "title_ko", "title_en", "minutes", "notes", "internal_notes")
        widgets = {"internal_notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        session = self.instance
        if session.pk:
            self.fields["is_pinned"].initial = session.is_pinned
            self.fields["pinned_time"].initial = session.start_time
            self.fields["revision"].initial = session.revision

    def service_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["is_pinned"] = self.cleaned_data["is_pinned"]
        return data


class MinutesForm(CleanInputMixin, forms.Form):
    minutes = forms.IntegerField(label=_("minutes"), min_value=1, max_value=MAX_MINUTES)


class ExtendForm(CleanInputMixin, forms.Form):
    """Live mode: add (or take back) a few minutes on the running row."""

    delta = forms.IntegerField(min_value=-60, max_value=60)


class MoveForm(CleanInputMixin, forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")], required=False)
    position = forms.IntegerField(min_value=1, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("direction") and not cleaned.get("position"):
            raise forms.ValidationError(_("Say where the row goes."))
        return cleaned

    def target(self, current: int) -> int:
        if self.cleaned_data.get("position"):
            return self.cleaned_data["position"]
        return current - 1 if self.cleaned_data["direction"] == "up" else current + 1


class PinForm(PinMixin):
    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum


def _person_field(label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Person.objects.order_by("name_ko", "name_latin", "pk"),
        required=False,
        empty_label=_("— no known person —"),
    )


class SessionPersonForm(CleanInputMixin, forms.Form):
    role = forms.ChoiceField(
        label=_("role"), choices=[(role.value, role.label) for role in AGENDA_ROLES]
    )
    person = _person_field(_("person"))
    printed_as = forms.CharField(label=_("as printed"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = Role.PANELIST
        use_person_picker(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("person") and not (cleaned.get("printed_as") or "").strip():
            raise forms.ValidationError(_("Choose a person or write the name as printed."))
        return cleaned


class SessionItemForm(CleanInputMixin, forms.Form):
    title_ko = forms.CharField(label=_("title (Korean)"), max_length=300)
    title_en = forms.CharField(label=_("title (English)"), max_length=300, required=False)
    person = _person_field(_("presenter"))
    printed_as = forms.CharField(label=_("presenter as printed"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class SessionAddForm(PinMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=Session.Kind.choices, initial="other")
    title_ko = forms.CharField(label=_("item (Korean)"), max_length=300)
    title_en = forms.CharField(label=_("item (English)"), max_length=300, required=False)
    minutes = forms.IntegerField(label=_("minutes"), min_value=1, max_value=MAX_MINUTES)
    notes = forms.CharField(label=_("remarks (비고)"), max_length=300, required=False)
    position = forms.IntegerField(label=_("position"), min_value=1, required=False)

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum


class IssueVersionForm(CleanInputMixin, forms.Form):
    note = forms.CharField(label=_("note"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class CompareForm(CleanInputMixin, forms.Form):
    a = forms.IntegerField(min_value=1, required=False)
    b = forms.IntegerField(min_value=1, required=False)

"""Run-of-show forms. Clock times are entered in the forum's zone, on the forum's day."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.agenda.rows import AGENDA_ROLES, agenda_clock
from forums.agenda.services import MinutesEdit, RowMove
from forums.models import Forum, Session
from planner.forms import CleanInputMixin, TimeInput, local_to_instant
from planner.models import Person, Role
from planner.people_forms import use_person_picker

MAX_MINUTES = 24 * 60
MINUTES_NAME = re.compile(r"minutes-(\d+)-(\d*)")


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


class ExtendForm(CleanInputMixin, forms.Form):
    """Live mode: add (or take back) a few minutes on the running row."""

    delta = forms.IntegerField(min_value=-60, max_value=60)


class RowChangesForm(CleanInputMixin, forms.Form):
    """The editor table's one form: every row's minutes and at most one move.

    A minutes field is named ``minutes-<row>-<minutes shown>``, so the post itself says
    what the page showed: the service then changes only what staff changed, and notices
    where someone else changed the same row in between. ↑ and ↓ post ``up`` or ``down``
    with the row; a drag posts ``session`` and ``position``.
    """

    up = forms.IntegerField(required=False)
    down = forms.IntegerField(required=False)
    session = forms.IntegerField(required=False)
    position = forms.IntegerField(min_value=1, required=False)

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        self.shown: dict[str, tuple[int, int | None]] = {}
        for name in data:
            found = MINUTES_NAME.fullmatch(name)
            if found:
                self.shown[name] = (int(found[1]), int(found[2]) if found[2] else None)
                self.fields[name] = forms.IntegerField(
                    min_value=1, max_value=MAX_MINUTES, required=False
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name, (_pk, shown) in self.shown.items():
            if name not in self.errors and shown is not None and cleaned.get(name) is None:
                self.add_error(name, _("Give the row's minutes."))
        return cleaned

    def edits(self) -> list[MinutesEdit]:
        return [
            MinutesEdit(pk, shown, self.cleaned_data[name])
            for name, (pk, shown) in self.shown.items()
        ]

    def move(self) -> RowMove | None:
        data = self.cleaned_data
        if data.get("session") and data.get("position"):
            return RowMove(data["session"], position=data["position"])
        if data.get("up"):
            return RowMove(data["up"], step=-1)
        if data.get("down"):
            return RowMove(data["down"], step=1)
        return None

    def typed(self) -> dict[int, str]:
        """What staff typed where it differs from what the page showed (by row): shown
        again when the change is refused. Fields left as shown are not kept, so a row
        someone else changed meanwhile shows their minutes, not the page's old ones."""
        typed = {}
        for name, (pk, shown) in self.shown.items():
            raw = str(self.data.get(name, "")).strip()
            if raw != ("" if shown is None else str(shown)):
                typed[pk] = raw
        return typed

    def refused_rows(self) -> list[tuple[int, str]]:
        """(row, message) for each minutes field that did not validate."""
        return [
            (self.shown[name][0], " ".join(errors))
            for name, errors in self.errors.items()
            if name in self.shown
        ]


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

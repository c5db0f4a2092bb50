"""Form pieces every app uses: local wall-clock entry and the revision guard."""

from __future__ import annotations

from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from planner.params import validate_day
from planner.text import cleaned_form_data
from planner.timezones import TIMEZONE_CHOICES, zone


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def timezone_choice_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=_("time zone"), choices=TIMEZONE_CHOICES, **kwargs)


def local_to_instant(day: date, at: time, zone_name: str) -> datetime:
    """The instant of a wall-clock time; refuses times a DST change skips.

    On the autumn change the earlier of the two moments is taken (fold=0).
    """
    tz = zone(zone_name)
    candidate = datetime.combine(day, at, tzinfo=tz)
    round_trip = candidate.astimezone(zone("UTC")).astimezone(tz)
    if round_trip.replace(tzinfo=None) != candidate.replace(tzinfo=None):
        raise ValidationError(
            _("%(time)s does not exist on %(date)s in %(zone)s (the clocks skip it)."),
            code="nonexistent_time",
            params={"time": at.strftime("%H:%M"), "date": day.isoformat(), "zone": zone_name},
        )
    return candidate


class CleanInputMixin:
    """On every form: submitted text is cleaned before validation (``planner.text``: a
    ``Textarea`` keeps its line breaks, any other input is one line), and every date
    and date-time field refuses dates outside the range the planner can compute with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(validate_day)

    def full_clean(self) -> None:
        if self.is_bound:
            self.data = cleaned_form_data(self.fields, self.data, self.add_prefix)
        super().full_clean()


MISSING_REVISION = _(
    "This form did not say which version you opened. Reload the page and try again."
)


class RevisionMixin(CleanInputMixin, forms.Form):
    """Carries the revision the user opened, so a later save can detect a stale copy."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        instance = getattr(self, "instance", None)
        # An edit of a stored row that does not say which revision it started from is
        # refused, never saved unchecked (a hand-made POST, a form from an old page).
        stored = getattr(instance, "pk", None) is not None
        if stored and cleaned.get("revision") is None and "revision" not in self.errors:
            self.add_error(None, MISSING_REVISION)
        return cleaned

    def expected_revision(self) -> int | None:
        return self.cleaned_data.get("revision")

"""Form pieces every app uses: local wall-clock entry and the revision guard."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from planner.params import validate_day
from planner.text import cleaned_form_data
from planner.timezones import TIMEZONE_CHOICES, is_ambiguous, zone


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


def local_to_instant(day: date, at: time, zone_name: str, fold: int = 0) -> datetime:
    """The instant of a wall-clock time; refuses times a DST change skips.

    On the autumn change ``fold`` says which of the two moments is meant (0: the
    earlier, 1: the later); :func:`repeated_offsets` tells whether to ask.
    """
    tz = zone(zone_name)
    candidate = datetime.combine(day, at, tzinfo=tz).replace(fold=fold)
    round_trip = candidate.astimezone(zone("UTC")).astimezone(tz)
    if round_trip.replace(tzinfo=None) != candidate.replace(tzinfo=None):
        raise ValidationError(
            _("%(time)s does not exist on %(date)s in %(zone)s (the clocks skip it)."),
            code="nonexistent_time",
            params={"time": at.strftime("%H:%M"), "date": day.isoformat(), "zone": zone_name},
        )
    return candidate


def repeated_offsets(day: date, at: time, zone_name: str) -> tuple[str, str] | None:
    """The two UTC offsets of a time the clocks show twice (earlier, later), else None."""
    moment = datetime.combine(day, at, tzinfo=zone(zone_name))
    if not is_ambiguous(moment):
        return None
    return tuple(_offset(moment.replace(fold=fold).utcoffset()) for fold in (0, 1))


def _offset(delta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


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


FOLD_CHOICES = [(0, _("the earlier")), (1, _("the later"))]


def _fold_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=FOLD_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.HiddenInput,
    )


class RepeatedHourMixin(forms.Form):
    """``start_fold``/``end_fold``: which reading of a time the clocks show twice is meant.

    Hidden unless the time is repeated (the autumn change); then a choice between the
    two offsets, with the duration each gives, that must be answered.
    """

    start_fold = _fold_field(_("which start time"))
    end_fold = _fold_field(_("which end time"))

    def _offer_folds(self, name, day, at, zone_name, *, end=None) -> bool:
        """Turn ``<name>_fold`` into a choice between the two offsets; False if not repeated."""
        offsets = repeated_offsets(day, at, zone_name)
        if offsets is None:
            return False
        field = self.fields[f"{name}_fold"]
        field.widget = forms.RadioSelect()
        choices = []
        for fold, offset in enumerate(offsets):
            label = (_("the earlier %(time)s (%(offset)s)"), _("the later %(time)s (%(offset)s)"))[
                fold
            ] % {"time": at.strftime("%H:%M"), "offset": offset}
            if end is not None:
                start = local_to_instant(day, at, zone_name, fold)
                minutes = int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()) // 60
                label = _("%(choice)s: %(minutes)s minutes until %(end)s") % {
                    "choice": label,
                    "minutes": minutes,
                    "end": end.strftime("%H:%M"),
                }
            choices.append((fold, label))
        field.choices = choices
        return True

    def _fold(self, name, day, at, zone_name, *, end=None) -> int:
        """Which reading of a repeated time is meant; asks (an error) until one is chosen."""
        if not self._offer_folds(name, day, at, zone_name, end=end):
            return 0
        chosen = self.cleaned_data.get(f"{name}_fold")
        if chosen is None:
            self.add_error(
                f"{name}_fold",
                forms.ValidationError(
                    _(
                        "%(time)s occurs twice on %(date)s in %(zone)s (the clocks go back): "
                        "choose which one is meant."
                    ),
                    code="ambiguous_time",
                    params={"time": at.strftime("%H:%M"), "date": day, "zone": zone_name},
                ),
            )
            return 0
        return chosen


class ServiceValidatedMixin:
    """A model form whose save goes through a service that validates the whole row.

    The form checks its fields and builds the instance; the model's own checks (foreign
    keys, constraints, ``clean()``, uniqueness) run once, in the service's
    ``full_clean``, whose errors the view puts back on the form's fields. Checking them
    here too would run the same queries twice on every save.
    """

    def _post_clean(self) -> None:
        opts = self._meta
        try:
            self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        except ValidationError as error:
            self._update_errors(error)

"""Trip editing forms. Times are entered in the zone of the place they happen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from planner.forms import (
    CleanInputMixin,
    DateInput,
    RevisionMixin,
    TimeInput,
    local_to_instant,
    timezone_choice_field,
)
from planner.timezones import zone


class EngagementForm(RevisionMixin, forms.ModelForm):
    """Date and times in the stop's (or venue's) zone; no start time = "시간 미정"."""

    start_time = forms.TimeField(label=_("start (local time)"), required=False, widget=TimeInput)
    end_time = forms.TimeField(label=_("end (local time)"), required=False, widget=TimeInput)

    class Meta:
        model = Engagement
        fields = (
            "stop",
            "kind",
            "title_ko",
            "title_en",
            "date",
            "date_note",
            "status",
            "venue",
            "room",
            "objectives",
            "notes",
        )
        widgets = {
            "date": DateInput(),
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.trip = trip
        self.instance.trip = trip
        self.fields["stop"].queryset = trip.stops.all()
        self.fields["stop"].empty_label = None
        self.fields["venue"].queryset = self.fields["venue"].queryset.order_by("name_ko")
        engagement = self.instance
        if engagement.pk:
            self.fields["revision"].initial = engagement.revision
            if engagement.starts_at:
                self.fields["start_time"].initial = engagement.starts_at.astimezone(
                    engagement.tz
                ).time()
            if engagement.ends_at:
                self.fields["end_time"].initial = engagement.ends_at.astimezone(
                    engagement.tz
                ).time()

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        stop, venue = cleaned.get("stop"), cleaned.get("venue")
        if stop is None:
            return cleaned
        zone_name = venue.timezone if venue else stop.timezone
        if start and day is None:
            self.add_error("date", _("Give the date for a start time."))
        if end and start is None:
            self.add_error("start_time", _("Give the start time for an end time."))
        if day is None or start is None:
            self.instance.starts_at = self.instance.ends_at = None
            return cleaned
        try:
            self.instance.starts_at = local_to_instant(day, start, zone_name)
            self.instance.ends_at = local_to_instant(day, end, zone_name) if end else None
        except forms.ValidationError as error:
            self.add_error("start_time", error)
            return cleaned
        if self.instance.ends_at and self.instance.ends_at <= self.instance.starts_at:
            self.add_error("end_time", _("The end must be after the start."))
        return cleaned


class StopForm(RevisionMixin, forms.ModelForm):
    timezone = timezone_choice_field()

    class Meta:
        model = Stop
        fields = (
            "city_ko",
            "city_en",
            "country",
            "timezone",
            "arrival_date",
            "departure_date",
            "dates_note",
            "summary",
        )
        widgets = {
            "arrival_date": DateInput(),
            "departure_date": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision


class TravelSegmentForm(RevisionMixin, forms.ModelForm):
    """Departure and arrival each in their own zone (a flight can land 'yesterday')."""

    departure_date = forms.DateField(label=_("departure date"), widget=DateInput)
    departure_time = forms.TimeField(label=_("departure time"), widget=TimeInput)
    departure_timezone = timezone_choice_field()
    arrival_date = forms.DateField(label=_("arrival date"), widget=DateInput)
    arrival_time = forms.TimeField(label=_("arrival time"), widget=TimeInput)
    arrival_timezone = timezone_choice_field()

    class Meta:
        model = TravelSegment
        fields = (
            "mode",
            "carrier",
            "number",
            "from_stop",
            "to_stop",
            "origin",
            "destination",
            "notes",
        )
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        stops = trip.stops.all()
        self.fields["from_stop"].queryset = stops
        self.fields["to_stop"].queryset = stops
        segment = self.instance
        if segment.pk:
            self.fields["revision"].initial = segment.revision
            for prefix, instant, zone_name in (
                ("departure", segment.departs_at, segment.departure_timezone),
                ("arrival", segment.arrives_at, segment.arrival_timezone),
            ):
                local = instant.astimezone(zone(zone_name))
                self.fields[f"{prefix}_date"].initial = local.date()
                self.fields[f"{prefix}_time"].initial = local.time()
                self.fields[f"{prefix}_timezone"].initial = zone_name

    def clean(self):
        cleaned = super().clean()
        for prefix, target in (("departure", "departs_at"), ("arrival", "arrives_at")):
            day = cleaned.get(f"{prefix}_date")
            at = cleaned.get(f"{prefix}_time")
            zone_name = cleaned.get(f"{prefix}_timezone")
            if day and at and zone_name:
                try:
                    setattr(self.instance, target, local_to_instant(day, at, zone_name))
                except forms.ValidationError as error:
                    self.add_error(f"{prefix}_time", error)
                setattr(self.instance, f"{prefix}_timezone", zone_name)
        segment = self.instance
        if (
            not self.errors
            and segment.departs_at
            and segment.arrives_at
            and segment.arrives_at <= segment.departs_at
        ):
            self.add_error("arrival_time", _("Arrival must be after departure."))
        return cleaned


class DelegationMemberForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ("person", "organisation", "role", "group", "printed_as")

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        self.fields["group"].queryset = trip.delegation_groups.all()
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("organisation"):
            raise forms.ValidationError(_("Choose a person or an agency."))
        return cleaned


class EngagementPersonForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = EngagementPerson
        fields = ("side", "role", "person", "organisation", "printed_as")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("person") or cleaned.get("organisation") or cleaned.get("printed_as")):
            raise forms.ValidationError(_("Name a person, an organisation or a role as printed."))
        return cleaned


class TripSettingsForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = Trip
        fields = ("status", "transfer_buffer_minutes")

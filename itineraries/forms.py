"""Trip editing forms. Times are entered in the zone of the place they happen."""

from __future__ import annotations

from datetime import UTC

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from planner import places
from planner.forms import (
    CleanInputMixin,
    DateInput,
    RepeatedHourMixin,
    RevisionMixin,
    ServiceValidatedMixin,
    TimeInput,
    local_to_instant,
)
from planner.people_forms import use_person_picker
from planner.timezones import zone, zone_or_none
from planner.zone_fields import ZonePickerField, wire_place_lookup

LOOKUP = reverse_lazy("itineraries:place_lookup")


class EngagementForm(ServiceValidatedMixin, RepeatedHourMixin, RevisionMixin, forms.ModelForm):
    """Date and times in the stop's (or venue's) zone; no start time = "시간 미정"."""

    start_time = forms.TimeField(label=_("start (local time)"), required=False, widget=TimeInput)
    end_time = forms.TimeField(label=_("end (local time)"), required=False, widget=TimeInput)
    join_url = forms.URLField(
        label=_("online-meeting link"), max_length=2000, required=False, assume_scheme="https"
    )

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
            "join_url",
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
            self.fields["start_fold"].initial = engagement.start_fold
            self.fields["end_fold"].initial = engagement.end_fold
            self._offer_stored_folds(engagement)

    def _offer_stored_folds(self, engagement: Engagement) -> None:
        """Editing a meeting in a repeated hour shows the choice that was made."""
        if engagement.starts_at is None or engagement.tz is None:
            return
        start = engagement.starts_at.astimezone(engagement.tz)
        end = engagement.ends_at.astimezone(engagement.tz) if engagement.ends_at else None
        zone_name = engagement.timezone_name
        self._offer_folds("start", start.date(), start.time(), zone_name, end=end)
        if end is not None:
            self._offer_folds("end", end.date(), end.time(), zone_name)

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        stop, venue = cleaned.get("stop"), cleaned.get("venue")
        if stop is None:
            return cleaned
        zone_name = venue.timezone if venue and venue.timezone else stop.timezone
        if start and day is None:
            self.add_error("date", _("Give the date for a start time."))
        if end and start is None:
            self.add_error("start_time", _("Give the start time for an end time."))
        # The local time is what is stored; the instants follow from it (Engagement.save).
        self.instance.start_time, self.instance.end_time = start, end
        if day is None or start is None or zone_or_none(zone_name) is None:
            self.instance.starts_at = self.instance.ends_at = None
            return cleaned
        try:
            local_to_instant(day, start, zone_name)
            if end:
                local_to_instant(day, end, zone_name)
        except forms.ValidationError as error:
            self.add_error("start_time", error)
            return cleaned
        end_fold = self._fold("end", day, end, zone_name) if end else 0
        end_at = local_to_instant(day, end, zone_name, end_fold) if end else None
        start_fold = self._fold("start", day, start, zone_name, end=end_at)
        # What is stored: the local times and which reading; the instants derive in save().
        self.instance.start_fold, self.instance.end_fold = start_fold, end_fold
        self.instance.starts_at = local_to_instant(day, start, zone_name, start_fold).astimezone(
            UTC
        )
        self.instance.ends_at = end_at.astimezone(UTC) if end_at else None
        if self.instance.ends_at and self.instance.ends_at <= self.instance.starts_at:
            self.add_error("end_time", _("The end must be after the start."))
        return cleaned


class StopForm(ServiceValidatedMixin, RevisionMixin, forms.ModelForm):
    """The zone comes from the place: the country, the city, or an airport code typed as city."""

    # Shown above the form.
    hint = _(
        "Arrival and departure are local dates. Leaving one city and reaching the next on the "
        "same day is fine; other overlaps are refused. Leave a date empty while it is unknown."
    )

    timezone = ZonePickerField()

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
        help_texts = {"city_ko": _("A city name, or an airport code such as HND.")}

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        self.fields["country"].required = False
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision
        country = self.data.get(self.add_prefix("country")) or self.instance.country
        if len(places.country_zones(country)) > 1:
            self.fields["timezone"].limit_to_country(country)
        wire_place_lookup(self, "city_ko", "timezone", url=LOOKUP, country="country")

    def clean(self):
        cleaned = super().clean()
        city = cleaned.get("city_ko", "")
        # A three-letter city (Ulm, Goa) is a city once a country is chosen; HND is a code.
        found = places.airport(city) if city.isupper() or not cleaned.get("country") else None
        if found:
            cleaned["city_ko"] = found.city_ko
            cleaned["city_en"] = cleaned.get("city_en") or found.city_en
            cleaned["country"] = cleaned.get("country") or found.country
        elif city and not cleaned.get("city_en"):
            english = places.english_city(city)
            cleaned["city_en"] = english if english != city else ""
        country = cleaned.get("country") or (city and places.country_for_city(city)) or ""
        cleaned["country"] = country
        if not country:
            self.add_error("country", _("Choose the country."))
            return cleaned
        place_changed = bool({"city_ko", "city_en", "country"} & set(self.changed_data))
        if cleaned.get("timezone") and ("timezone" in self.changed_data or not place_changed):
            return cleaned
        zone_name = (found.timezone if found else None) or places.zone_for_place(
            country=country, city=cleaned["city_ko"], city_en=cleaned.get("city_en", "")
        )
        if zone_name:
            cleaned["timezone"] = zone_name
        else:
            self.fields["timezone"].limit_to_country(country)
            self.add_error("timezone", _several_zones(country))
        return cleaned


def _several_zones(country) -> str:
    return _("%(country)s has several time zones and the city is not known: choose the zone.") % {
        "country": Country(str(country)).name
    }


class TravelSegmentForm(ServiceValidatedMixin, RevisionMixin, forms.ModelForm):
    """Departure and arrival each in their own zone (a flight can land 'yesterday')."""

    # Shown above the form.
    hint = _(
        "Departure in the local time of the place left, arrival in the local time of the place "
        "reached, each with its own time zone."
    )

    departure_date = forms.DateField(label=_("departure date"), widget=DateInput)
    departure_time = forms.TimeField(label=_("departure time"), widget=TimeInput)
    departure_timezone = ZonePickerField(label=_("departure time zone"))
    arrival_date = forms.DateField(label=_("arrival date"), widget=DateInput)
    arrival_time = forms.TimeField(label=_("arrival time"), widget=TimeInput)
    arrival_timezone = ZonePickerField(label=_("arrival time zone"))

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
        help_texts = {
            "origin": _("An airport code (ICN, HND) fills the city and the zone."),
            "destination": _("An airport code (CGK, GVA) fills the city and the zone."),
        }

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        stops = trip.stops.all()
        self.fields["from_stop"].queryset = stops
        self.fields["to_stop"].queryset = stops
        wire_place_lookup(self, "origin", "departure_timezone", url=LOOKUP)
        wire_place_lookup(self, "destination", "arrival_timezone", url=LOOKUP)
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

    def _place_zone(self, cleaned: dict, prefix: str, end: str, stop_field: str) -> None:
        """Fill an end's zone (and its city, from an airport code) unless staff chose one."""
        field = f"{prefix}_timezone"
        text = cleaned.get(end, "")
        found = places.airport_in_text(text)
        if found and places.airport(text):
            cleaned[end] = found.label()  # "HND" → "도쿄 (HND)"
        if cleaned.get(field) and (field in self.changed_data or end not in self.changed_data):
            return
        stop = cleaned.get(stop_field)
        country = places.country_for_city(text)
        zone_name = (
            (found.timezone if found else None)
            or (country and places.zone_for_place(country=country, city=text))
            or (stop.timezone if stop else None)
        )
        if zone_name:
            cleaned[field] = zone_name
        elif text:
            message = _("Type an airport code, or choose the zone of %(place)s.")
            self.add_error(field, message % {"place": text})

    def clean(self):
        cleaned = super().clean()
        self._place_zone(cleaned, "departure", "origin", "from_stop")
        self._place_zone(cleaned, "arrival", "destination", "to_stop")
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


class DelegationMemberForm(ServiceValidatedMixin, RevisionMixin, forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ("person", "organisation", "role", "group", "printed_as")

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trip = trip
        self.fields["group"].queryset = trip.delegation_groups.all()
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision
        use_person_picker(self)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("organisation"):
            raise forms.ValidationError(_("Choose a person or an agency."))
        return cleaned


class EngagementPersonForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = EngagementPerson
        fields = ("side", "role", "person", "organisation", "printed_as")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_person_picker(self)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("person") or cleaned.get("organisation") or cleaned.get("printed_as")):
            raise forms.ValidationError(_("Name a person, an organisation or a role as printed."))
        return cleaned


class TripSettingsForm(ServiceValidatedMixin, RevisionMixin, forms.ModelForm):
    class Meta:
        model = Trip
        fields = ("status", "transfer_buffer_minutes")

"""The accommodation form: the hotel as a place (its zone from the city), dates and who stays."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from itineraries.models import Stay, Trip
from planner import places
from planner.forms import DateInput, RevisionMixin, TimeInput
from planner.zone_fields import ZonePickerField, wire_place_lookup

LOOKUP = reverse_lazy("itineraries:place_lookup")

# The place fields of the form and the Venue fields they fill.
VENUE_FIELDS = {
    "hotel_name": "name_ko",
    "hotel_name_en": "name_en",
    "address": "address",
    "city": "city_ko",
    "country": "country",
    "timezone": "timezone",
}


class StayForm(RevisionMixin, forms.ModelForm):
    """A stay at a hotel. The zone comes from the city (도쿄 → Asia/Tokyo), never a default."""

    hotel_name = forms.CharField(label=_("accommodation name"), max_length=200)
    hotel_name_en = forms.CharField(
        label=_("accommodation name (English)"), max_length=200, required=False
    )
    address = forms.CharField(label=_("address"), max_length=300, required=False)
    city = forms.CharField(
        label=_("city"), max_length=100, help_text=_("A city name, e.g. 도쿄 or Jakarta.")
    )
    country = CountryField(blank=True).formfield(label=_("country"), required=False)
    timezone = ZonePickerField()

    class Meta:
        model = Stay
        fields = (
            "check_in_date",
            "check_in_time",
            "check_out_date",
            "check_out_time",
            "members",
            "confirmation_number",
            "notes",
        )
        widgets = {
            "check_in_date": DateInput(),
            "check_out_date": DateInput(),
            "check_in_time": TimeInput(),
            "check_out_time": TimeInput(),
            "members": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "confirmation_number": _("Shown to editors only; never in calendars."),
            "members": _("Leave all unticked when it is not known who stays here."),
        }

    def __init__(self, *args, trip: Trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.trip = trip
        self.instance.trip = trip
        self.fields["check_in_date"].required = True
        members = self.fields["members"]
        members.queryset = trip.members.select_related("person", "organisation")
        members.label_from_instance = lambda member: member.display_name
        stay = self.instance
        if stay.pk:
            self.fields["revision"].initial = stay.revision
            for name, attr in VENUE_FIELDS.items():
                self.fields[name].initial = getattr(stay.venue, attr)
        country = self.data.get(self.add_prefix("country")) or self.fields["country"].initial
        if len(places.country_zones(country or "")) > 1:
            self.fields["timezone"].limit_to_country(country)
        wire_place_lookup(self, "city", "timezone", url=LOOKUP, country="country")

    def clean(self):
        cleaned = super().clean()
        check_in, check_out = cleaned.get("check_in_date"), cleaned.get("check_out_date")
        if check_in and check_out and check_out <= check_in:
            self.add_error("check_out_date", _("Check-out must be after the check-in date."))
        for name in ("check_in_date", "check_out_date"):
            if name in self.changed_data:
                # A date typed into the form is a day; what a document wrote is replaced.
                setattr(self.instance, f"{name}_precision", "day")
                setattr(self.instance, f"{name}_written", "")
                setattr(self.instance, f"{name}_weekday", "")
        self._place_zone(cleaned)
        return cleaned

    def _place_zone(self, cleaned: dict) -> None:
        """Country and zone from the city unless staff chose them (a stop in that city helps)."""
        city = cleaned.get("city", "")
        if not city:
            return
        stop = next((s for s in self.trip.stops.all() if city in (s.city_ko, s.city_en)), None)
        country = str(
            cleaned.get("country")
            or places.country_for_city(city)
            or (stop.country if stop else "")
            or ""
        )
        cleaned["country"] = country
        if not country:
            self.add_error("country", _("Choose the country."))
            return
        place_changed = bool({"city", "country"} & set(self.changed_data))
        if cleaned.get("timezone") and ("timezone" in self.changed_data or not place_changed):
            return
        zone_name = places.zone_for_place(country=country, city=city) or (
            stop.timezone if stop and stop.country == country else None
        )
        if zone_name:
            cleaned["timezone"] = zone_name
        else:
            self.fields["timezone"].limit_to_country(country)
            self.add_error(
                "timezone",
                _("%(city)s: the zone is not known from the city; choose it.") % {"city": city},
            )

    def venue_values(self) -> dict[str, str]:
        """What the form says of the place, as Venue fields (for ``stay_save``)."""
        return {attr: self.cleaned_data.get(name) or "" for name, attr in VENUE_FIELDS.items()}

    def member_ids(self) -> list[int]:
        return [member.pk for member in self.cleaned_data.get("members", [])]

"""Rows whose stored zone disagrees with their place (the Africa/Abidjan default of old).

Pure reads: each check returns what staff should look at, with the zone the
place implies. A place that does not decide a zone (a country with several and
an unknown city) is not reported: there is nothing to compare with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from itineraries.models import Stop, TravelSegment
from planner import places
from planner.models import Venue


@dataclass(frozen=True)
class ZoneMismatch:
    kind: str  # "stop", "segment-departure", "segment-arrival", "venue"
    obj: object
    place: str
    stored: str
    expected: str
    trip_pk: int | None = None


def _expected_zone(place: Stop | Venue) -> str | None:
    """The zone the place implies when it differs from the stored one."""
    expected = places.zone_for_place(
        country=place.country.code, city=place.city_ko, city_en=place.city_en
    )
    return expected if expected and expected != place.timezone else None


def _stop_mismatches(stops: Iterable[Stop]) -> list[ZoneMismatch]:
    found = []
    for stop in stops:
        if expected := _expected_zone(stop):
            place = f"{stop.city_ko} ({stop.country.name})"
            found.append(ZoneMismatch("stop", stop, place, stop.timezone, expected, stop.trip_id))
    return found


def _segment_mismatches(segments: Iterable[TravelSegment]) -> list[ZoneMismatch]:
    found = []
    for segment in segments:
        for kind, text, stored in (
            ("segment-departure", segment.origin, segment.departure_timezone),
            ("segment-arrival", segment.destination, segment.arrival_timezone),
        ):
            airport = places.airport_in_text(text)
            if airport and airport.timezone != stored:
                found.append(
                    ZoneMismatch(kind, segment, text, stored, airport.timezone, segment.trip_id)
                )
    return found


def _venue_mismatches(venues: Iterable[Venue]) -> list[ZoneMismatch]:
    found = []
    for venue in venues:
        if expected := _expected_zone(venue):
            found.append(ZoneMismatch("venue", venue, str(venue), venue.timezone, expected))
    return found


def zone_mismatches() -> list[ZoneMismatch]:
    return [
        *_stop_mismatches(Stop.objects.select_related("trip").order_by("trip", "order", "pk")),
        *_segment_mismatches(TravelSegment.objects.select_related("trip")),
        *_venue_mismatches(Venue.objects.order_by("name_ko", "pk")),
    ]

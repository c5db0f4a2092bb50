"""Night by night, where the delegation sleeps: built in memory from the trip's stays.

A night is named by its evening: the night of 8 July runs into the morning of
9 July. A stay covers the nights from its check-in up to (not including) its
check-out. A stay whose check-out is not known covers its first night only, and
says so; a stay whose check-in is not known to the day has no night and is listed
apart. Nights of the trip with no stay are shown as such, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from itineraries.models import Stay, Trip
from itineraries.rules import MAX_TRIP_DAYS


@dataclass
class Night:
    day: date
    stays: list[Stay] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"night-{self.day.isoformat()}"


@dataclass
class Nights:
    nights: list[Night]
    undated: list[Stay]

    @property
    def without_stay(self) -> int:
        return sum(1 for night in self.nights if not night.stays)


def stay_nights(stay: Stay) -> list[date]:
    first, last = stay.check_in_day, stay.check_out_day
    if first is None:
        return []
    if last is None or last <= first:
        return [first]
    count = min((last - first).days, MAX_TRIP_DAYS)
    return [first + timedelta(days=n) for n in range(count)]


def trip_nights(trip: Trip, stays: list[Stay]) -> Nights:
    by_night: dict[date, list[Stay]] = {}
    undated = []
    for stay in stays:
        days = stay_nights(stay)
        if not days:
            undated.append(stay)
        for day in days:
            by_night.setdefault(day, []).append(stay)
    all_nights = set(by_night)
    exact = trip.start_date_precision == "day" and trip.end_date_precision == "day"
    if trip.start_date and trip.end_date and exact:
        count = min((trip.end_date - trip.start_date).days, MAX_TRIP_DAYS)
        all_nights.update(trip.start_date + timedelta(days=n) for n in range(count))
    nights = [Night(day=day, stays=by_night.get(day, [])) for day in sorted(all_nights)]
    return Nights(nights=nights, undated=undated)

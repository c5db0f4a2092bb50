"""The trip page's day-by-day programme, built in memory from rows already fetched.

Days run from the trip's first to its last day (and any day an item falls on
outside it). Within a day, timed items (engagements and travel) come in clock
order, each in its own zone; items whose time is not confirmed follow in their
manual order. Where the delegation moves to another zone, a marker says so.
Engagements without a date are listed after the days, by stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from itineraries.models import Engagement, EngagementPerson, Stop, TravelSegment, Trip
from itineraries.rules import MAX_TRIP_DAYS
from planner.timezones import zone, zone_or_none


@dataclass(frozen=True)
class ZoneChange:
    before: str
    after: str
    offset: str  # "+0h", "+1h", "-7h", "+5h30m"


@dataclass
class Entry:
    """One row of a day: an engagement, a travel segment or a zone change."""

    kind: str  # "engagement", "segment", "zone"
    engagement: Engagement | None = None
    segment: TravelSegment | None = None
    change: ZoneChange | None = None
    can_move_up: bool = False
    can_move_down: bool = False


@dataclass
class ProgrammeDay:
    day: date
    entries: list[Entry] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"day-{self.day.isoformat()}"

    @property
    def is_empty(self) -> bool:
        return not any(entry.kind != "zone" for entry in self.entries)

    @property
    def default_stop(self) -> Stop | None:
        return self.stops[-1] if self.stops else None


@dataclass
class UndatedGroup:
    # None for engagements whose place the document does not name.
    stop: Stop | None
    engagements: list[Engagement]


@dataclass
class Programme:
    days: list[ProgrammeDay]
    undated: list[UndatedGroup]

    @property
    def engagement_count(self) -> int:
        dated = sum(1 for d in self.days for e in d.entries if e.kind == "engagement")
        return dated + sum(len(group.engagements) for group in self.undated)


def offset_label(before: str, after: str, day: date) -> str:
    """How far clocks move between two zones on a day: "+1h", "-7h", "+5h30m"."""
    noon = datetime.combine(day, time(12))
    delta = (
        noon.replace(tzinfo=zone(after)).utcoffset() - noon.replace(tzinfo=zone(before)).utcoffset()
    )
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}h{rest:02d}m" if rest else f"{sign}{hours}h"


def _stop_covering(stops: list[Stop], day: date) -> list[Stop]:
    return [
        stop
        for stop in stops
        if stop.arrival_date
        and stop.departure_date
        and stop.arrival_date <= day <= stop.departure_date
    ]


def _sort_key(entry: Entry) -> tuple:
    if entry.kind == "segment":
        return (0, entry.segment.departs_at.timestamp(), 0, entry.segment.pk)
    engagement = entry.engagement
    if engagement.starts_at:
        return (0, engagement.starts_at.timestamp(), 1, engagement.pk)
    return (1, 0, engagement.order, engagement.pk)  # untimed: the manual order


def _mark_movable(entries: list[Entry]) -> None:
    """Up/down buttons for untimed engagements, whose order within the day is manual."""
    untimed = [e for e in entries if e.kind == "engagement" and not e.engagement.starts_at]
    for index, entry in enumerate(untimed):
        entry.can_move_up = index > 0
        entry.can_move_down = index < len(untimed) - 1


def trip_programme(
    trip: Trip, stops: list[Stop], engagements: list[Engagement], segments: list[TravelSegment]
) -> Programme:
    stop_by_id = {stop.pk: stop for stop in stops}
    by_day: dict[date, list[Entry]] = {}
    undated: dict[int, list[Engagement]] = {}
    for engagement in engagements:
        # A date known only to the month or year is no day of the programme.
        day = engagement.local_date if engagement.date_precision == "day" else None
        if day is None:
            undated.setdefault(engagement.stop_id, []).append(engagement)
        else:
            by_day.setdefault(day, []).append(Entry("engagement", engagement=engagement))
    for segment in segments:
        day = segment.departs_at.astimezone(zone(segment.departure_timezone)).date()
        by_day.setdefault(day, []).append(Entry("segment", segment=segment))

    all_days = set(by_day)
    exact = trip.start_date_precision == "day" and trip.end_date_precision == "day"
    if trip.start_date and trip.end_date and exact:
        # Rows stored before trips were bounded may span decades: their empty days stop at
        # MAX_TRIP_DAYS (days with items always show).
        span = min((trip.end_date - trip.start_date).days, MAX_TRIP_DAYS - 1)
        all_days.update(trip.start_date + timedelta(days=n) for n in range(max(span, 0) + 1))

    current = stops[0].timezone if stops else ""
    where = stops[0] if stops else None  # the stop the flow has reached
    days = []
    for day in sorted(all_days):
        entries = sorted(by_day.get(day, []), key=_sort_key)
        _mark_movable(entries)
        flowing: list[Entry] = []
        day_stops: list[Stop] = []
        for entry in entries:
            if entry.kind == "engagement":
                stop = stop_by_id.get(entry.engagement.stop_id) or entry.engagement.stop
                if stop is None:
                    flowing.append(entry)
                    continue
                known = zone_or_none(current) and zone_or_none(stop.timezone)
                if known and stop.timezone != current:
                    flowing.append(_change(current, stop.timezone, day))
                current = stop.timezone or current
                where = stop
                if stop not in day_stops:
                    day_stops.append(stop)
                flowing.append(entry)
            else:
                segment = entry.segment
                current = current if zone_or_none(current) else segment.departure_timezone
                flowing.append(entry)
                if segment.arrival_timezone != current:
                    flowing.append(_change(current, segment.arrival_timezone, day))
                current = segment.arrival_timezone
                for end in (segment.from_stop_id, segment.to_stop_id):
                    stop = stop_by_id.get(end)
                    if stop and stop not in day_stops:
                        day_stops.append(stop)
                where = stop_by_id.get(segment.to_stop_id) or where
        if not day_stops:
            day_stops = _stop_covering(stops, day) or ([where] if where else [])
        days.append(ProgrammeDay(day=day, entries=flowing, stops=day_stops))

    def in_order(items: list[Engagement]) -> list[Engagement]:
        return sorted(items, key=lambda e: (e.order, e.pk))

    groups = [
        UndatedGroup(stop=stop, engagements=in_order(undated[stop.pk]))
        for stop in stops
        if stop.pk in undated
    ]
    if None in undated:
        groups.append(UndatedGroup(stop=None, engagements=in_order(undated[None])))
    return Programme(days=days, undated=groups)


def _change(before: str, after: str, day: date) -> Entry:
    return Entry("zone", change=ZoneChange(before, after, offset_label(before, after, day)))


@dataclass(frozen=True)
class CounterpartMet:
    line: EngagementPerson
    engagement: Engagement


def counterparts_met(engagements: list[Engagement]) -> list[CounterpartMet]:
    """Counterparts of every engagement, in programme order (from prefetched people)."""
    ordered = sorted(
        engagements,
        key=lambda e: (
            e.local_date is None,
            e.local_date or date.min,
            _sort_key(Entry("engagement", engagement=e)),
        ),
    )
    return [
        CounterpartMet(line=line, engagement=engagement)
        for engagement in ordered
        for line in engagement.people_lines
        if line.side == EngagementPerson.Side.COUNTERPART
    ]


def linked_forums(engagements: list[Engagement]) -> list:
    seen: dict[int, object] = {}
    for engagement in engagements:
        if engagement.forum_id and engagement.forum_id not in seen:
            seen[engagement.forum_id] = engagement.forum
    return list(seen.values())

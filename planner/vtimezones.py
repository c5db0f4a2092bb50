"""VTIMEZONE blocks built from the pinned tzdata, written the way Outlook and Google write them.

Why not icalendar's ``Timezone.from_tzid``: it lists every transition as one
comma-separated RDATE with a placeholder observance, and parsers read that
differently (ical.js and vobject take only the first RDATE value; Outlook
derives an "nth weekday" rule from the latest observance, MS-OXCICAL
2.1.3.1.1.19). Why not a shipped VTIMEZONE collection (``ics-vtimezones``): its
data is a snapshot of another tzdata release than the one our instants come
from; a calendar whose VTIMEZONE disagrees with its own instants is wrong in
every client.

So the transitions are read from ``zoneinfo`` (the pinned ``tzdata`` package,
see ``planner.tzdata``) over the span of the exported events, and grouped:

- transitions that recur yearly on the same rule (month, weekday, week or last
  week, wall time, offsets) become one observance with
  ``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`` (and ``UNTIL`` once the rule ended);
- one-off transitions (Morocco's Ramadan, a country leaving DST) stay single,
  and older one-offs with the same offsets share an observance with one RDATE
  per line; the latest STANDARD and the latest DAYLIGHT always have their own
  DTSTART, as Outlook reads only those;
- transitions that start after the last event are left out, so that Outlook's
  "latest observance" is the one in force when the events happen.
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from planner.timezones import zone

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_STEP = 86_400  # probe once a day; zones never change twice within one


@dataclass(frozen=True)
class Transition:
    instant: datetime  # UTC
    onset: datetime  # naive wall time before the change, as DTSTART wants it
    offset_from: timedelta
    offset_to: timedelta
    dst: bool
    name: str

    @property
    def kind(self) -> tuple:
        return (self.dst, self.offset_from, self.offset_to, self.name)

    @property
    def rule_key(self) -> tuple:
        onset = self.onset
        return (*self.kind, onset.month, onset.weekday(), onset.time())

    @property
    def weeks(self) -> set[int]:
        """The BYDAY numbers that name this day: its week of the month, and -1 if last."""
        day = self.onset.day
        numbers = {(day - 1) // 7 + 1}
        if day + 7 > pycalendar.monthrange(self.onset.year, self.onset.month)[1]:
            numbers.add(-1)
        return numbers


def _state(tz, timestamp: int) -> tuple:
    moment = datetime.fromtimestamp(timestamp, UTC).astimezone(tz)
    return (moment.utcoffset(), bool(moment.dst()), moment.tzname())


def _bisect(tz, low: int, high: int) -> int:
    """The first second in (low, high] whose state differs from ``low``'s."""
    before = _state(tz, low)
    while high - low > 1:
        middle = (low + high) // 2
        if _state(tz, middle) == before:
            low = middle
        else:
            high = middle
    return high


@lru_cache(maxsize=256)
def transitions(tzid: str, first: date, last: date) -> tuple[Transition, ...]:
    """Every change of offset, DST flag or abbreviation between two UTC midnights."""
    tz = zone(tzid)
    start = int(datetime.combine(first, time(), tzinfo=UTC).timestamp())
    end = int(datetime.combine(last, time(), tzinfo=UTC).timestamp())
    found = []
    previous = _state(tz, start)
    for probe in range(start + _STEP, end + 1, _STEP):
        current = _state(tz, probe)
        if current == previous:
            continue
        moment = _bisect(tz, probe - _STEP, probe)
        offset_from = _state(tz, moment - 1)[0]
        offset_to, dst, name = _state(tz, moment)
        instant = datetime.fromtimestamp(moment, UTC)
        found.append(
            Transition(
                instant=instant,
                onset=(instant + offset_from).replace(tzinfo=None),
                offset_from=offset_from,
                offset_to=offset_to,
                dst=dst,
                name=name,
            )
        )
        previous = current
    return tuple(found)


@dataclass
class Observance:
    first: Transition
    weeks: set[int]
    more: list[Transition] = field(default_factory=list)
    yearly: bool = True  # ``more`` continues the rule year by year (else: RDATEs)
    open_ended: bool = False

    @property
    def last(self) -> Transition:
        return self.more[-1] if self.more else self.first

    def follows(self, transition: Transition) -> bool:
        return (
            self.yearly
            and transition.rule_key == self.first.rule_key
            and transition.onset.year == self.last.onset.year + 1
            and bool(self.weeks & transition.weeks)
        )

    def rrule(self) -> dict | None:
        if not (self.yearly and (self.more or self.open_ended)):
            return None
        week = -1 if -1 in self.weeks else min(self.weeks)
        rule = {
            "FREQ": "YEARLY",
            "BYMONTH": self.first.onset.month,
            "BYDAY": f"{week}{WEEKDAYS[self.first.onset.weekday()]}",
        }
        if not self.open_ended:
            rule["UNTIL"] = self.last.instant
        return rule


def _yearly_groups(found: tuple[Transition, ...]) -> list[Observance]:
    groups: list[Observance] = []
    open_groups: dict[tuple, Observance] = {}
    for transition in found:
        group = open_groups.get(transition.rule_key)
        if group is not None and group.follows(transition):
            group.weeks &= transition.weeks
            group.more.append(transition)
            continue
        group = Observance(first=transition, weeks=set(transition.weeks))
        open_groups[transition.rule_key] = group
        groups.append(group)
    return groups


def _merge_one_offs(groups: list[Observance]) -> list[Observance]:
    """Older single transitions with the same offsets share one observance (RDATEs)."""
    latest = {}
    for group in groups:
        latest[group.first.dst] = group
    merged: list[Observance] = []
    by_kind: dict[tuple, Observance] = {}
    for group in groups:
        single = not group.more and not group.open_ended
        if not single or latest[group.first.dst] is group:
            merged.append(group)
            continue
        host = by_kind.get(group.first.kind)
        if host is None:
            host = by_kind[group.first.kind] = Observance(
                first=group.first, weeks=group.weeks, yearly=False
            )
            merged.append(host)
        else:
            host.more.append(group.first)
    return merged


def observances(tzid: str, first_year: int, last_year: int) -> list[Observance]:
    """The observances for events between two years (inclusive), oldest first."""
    # One year before, to reach the change in force on 1 January; two after, to tell
    # a rule that goes on (no UNTIL) from one that stopped.
    found = transitions(tzid, date(first_year - 1, 1, 1), date(last_year + 3, 1, 1))
    window_end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    groups = [g for g in _yearly_groups(found) if g.first.instant < window_end]
    for group in groups:
        group.open_ended = bool(group.more) and group.last.onset.year >= last_year + 2
    return _merge_one_offs(groups)


def _anchor(tzid: str, year: int) -> Transition:
    """The state in force before the first transition probed (or for ever, e.g. Kathmandu).

    Written as a STANDARD whatever its DST flag: Outlook needs a STANDARD, and this one's
    DTSTART is the oldest, so it never becomes the "latest" observance Outlook reads.
    """
    start = datetime(year - 1, 1, 1, tzinfo=UTC)
    offset, _dst, name = _state(zone(tzid), int(start.timestamp()))
    return Transition(start, (start + offset).replace(tzinfo=None), offset, offset, False, name)


def build_vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """One VTIMEZONE with RRULE-based observances covering ``first_year``–``last_year``."""
    vtimezone = Timezone()
    vtimezone.add("TZID", tzid)
    vtimezone.add("X-LIC-LOCATION", tzid)
    found = observances(tzid, first_year, last_year)
    anchor = Observance(first=_anchor(tzid, first_year), weeks=set(), yearly=False)
    for group in [anchor, *found]:
        part = TimezoneDaylight() if group.first.dst else TimezoneStandard()
        part.add("TZNAME", group.first.name)
        part.add("TZOFFSETFROM", group.first.offset_from)
        part.add("TZOFFSETTO", group.first.offset_to)
        part.add("DTSTART", group.first.onset)
        rule = group.rrule()
        if rule is not None:
            part.add("RRULE", rule)
        elif group.more:
            for other in group.more:
                part.add("RDATE", other.onset)
        vtimezone.add_component(part)
    return vtimezone

"""How Outlook reads a VTIMEZONE (MS-OXCICAL 2.1.3.1.1.19), as a test helper.

Outlook keeps one yearly rule per zone: it takes the STANDARD and the DAYLIGHT
observance with the largest DTSTART, reads each one's RRULE (BYMONTH, BYDAY
``-1SU``/``2SU``) or, without one, the month, weekday and week of its DTSTART
(week 5 meaning the last), and applies that rule to every year. Whatever else the
block says (older observances, RDATEs, UNTIL) it ignores. A VTIMEZONE is read
"right" by Outlook when this rule puts each event at the instant the other
parsers find.
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class YearlyRule:
    month: int
    week: int  # 1-4, or -1 for the last
    weekday: int  # Monday is 0
    at: time

    def day_in(self, year: int) -> date:
        days = pycalendar.monthrange(year, self.month)[1]
        matching = [
            day
            for day in range(1, days + 1)
            if date(year, self.month, day).weekday() == self.weekday
        ]
        return date(year, self.month, matching[-1 if self.week == -1 else self.week - 1])

    def onset(self, year: int) -> datetime:
        return datetime.combine(self.day_in(year), self.at)


def _rule(observance) -> YearlyRule:
    start = observance.DTSTART.replace(tzinfo=None)
    rrule = observance.get("RRULE")
    if rrule is not None:
        byday = str(rrule["BYDAY"][0])
        week = int(byday[:-2] or 1)
        return YearlyRule(int(rrule["BYMONTH"][0]), week, WEEKDAYS.index(byday[-2:]), start.time())
    week = (start.day - 1) // 7 + 1
    return YearlyRule(start.month, -1 if week == 5 else week, start.weekday(), start.time())


@dataclass(frozen=True)
class OutlookZone:
    standard: timedelta
    daylight: timedelta | None
    dst_starts: YearlyRule | None
    dst_ends: YearlyRule | None

    @classmethod
    def from_vtimezone(cls, vtimezone) -> OutlookZone:
        def latest(name: str):
            parts = [c for c in vtimezone.subcomponents if c.name == name]
            return max(parts, key=lambda c: c.DTSTART.replace(tzinfo=None)) if parts else None

        standard, daylight = latest("STANDARD"), latest("DAYLIGHT")
        assert standard is not None, "Outlook needs a STANDARD observance"
        if daylight is None:
            return cls(standard["TZOFFSETTO"].td, None, None, None)
        return cls(
            standard["TZOFFSETTO"].td, daylight["TZOFFSETTO"].td, _rule(daylight), _rule(standard)
        )

    def utc(self, wall: datetime) -> datetime:
        """The instant Outlook gives a wall-clock time in this zone."""
        offset = self.standard
        if self.daylight is not None:
            starts = self.dst_starts.onset(wall.year)
            ends = self.dst_ends.onset(wall.year)
            in_dst = starts <= wall < ends if starts < ends else not ends <= wall < starts
            offset = self.daylight if in_dst else self.standard
        return (wall - offset).replace(tzinfo=UTC)


def events_by_outlook(body: bytes) -> dict[str, str]:
    """Each timed event's start as Outlook computes it, in UTC (ISO, ``Z``)."""
    calendar = Calendar.from_ical(body)
    zones = {str(tz["TZID"]): OutlookZone.from_vtimezone(tz) for tz in calendar.walk("VTIMEZONE")}
    found = {}
    for event in calendar.walk("VEVENT"):
        prop = event["DTSTART"]
        if not isinstance(prop.dt, datetime):
            continue
        tzid = prop.params.get("TZID")
        wall = prop.dt.replace(tzinfo=None)
        moment = zones[tzid].utc(wall) if tzid else prop.dt.astimezone(UTC)
        found[str(event["UID"])] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return found

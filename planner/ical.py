"""iCalendar (RFC 5545) building: pure functions from plain entries to calendar text.

The apps turn their rows into :class:`CalendarEntry` values (``planner.ical_entries``);
this module knows nothing of trips or forums. Rules kept here:

- a stable UID per item (``<kind>-<pk>@<domain>``), DTSTAMP/LAST-MODIFIED from the
  row's last change, so an unchanged calendar is byte-for-byte the same (ETag);
- timed items carry their local zone (``DTSTART;TZID=Europe/Belgrade``) and a
  VTIMEZONE for every TZID used; items with a date but no time are all-day
  ``VALUE=DATE`` events marked TENTATIVE, never a fake midnight;
- cancelled items stay, with ``STATUS:CANCELLED``;
- items without a date cannot be placed: they are left out and named in the
  calendar's description;
- icalendar writes CRLF and folds lines at 75 octets without splitting a
  Korean character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vText, vUri

from planner.timezones import FLOATING, is_ambiguous, zone
from planner.tzdata import tzdata_version
from planner.vtimezones import build_vtimezone

UID_DOMAIN = "planner.mois.example"
PRODID = "-//Ministry of the Interior and Safety//Delegation and Event Planner//KO"

CONFIRMED = "CONFIRMED"
TENTATIVE = "TENTATIVE"
CANCELLED = "CANCELLED"


def uid_domain() -> str:
    return getattr(settings, "CALENDAR_UID_DOMAIN", "") or UID_DOMAIN


def item_uid(kind: str, item: Any) -> str:
    """The UID of one item, the same in every export and feed, and after a reload.

    ``item`` is a row or a primary key. A row loaded from a document has a ``ref``
    (``eng-2026-07-serbia-jovanovic``) that stays the same when the documents are
    loaded again into another database; other rows are keyed by their primary key,
    which never changes within this installation, whose domain ends the UID.
    """
    key = getattr(item, "ref", None) or getattr(item, "pk", item)
    return f"{kind}-{key}@{uid_domain()}"


@dataclass(frozen=True)
class Participant:
    """Someone on an event. Only people with an e-mail address become ATTENDEE/ORGANIZER:
    RFC 5545 needs a calendar address, and clients drop or mangle attendees without one."""

    name: str
    email: str = ""
    role: str = "REQ-PARTICIPANT"

    def address(self) -> vCalAddress | None:
        if not self.email:
            return None
        address = vCalAddress(f"mailto:{self.email}")
        if self.name:
            address.params["CN"] = self.name
        return address


@dataclass(frozen=True)
class CalendarEntry:
    """One event as calendars see it. ``start``/``end`` are aware instants shown in
    ``timezone``; ``day`` alone makes an all-day item; neither means "date unknown"."""

    uid: str
    summary: str
    timezone: str
    status: str = CONFIRMED
    sequence: int = 0
    start: datetime | None = None
    end: datetime | None = None
    day: date | None = None
    location: str = ""
    description: str = ""
    url: str = ""
    stamp: datetime | None = None
    created: datetime | None = None
    categories: tuple[str, ...] = ()
    organizer: Participant | None = None
    attendees: tuple[Participant, ...] = ()
    # An online meeting's join link: RFC 7986 CONFERENCE (the URL stays the planner's page).
    conference: str = ""
    related_to: str = ""
    # A journey ends elsewhere: DTEND in the arrival zone (a flight Auckland to Los Angeles).
    end_timezone: str = ""
    # A stay at a hotel: an all-day span up to ``last_day``, or a timed one; it runs in
    # the background of the days (never blocks time), and having no time is its nature,
    # not "time TBD" (so it is not marked tentative for that).
    last_day: date | None = None
    background: bool = False

    @property
    def placed(self) -> bool:
        return self.start is not None or self.day is not None

    @property
    def all_day(self) -> bool:
        return self.start is None and self.day is not None

    @property
    def floating(self) -> bool:
        """Times stated without a zone: written as floating times, never converted."""
        return self.timezone == FLOATING

    @property
    def local_day(self) -> date | None:
        if self.start is not None:
            if self.floating:
                return self.start.date()
            return self.start.astimezone(zone(self.timezone)).date()
        return self.day

    @property
    def status_for_calendar(self) -> str:
        # A date without a time is never more than tentative; cancelled stays cancelled.
        if self.status == CANCELLED:
            return CANCELLED
        return TENTATIVE if self.all_day and not self.background else self.status

    def sort_key(self) -> tuple:
        instant = self.start or datetime.combine(
            self.day or date.max, datetime.min.time(), tzinfo=UTC
        )
        return (self.local_day or date.max, self.all_day is False, instant, self.uid)

    def sort_text(self) -> str:
        """:meth:`sort_key` as text that sorts the same way (stored with a fragment)."""
        local_day, timed, instant, uid = self.sort_key()
        return f"{local_day:%Y%m%d}|{int(timed)}|{instant.astimezone(UTC):%Y%m%dT%H%M%S%f}|{uid}"

    def zone_years(self) -> dict[str, int]:
        """The TZIDs its times are shown in, each with the local year of its start (or end)."""
        if self.all_day or self.floating or self.local_day is None:
            return {}
        years = {self.timezone: self.local_day.year}
        if self.end_timezone and self.end is not None and self.end_timezone not in years:
            years[self.end_timezone] = self.end.astimezone(zone(self.end_timezone)).year
        return years


def _utc(moment: datetime | None) -> datetime:
    return (moment or timezone.now()).astimezone(UTC).replace(microsecond=0)


def _summary(entry: CalendarEntry) -> str:
    summary = entry.summary
    if entry.all_day and not entry.background:
        tbd = _("Time TBD")
        summary = f"{summary} ({tbd})"
    if entry.status == CANCELLED:
        summary = _("[Cancelled] %(title)s") % {"title": summary}
    return summary


def _zoned(moment: datetime, tz) -> datetime:
    """The local time with its TZID, or UTC for a time the clocks show twice.

    ``TZID=Europe/Belgrade:20261025T023000`` names two instants; RFC 5545 takes the
    first, clients differ, and the later one cannot be written that way at all. UTC
    is the one unambiguous form (the VTIMEZONE of the zone is still sent).
    """
    local = moment.astimezone(tz)
    return moment.astimezone(UTC) if is_ambiguous(local) else local


def build_event(entry: CalendarEntry) -> Event:
    """One VEVENT. Raises ValueError for an entry that has no date to stand on."""
    if not entry.placed:
        raise ValueError(f"{entry.uid} has no date and cannot be placed in a calendar")
    status = entry.status_for_calendar
    event = Event.new(
        uid=entry.uid,
        summary=_summary(entry),
        stamp=_utc(entry.stamp),
        sequence=entry.sequence,
        status=status,
        url=entry.url or None,
        location=entry.location or None,
        description=entry.description or None,
    )
    if entry.categories:
        event.categories = list(entry.categories)
    if entry.conference:
        event.add(
            "CONFERENCE",
            vUri(entry.conference),
            parameters={"VALUE": "URI", "FEATURE": "AUDIO,VIDEO", "LABEL": _("Join online")},
        )
    if entry.created:
        event.add("CREATED", _utc(entry.created))
    if entry.stamp:
        event.add("LAST-MODIFIED", _utc(entry.stamp))
    if entry.all_day:
        event.start = entry.day
        event.end = max(entry.last_day or entry.day, entry.day) + timedelta(days=1)
        # A whole-day reminder of an unconfirmed meeting should not block the day.
        event.add("TRANSP", "TRANSPARENT")
        event.add("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE")
    elif entry.floating:
        # RFC 5545 floating time: the same clock reading wherever the calendar is.
        event.start = entry.start.replace(tzinfo=None)
        if entry.end is not None and entry.end > entry.start:
            event.end = entry.end.replace(tzinfo=None)
        event.add("TRANSP", "TRANSPARENT" if status == CANCELLED else "OPAQUE")
    else:
        event.start = _zoned(entry.start, zone(entry.timezone))
        if entry.end is not None and entry.end > entry.start:
            event.end = _zoned(entry.end, zone(entry.end_timezone or entry.timezone))
        busy = status != CANCELLED and not entry.background
        event.add("TRANSP", "OPAQUE" if busy else "TRANSPARENT")
    if status == TENTATIVE:
        event.add("X-MICROSOFT-CDO-BUSYSTATUS", "TENTATIVE")
    if entry.organizer and (organizer := entry.organizer.address()) is not None:
        event.add("ORGANIZER", organizer)
    for participant in entry.attendees:
        address = participant.address()
        if address is None:
            continue
        address.params["ROLE"] = participant.role
        address.params["CUTYPE"] = "INDIVIDUAL"
        address.params["RSVP"] = "FALSE"
        event.add("ATTENDEE", address)
    if entry.related_to:
        event.add("RELATED-TO", entry.related_to, parameters={"RELTYPE": "PARENT"})
    return event


ZoneSpans = dict[str, tuple[int, int]]


def widen_spans(spans: ZoneSpans, years: dict[str, int]) -> None:
    """Per TZID, the first and last year of the timed entries shown in it."""
    for tzid, year in years.items():
        low, high = spans.get(tzid, (year, year))
        spans[tzid] = (min(low, year), max(high, year))


def _zone_spans(entries: Sequence[CalendarEntry]) -> ZoneSpans:
    spans: ZoneSpans = {}
    for entry in entries:
        widen_spans(spans, entry.zone_years())
    return spans


@lru_cache(maxsize=512)
def vtimezone_text(tzid: str, first: int, last: int, tzdata_release: str) -> bytes:
    """One VTIMEZONE block as text, built once per zone, span and tzdata release."""
    return build_vtimezone(tzid, first, last).to_ical()


def timezone_blocks(tzids: Iterable[str], spans: ZoneSpans) -> list[bytes]:
    """A VTIMEZONE for every TZID, in a fixed order, covering the years of its events.

    Built from the pinned tzdata with yearly RRULEs (``planner.vtimezones``), the way
    Outlook reads them; the span is each zone's own, so the latest observance is the
    one in force at its events.
    """
    this_year = timezone.localdate().year
    release = tzdata_version()
    return [
        vtimezone_text(tzid, *spans.get(tzid, (this_year, this_year)), release)
        for tzid in sorted(tzids)
    ]


def add_timezones(calendar: Calendar, entries: Sequence[CalendarEntry]) -> None:
    spans = _zone_spans(entries)
    this_year = timezone.localdate().year
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        first, last = spans.get(tzid, (this_year, this_year))
        calendar.subcomponents.insert(position, build_vtimezone(tzid, first, last))
        position += 1


def unplaced_note(titles: Sequence[str]) -> str:
    if not titles:
        return ""
    return _("Left out because their date is not fixed yet (날짜 미정): %(titles)s") % {
        "titles": "; ".join(titles)
    }


@dataclass(frozen=True)
class CalendarHead:
    """What a VCALENDAR says about itself, before its events."""

    name: str
    uid: str
    description: str = ""
    url: str = ""
    refresh: timedelta | None = None


def build_calendar(entries: Iterable[CalendarEntry], **head) -> Calendar:
    """A VCALENDAR of the placeable entries; the others are named in its description."""
    entries = list(entries)
    placed = sorted((e for e in entries if e.placed), key=CalendarEntry.sort_key)
    unplaced = [e.summary for e in entries if not e.placed]
    calendar = empty_calendar(CalendarHead(**head), unplaced)
    for entry in placed:
        calendar.add_component(build_event(entry))
    add_timezones(calendar, placed)
    return calendar


def empty_calendar(head: CalendarHead, unplaced: Sequence[str] = ()) -> Calendar:
    """The VCALENDAR's own properties; ``unplaced``: titles of items without a date."""
    name, uid, url, refresh = head.name, head.uid, head.url, head.refresh
    text = "\n\n".join(part for part in (head.description, unplaced_note(unplaced)) if part)
    calendar = Calendar.new(
        prodid=PRODID,
        uid=uid,
        url=url or None,
        refresh_interval=refresh,
        calscale="GREGORIAN",
    )
    # NAME and X-WR-CALNAME set by hand as escaped TEXT: icalendar 7's ``name=`` writes
    # them raw and refuses a line break only by an ``assert``, which ``python -O`` drops
    # (a title could then inject properties and whole VEVENTs).
    calendar.add("NAME", vText(name))
    calendar.add("X-WR-CALNAME", vText(name))
    if text:
        # Set by hand: icalendar 7's ``description=`` leaves X-WR-CALDESC unescaped,
        # which breaks on a line break.
        calendar.add("DESCRIPTION", text)
        calendar.add("X-WR-CALDESC", vText(text))
    if refresh is not None:
        # Outlook reads the older spelling of REFRESH-INTERVAL.
        calendar.add("X-PUBLISHED-TTL", vDuration(refresh))
    return calendar

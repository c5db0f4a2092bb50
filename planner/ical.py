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

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vText, vUri

from planner.timezones import FLOATING, is_ambiguous, zone
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


def _utc(moment: datetime | None) -> datetime:
    return (moment or timezone.now()).astimezone(UTC).replace(microsecond=0)


def _summary(entry: CalendarEntry) -> str:
    summary = entry.summary
    if entry.all_day and not entry.background:
        summary = f"{summary} ({_('Time TBD')})"
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
        tz = zone(entry.timezone)
        event.start = _zoned(entry.start, tz)
        if entry.end is not None and entry.end > entry.start:
            event.end = _zoned(entry.end, tz)
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


def _zone_years(entries: Sequence[CalendarEntry]) -> dict[str, tuple[int, int]]:
    """Per TZID, the first and last year of the timed entries shown in it."""
    years: dict[str, tuple[int, int]] = {}
    for entry in entries:
        if entry.all_day or entry.local_day is None:
            continue
        low, high = years.get(entry.timezone, (entry.local_day.year, entry.local_day.year))
        years[entry.timezone] = (min(low, entry.local_day.year), max(high, entry.local_day.year))
    return years


def add_timezones(calendar: Calendar, entries: Sequence[CalendarEntry]) -> None:
    """A VTIMEZONE for every TZID, in a fixed order, covering the years of its events.

    Built from the pinned tzdata with yearly RRULEs (``planner.vtimezones``), the way
    Outlook reads them; the span is each zone's own, so the latest observance is the
    one in force at its events.
    """
    years = _zone_years(entries)
    this_year = timezone.localdate().year
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        first, last = years.get(tzid, (this_year, this_year))
        calendar.subcomponents.insert(position, build_vtimezone(tzid, first, last))
        position += 1


def unplaced_note(entries: Iterable[CalendarEntry]) -> str:
    titles = [entry.summary for entry in entries]
    if not titles:
        return ""
    return _("Left out because their date is not fixed yet (날짜 미정): %(titles)s") % {
        "titles": "; ".join(titles)
    }


def build_calendar(
    entries: Iterable[CalendarEntry],
    *,
    name: str,
    uid: str,
    description: str = "",
    url: str = "",
    refresh: timedelta | None = None,
) -> Calendar:
    """A VCALENDAR of the placeable entries; the others are named in its description."""
    entries = list(entries)
    placed = sorted((e for e in entries if e.placed), key=CalendarEntry.sort_key)
    unplaced = [e for e in entries if not e.placed]
    text = "\n\n".join(part for part in (description, unplaced_note(unplaced)) if part)
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
    for entry in placed:
        calendar.add_component(build_event(entry))
    add_timezones(calendar, placed)
    return calendar


# Responses ------------------------------------------------------------------------


def ascii_filename(fallback: str) -> str:
    """A file name every browser and mail client accepts: ASCII letters, digits, dashes."""
    return f"{slugify(fallback)[:80] or 'calendar'}.ics"


def content_disposition(title: str, fallback: str) -> str:
    """``attachment`` with an ASCII ``filename`` and the Korean one as RFC 5987 ``filename*``."""
    plain = ascii_filename(fallback)
    readable = " ".join(f"{title.strip() or fallback}.ics".split())
    for unsafe in '/\\:*?"<>|':
        readable = readable.replace(unsafe, "-")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(readable, safe='')}"


def etag_matches(request: HttpRequest, etag: str) -> bool:
    """``If-None-Match`` by RFC 9110 13.1.2: ``*`` matches any current representation;
    otherwise weak comparison (a proxy may weaken the tag when it compresses)."""
    header = request.headers.get("If-None-Match", "")
    tags = {part.strip() for part in header.split(",") if part.strip()}
    if "*" in tags:
        return True
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


def not_modified(request: HttpRequest, etag: str, *, max_age: int = 0) -> HttpResponse | None:
    """A 304 when the client holds ``etag`` (checked before building anything), else None."""
    if not etag_matches(request, etag):
        return None
    response = HttpResponseNotModified()
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=max_age)
    return response


def calendar_response(
    request: HttpRequest,
    calendar: Calendar,
    *,
    title: str,
    fallback_name: str,
    max_age: int = 0,
    etag: str | None = None,
) -> HttpResponse:
    """``text/calendar; charset=utf-8`` with a strong ETag; ``304`` when the client has it.

    ``etag`` is a validator computed before the build (``planner.calendar_validators``);
    without one, the digest of the body is the tag.
    """
    body = calendar.to_ical()
    etag = etag or f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    unchanged = not_modified(request, etag, max_age=max_age)
    if unchanged is not None:
        return unchanged
    response = HttpResponse(
        b"" if request.method == "HEAD" else body,
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition(title, fallback_name)
    response["Content-Length"] = str(len(body))
    response["ETag"] = etag
    patch_cache_control(response, private=True, max_age=max_age)
    return response

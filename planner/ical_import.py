"""Reading an invitation (.ics) a counterpart sent, e.g. from Outlook, into plain values.

Times come back as aware instants whenever the file says where they are: an IANA
TZID (``Europe/Belgrade``), UTC (``...Z``), a Windows zone name (Outlook's
``W. Europe Standard Time``, mapped by icalendar) or a VTIMEZONE the file carries.
A time with no zone, or with a zone nobody knows, is returned naive and flagged:
the caller reads it in the local zone of the place and says so.

Anything that is not a usable invitation raises :class:`InvitationError` with a
message for the user, never an unhandled exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import recurring_ical_events
from django.utils.translation import gettext as _
from icalendar import Calendar

from planner.params import day_in_range, range_message

MAX_BYTES = 1024 * 1024

# Join links of online meetings, as Teams, Meet, Zoom and Webex put them in invitations.
JOIN_LINK = re.compile(
    r"https://(?:teams\.microsoft\.com/l/meetup-join/|teams\.live\.com/meet/"
    r"|meet\.google\.com/[a-z]{3}-[a-z]{4}-[a-z]{3}"
    r"|(?:[\w-]+\.)?zoom\.us/(?:j|my|w)/|[\w-]+\.webex\.com/)[^\s<>\"'\]\)]*",
    re.IGNORECASE,
)
# Where they are: the text, and the properties Outlook and Google add.
LINK_PROPERTIES = (
    "URL",
    "CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-GOOGLE-CONFERENCE",
    "LOCATION",
    "DESCRIPTION",
)


class InvitationError(ValueError):
    """The file cannot be used; ``str(error)`` is written for the user."""


@dataclass(frozen=True)
class Occurrence:
    """One meeting of a recurring invitation; ``key`` is its RECURRENCE-ID in UTC."""

    key: str
    start: datetime | None = None
    end: datetime | None = None
    day: date | None = None


@dataclass
class Invitation:
    summary: str
    uid: str = ""
    start: datetime | None = None  # aware, unless ``floating``
    end: datetime | None = None
    day: date | None = None  # an all-day invitation
    end_day: date | None = None  # exclusive, as in the file
    floating: bool = False
    zone_label: str = ""  # the TZID as written, e.g. "W. Europe Standard Time"
    location: str = ""
    description: str = ""
    organizer: str = ""
    attendees: list[str] = field(default_factory=list)
    status: str = ""
    method: str = ""
    recurring: bool = False
    other_events: int = 0
    sequence: int = 0
    recurrence_key: str = ""  # set when the file is about one occurrence of a series
    join_links: list[str] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)  # of a recurring one
    text: str = ""  # the file as read, carried to the confirmation step

    @property
    def cancels(self) -> bool:
        return self.method == "CANCEL" or self.status == "CANCELLED"

    @property
    def timed(self) -> bool:
        return self.start is not None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvitationError(_("The file is not text in UTF-8 or EUC-KR; it is not an .ics file."))


def _person(address) -> str:
    if address is None:
        return ""
    email = str(address).removeprefix("mailto:").removeprefix("MAILTO:")
    name = address.params.get("CN", "") if hasattr(address, "params") else ""
    if name and email:
        return f"{name} <{email}>"
    return name or email


def _text(event, name: str) -> str:
    value = event.get(name)
    return str(value).strip() if value is not None else ""


def _read_times(event, invitation: Invitation) -> None:
    prop = event.get("DTSTART")
    if prop is None:
        raise InvitationError(_("The invitation has no start date (DTSTART)."))
    start = event.start  # raises for a broken value; the caller turns that into a message
    invitation.zone_label = str(prop.params.get("TZID", ""))
    has_end = event.get("DTEND") is not None or event.get("DURATION") is not None
    end = event.end if has_end else None
    if not isinstance(start, datetime):
        invitation.day = start
        invitation.end_day = end if isinstance(end, date) and end > start else None
        return
    if start.tzinfo is None:
        invitation.floating = True
    elif not invitation.zone_label and start.utcoffset() == timedelta(0):
        invitation.zone_label = "UTC"
    invitation.start = start
    if isinstance(end, datetime) and end > start:
        invitation.end = end


def join_links(event) -> list[str]:
    """Teams/Meet/Zoom/Webex links of the event, first seen first, each once."""
    links: list[str] = []
    for name in LINK_PROPERTIES:
        values = event.get(name) or []
        for value in values if isinstance(values, list) else [values]:
            for link in JOIN_LINK.findall(str(value)):
                if link not in links:
                    links.append(link)
    return links


def _occurrence_key(start: date | datetime) -> str:
    if isinstance(start, datetime) and start.tzinfo is not None:
        return start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    if isinstance(start, datetime):
        return start.strftime("%Y%m%dT%H%M%S")
    return start.strftime("%Y%m%d")


def occurrences_between(calendar: Calendar, uid: str, first: date, last: date) -> list[Occurrence]:
    """The meetings of a recurring event whose start falls between two dates (a day's margin
    each side, for the zones), honouring RRULE, RDATE, EXDATE and moved occurrences."""
    found = []
    window = recurring_ical_events.of(calendar).between(
        first - timedelta(days=1), last + timedelta(days=2)
    )
    for event in window:
        if str(event.get("UID", "")) != uid:
            continue
        start = event.start
        end = event.end if event.get("DTEND") or event.get("DURATION") else None
        if isinstance(start, datetime):
            found.append(Occurrence(_occurrence_key(start), start=start, end=end))
        else:
            found.append(Occurrence(_occurrence_key(start), day=start))
    return sorted(found, key=lambda o: o.key)


def _as_day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def parse_invitation(
    data: bytes, *, cancellations: bool = False, within: tuple[date, date] | None = None
) -> Invitation:
    """The first event of an .ics file, as values a form can show.

    ``cancellations``: a METHOD:CANCEL file is returned (``cancels``) instead of refused.
    ``within``: the occurrences of a recurring event between these dates are listed.
    """
    if not data:
        raise InvitationError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise InvitationError(_("The file is larger than 1 MB; an invitation is much smaller."))
    text = _decode(data)
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InvitationError(
            _("This is not an iCalendar (.ics) file: BEGIN:VCALENDAR is missing.")
        )
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        # AttributeError: icalendar on a misspelt component (BEGIN:VTIMEZNE … END:VTIMEZONE)
        raise InvitationError(
            _("The calendar file could not be read (%(reason)s).") % {"reason": error}
        ) from error
    # The series itself, not one of its moved occurrences (RECURRENCE-ID), comes first.
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.get("RECURRENCE-ID") is not None)
    if not events:
        raise InvitationError(_("The file holds no event (VEVENT) to import."))
    event = events[0]
    invitation = Invitation(
        summary=_text(event, "SUMMARY") or _("(untitled invitation)"),
        uid=_text(event, "UID"),
        location=_text(event, "LOCATION"),
        description=_text(event, "DESCRIPTION"),
        organizer=_person(event.get("ORGANIZER")),
        status=_text(event, "STATUS").upper(),
        method=str(calendar.get("METHOD", "")).upper(),
        recurring=event.get("RRULE") is not None or event.get("RDATE") is not None,
        other_events=sum(1 for other in events[1:] if not _moved_occurrence(other, event)),
        sequence=_sequence(event),
        recurrence_key=_occurrence_key(event["RECURRENCE-ID"].dt)
        if event.get("RECURRENCE-ID") is not None
        else "",
        join_links=join_links(event),
        text=text,
    )
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    invitation.attendees = [name for name in (_person(a) for a in attendees) if name]
    try:
        _read_times(event, invitation)
    except InvitationError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError, AttributeError) as error:
        raise InvitationError(
            _("The start or end time of the invitation cannot be read (%(reason)s).")
            % {"reason": error}
        ) from error
    moments = (invitation.day, invitation.end_day, invitation.start, invitation.end)
    if not all(day_in_range(_as_day(moment)) for moment in moments if moment is not None):
        raise InvitationError(range_message())
    if invitation.method == "CANCEL" and not cancellations:
        raise InvitationError(
            _("This file cancels a meeting (METHOD:CANCEL); there is nothing to import.")
        )
    if invitation.recurring and within is not None:
        try:
            invitation.occurrences = occurrences_between(calendar, invitation.uid, *within)
        except (ValueError, KeyError, TypeError, OverflowError) as error:
            raise InvitationError(
                _("The repetitions of the invitation cannot be read (%(reason)s).")
                % {"reason": error}
            ) from error
    return invitation


def _moved_occurrence(other, series) -> bool:
    return other.get("RECURRENCE-ID") is not None and other.get("UID") == series.get("UID")


def _sequence(event) -> int:
    try:
        return int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0

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

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar

from planner.params import day_in_range, range_message

MAX_BYTES = 1024 * 1024


class InvitationError(ValueError):
    """The file cannot be used; ``str(error)`` is written for the user."""


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


def _as_day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def parse_invitation(data: bytes) -> Invitation:
    """The first event of an .ics file, as values a form can show."""
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
    events = calendar.walk("VEVENT")
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
        recurring=event.get("RRULE") is not None,
        other_events=len(events) - 1,
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
    if invitation.method == "CANCEL":
        raise InvitationError(
            _("This file cancels a meeting (METHOD:CANCEL); there is nothing to import.")
        )
    return invitation

"""What every calendar entry is written with: places, people, the Seoul line, the organizer.

The apps build their entries (``itineraries.calendar``, ``forums.calendar``) from
these; they read only planner's own models (Person, Venue, Contact) and the
attributes of the role lines they are given, never an app's model.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.utils.translation import gettext as _

from planner.ical import Participant
from planner.language import localized
from planner.models import Role
from planner.timezones import headquarters_zone, zone, zone_or_none

ATTENDEE_ROLE = {
    Role.HEAD: "CHAIR",
    Role.MODERATOR: "CHAIR",
    Role.MC: "CHAIR",
    Role.HOST: "CHAIR",
    Role.INTERPRETER: "NON-PARTICIPANT",
}


def join_unique(parts: Iterable[str], separator: str = ", ") -> str:
    seen: list[str] = []
    for part in parts:
        part = (part or "").strip()
        if part and part not in seen:
            seen.append(part)
    return separator.join(seen)


def place_text(venue: Any, rooms: str, city: str = "", country: Any = None) -> str:
    """LOCATION: venue, room, city, country, as a map search would want it."""
    if venue is not None:
        return join_unique(
            [
                localized(venue, "name"),
                rooms,
                venue.address,
                localized(venue, "city") or venue.locality,
                venue.country.name if venue.country else "",
            ]
        )
    return join_unique([rooms, city, country.name if country else ""])


def known_day(row: Any, field: str = "date"):
    """The date when known to the day; a month or a year is no day in a calendar."""
    if getattr(row, f"{field}_precision", "day") != "day":
        return None
    return getattr(row, field)


def seoul_line(start, end, tz_name: str) -> str:
    """Headquarters reports in KST: say when a meeting abroad happens in Seoul."""
    seoul = headquarters_zone()
    if start is None or zone_or_none(tz_name) is None or zone(tz_name).key == seoul.key:
        return ""
    local_start = start.astimezone(seoul)
    text = local_start.strftime("%Y-%m-%d %H:%M")
    if end is not None:
        text += "~" + end.astimezone(seoul).strftime("%H:%M")
    return _("Seoul time (KST): %(time)s") % {"time": text}


def line_name(line: Any) -> str:
    """A role line as people read it: the name with the position, or the role as printed."""
    person = line.person
    if person is not None:
        position = localized(person, "position")
        return f"{person}, {position}" if position else str(person)
    return line.printed_as or (str(line.organisation) if line.organisation_id else "")


def participants(lines: Iterable[Any]) -> tuple[Participant, ...]:
    return tuple(
        Participant(
            name=str(line.person),
            email=line.person.email,
            role=ATTENDEE_ROLE.get(line.role, "REQ-PARTICIPANT"),
        )
        for line in lines
        if line.person is not None and line.person.email
    )


def organizer(contacts: Iterable[Any]) -> Participant | None:
    """The desk officer (else the official in charge) named on the source, if reachable."""
    ranked = sorted(contacts, key=lambda c: (c.responsibility != "desk", c.pk))
    for contact in ranked:
        if contact.person is not None and contact.person.email:
            return Participant(name=str(contact.person), email=contact.person.email)
    return None


def description(*blocks: str) -> str:
    return "\n\n".join(block.strip() for block in blocks if block and block.strip())


def floating_span(is_floating: bool, day, start_time, end_time):
    """Floating times as naive-in-UTC datetimes the writer emits without a zone."""
    if not (is_floating and day and start_time):
        return None, None
    start = datetime.combine(day, start_time, tzinfo=UTC)
    end = datetime.combine(day, end_time, tzinfo=UTC) if end_time else None
    return start, (end if end and end > start else None)

"""Trip engagements, forums and agenda sessions as calendar entries.

``planner`` imports neither app (imports run one way): these functions read the
attributes of the rows they are given. The rows must come from the querysets in
``planner.calendar_selectors``, which load every relation used here, so turning
500 rows into entries costs no query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from django.utils.translation import gettext as _

from planner.ical import (
    CANCELLED,
    CONFIRMED,
    TENTATIVE,
    CalendarEntry,
    Participant,
    item_uid,
)
from planner.models import Role
from planner.templatetags.planner_display import localized
from planner.timezones import headquarters_zone, zone, zone_or_none

# Absolute URL from a path: ``request.build_absolute_uri``.
Absolute = Callable[[str], str]

ENGAGEMENT_STATUS = {"tentative": TENTATIVE, "confirmed": CONFIRMED, "cancelled": CANCELLED}
FORUM_STATUS = {
    "planning": TENTATIVE,
    "announced": CONFIRMED,
    "held": CONFIRMED,
    "cancelled": CANCELLED,
}
ATTENDEE_ROLE = {
    Role.HEAD: "CHAIR",
    Role.MODERATOR: "CHAIR",
    Role.MC: "CHAIR",
    Role.HOST: "CHAIR",
    Role.INTERPRETER: "NON-PARTICIPANT",
}


def _join(parts: Iterable[str], separator: str = ", ") -> str:
    seen: list[str] = []
    for part in parts:
        part = (part or "").strip()
        if part and part not in seen:
            seen.append(part)
    return separator.join(seen)


def _place(venue: Any, rooms: str, city: str = "", country: Any = None) -> str:
    """LOCATION: venue, room, city, country, as a map search would want it."""
    if venue is not None:
        return _join(
            [
                localized(venue, "name"),
                rooms,
                venue.address,
                localized(venue, "city") or venue.locality,
                venue.country.name if venue.country else "",
            ]
        )
    return _join([rooms, city, country.name if country else ""])


def _known_day(row: Any, field: str = "date"):
    """The date when known to the day; a month or a year is no day in a calendar."""
    if getattr(row, f"{field}_precision", "day") != "day":
        return None
    return getattr(row, field)


def _seoul_line(start, end, tz_name: str) -> str:
    """Headquarters reports in KST: say when a meeting abroad happens in Seoul."""
    seoul = headquarters_zone()
    if start is None or zone_or_none(tz_name) is None or zone(tz_name).key == seoul.key:
        return ""
    local_start = start.astimezone(seoul)
    text = local_start.strftime("%Y-%m-%d %H:%M")
    if end is not None:
        text += "~" + end.astimezone(seoul).strftime("%H:%M")
    return _("Seoul time (KST): %(time)s") % {"time": text}


def _line_name(line: Any) -> str:
    """A role line as people read it: the name with the position, or the role as printed."""
    person = line.person
    if person is not None:
        position = localized(person, "position")
        return f"{person}, {position}" if position else str(person)
    return line.printed_as or (str(line.organisation) if line.organisation_id else "")


def _participants(lines: Iterable[Any]) -> tuple[Participant, ...]:
    return tuple(
        Participant(
            name=str(line.person),
            email=line.person.email,
            role=ATTENDEE_ROLE.get(line.role, "REQ-PARTICIPANT"),
        )
        for line in lines
        if line.person is not None and line.person.email
    )


def _organizer(contacts: Iterable[Any]) -> Participant | None:
    """The desk officer (else the official in charge) named on the source, if reachable."""
    ranked = sorted(contacts, key=lambda c: (c.responsibility != "desk", c.pk))
    for contact in ranked:
        if contact.person is not None and contact.person.email:
            return Participant(name=str(contact.person), email=contact.person.email)
    return None


def _description(*blocks: str) -> str:
    return "\n\n".join(block.strip() for block in blocks if block and block.strip())


# Engagements ------------------------------------------------------------------------


def engagement_entry(engagement: Any, absolute: Absolute) -> CalendarEntry:
    trip = engagement.trip
    lines = list(engagement.people.all())
    sides: dict[str, list[str]] = {}
    for line in lines:
        name = _line_name(line)
        if name:
            sides.setdefault(line.get_side_display(), []).append(name)
    people = "\n".join(f"{side}: {'; '.join(names)}" for side, names in sides.items())
    url = absolute(engagement.get_absolute_url())
    tz_name = engagement.timezone_name
    facts = [
        _("Trip: %(title)s") % {"title": localized(trip, "title")},
        _seoul_line(engagement.starts_at, engagement.ends_at, tz_name),
        engagement.date_note,
        (_("Host: %(name)s") % {"name": engagement.host}) if engagement.host_id else "",
        (_("Join online: %(url)s") % {"url": engagement.join_url}) if engagement.join_url else "",
    ]
    return CalendarEntry(
        uid=item_uid("engagement", engagement),
        summary=localized(engagement, "title"),
        timezone=tz_name,
        status=ENGAGEMENT_STATUS.get(engagement.status, TENTATIVE),
        sequence=engagement.sequence,
        start=engagement.starts_at,
        end=engagement.ends_at,
        day=None if engagement.starts_at else _known_day(engagement),
        location=_place(
            engagement.venue,
            engagement.room,
            localized(engagement.stop, "city") if engagement.stop else "",
            engagement.stop.country if engagement.stop else None,
        ),
        description=_description(
            "\n".join(f for f in facts if f), engagement.objectives, people, url
        ),
        url=url,
        stamp=engagement.updated,
        created=engagement.created,
        categories=(engagement.get_kind_display(),),
        organizer=_organizer(trip.contacts.all()),
        attendees=_participants(lines),
        conference=engagement.join_url,
    )


# Accommodation ----------------------------------------------------------------------


def stay_entry(stay: Any, absolute: Absolute) -> CalendarEntry:
    """A hotel stay: timed from check-in to check-out in the hotel's zone when both times
    are known, else all-day from the check-in to the check-out day. Never the
    confirmation number (calendars are shared and forwarded) nor the staff notes."""
    trip, venue = stay.trip, stay.venue
    start, end = stay.check_in_at, stay.check_out_at
    timed = start is not None and end is not None and end > start
    who = ", ".join(member.display_name for member in stay.members.all())
    facts = [
        _("Trip: %(title)s") % {"title": localized(trip, "title")},
        _seoul_line(start, None, venue.timezone) if timed else "",
        _("Check-in: %(day)s") % {"day": stay.check_in_date} if stay.check_in_date else "",
        _("Check-out: %(day)s") % {"day": stay.check_out_date} if stay.check_out_date else "",
        (_("Who stays: %(names)s") % {"names": who}) if who else "",
    ]
    url = absolute(f"{trip.get_absolute_url()}#stay-{stay.pk}")
    return CalendarEntry(
        uid=item_uid("stay", stay),
        summary=_("Accommodation: %(name)s") % {"name": localized(venue, "name") or str(venue)},
        timezone=venue.timezone,
        sequence=stay.sequence,
        start=start if timed else None,
        end=end if timed else None,
        day=None if timed else stay.check_in_day,
        last_day=None if timed else stay.check_out_day,
        location=_place(venue, ""),
        description=_description("\n".join(f for f in facts if f), url),
        url=url,
        stamp=stay.updated,
        created=stay.created,
        categories=(str(_("accommodation")),),
        background=True,
    )


# Forums and their sessions -------------------------------------------------------------


def _floating_span(forum: Any, day, start_time, end_time):
    """Floating times as naive-in-UTC datetimes the writer emits without a zone."""
    if not (forum.is_floating and day and start_time):
        return None, None
    start = datetime.combine(day, start_time, tzinfo=UTC)
    end = datetime.combine(day, end_time, tzinfo=UTC) if end_time else None
    return start, (end if end and end > start else None)


def forum_entry(forum: Any, absolute: Absolute) -> CalendarEntry:
    url = absolute(forum.get_absolute_url())
    organisers = _join(
        (f"{o.get_role_display()}: {o.organisation}" for o in forum.organisers.all()), "\n"
    )
    mcs = [line for line in forum.people.all() if line.role == Role.MC]
    facts = [
        localized(forum, "theme"),
        _seoul_line(forum.starts_at, forum.ends_at, forum.timezone),
        organisers,
        _join((f"{line.get_role_display()}: {_line_name(line)}" for line in mcs), "\n"),
        forum.livestream_url,
    ]
    day = _known_day(forum)
    start, end = forum.starts_at, forum.ends_at
    if start is None:
        start, end = _floating_span(forum, day, forum.start_time, forum.end_time)
    return CalendarEntry(
        uid=item_uid("forum", forum),
        summary=localized(forum, "title"),
        timezone=forum.timezone,
        status=FORUM_STATUS.get(forum.status, TENTATIVE),
        sequence=forum.sequence,
        start=start,
        end=end,
        day=None if start else day,
        location=_place(forum.venue, forum.rooms),
        description=_description("\n".join(f for f in facts if f), forum.description, url),
        url=url,
        stamp=forum.updated,
        created=forum.created,
        categories=(forum.get_kind_display() or str(_("event")),),
        organizer=_organizer(forum.contacts.all()),
        attendees=_participants(forum.people.all()),
    )


def _session_lines(session: Any) -> list[str]:
    """The run-of-show lines under the row's title: sub-items, then the people."""
    lines = []
    for item in session.items.all():
        presenter = item.printed_as or (str(item.person) if item.person_id else "")
        text = f"{item.marker} {localized(item, 'title')}".strip()
        lines.append(f"{text} - {presenter}" if presenter else text)
    for line in session.people.all():
        name = line.printed_as or line.display_name
        # A speaker already printed in the remarks column (비고) is not repeated.
        if name and name != session.notes:
            lines.append(f"{line.get_role_display()}: {name}")
    if session.notes:
        lines.append(_("Remarks: %(notes)s") % {"notes": session.notes})
    return lines


def session_entry(session: Any, absolute: Absolute) -> CalendarEntry:
    forum = session.forum
    url = absolute(f"{forum.get_absolute_url()}#session-{session.pk}")
    forum_title = localized(forum, "title")
    start, end = session.starts_at, session.ends_at
    if start is None:
        day = session.day or _known_day(forum)
        start, end = _floating_span(forum, day, session.start_time, session.end_time)
    return CalendarEntry(
        uid=item_uid("session", session),
        summary=f"{localized(session, 'title')} · {forum_title}",
        timezone=forum.timezone,
        status=FORUM_STATUS.get(forum.status, TENTATIVE),
        # The forum's own changes (place, status) move every session too; both only grow.
        sequence=session.sequence + forum.sequence,
        start=start,
        end=end,
        location=_place(forum.venue, forum.rooms),
        description=_description(
            "\n".join(_session_lines(session)), _("Forum: %(title)s") % {"title": forum_title}, url
        ),
        url=url,
        stamp=max(session.updated, forum.updated),
        created=session.created,
        categories=(session.get_kind_display(),),
        organizer=_organizer(forum.contacts.all()),
        attendees=_participants(session.people.all()),
        related_to=item_uid("forum", forum),
    )


def forum_entries(forum: Any, absolute: Absolute, *, with_sessions: bool) -> list[CalendarEntry]:
    entries = [forum_entry(forum, absolute)]
    if with_sessions:
        entries += [session_entry(session, absolute) for session in forum.sessions.all()]
    return entries

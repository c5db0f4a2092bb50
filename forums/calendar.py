"""Forums in calendars: the forum and its agenda sessions as entries, registered with planner.

``register()`` (from ``ForumsConfig.ready``) tells ``planner.calendar_registry``
what a forum holds. Each queryset loads every relation its entry reads, so
turning 1,000 sessions into entries costs no query per row.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from forums.models import Forum, ForumOrganiser, ForumPerson, Session, SessionItem, SessionPerson
from planner.calendar_registry import (
    Absolute,
    CalendarSource,
    Parent,
    register_badges,
    register_parent,
    register_source,
)
from planner.ical import CANCELLED, CONFIRMED, TENTATIVE, CalendarEntry, item_uid
from planner.ical_entries import (
    description,
    floating_span,
    join_unique,
    known_day,
    line_name,
    organizer,
    participants,
    place_text,
    seoul_line,
)
from planner.language import localized
from planner.models import Contact, Role

FORUM_STATUS = {
    Forum.Status.PLANNING: TENTATIVE,
    Forum.Status.ANNOUNCED: CONFIRMED,
    Forum.Status.HELD: CONFIRMED,
    Forum.Status.CANCELLED: CANCELLED,
}


def _contacts() -> Prefetch:
    return Prefetch("contacts", queryset=Contact.objects.select_related("person"))


# Querysets that load everything an entry reads --------------------------------------------


def sessions_for_calendar() -> QuerySet:
    return Session.objects.order_by("order", "pk").prefetch_related(
        Prefetch("items", queryset=SessionItem.objects.select_related("person")),
        Prefetch("people", queryset=SessionPerson.objects.select_related("person", "organisation")),
    )


def forums_for_calendar(*, with_sessions: bool = True) -> QuerySet:
    lookups: list = [
        Prefetch("organisers", queryset=ForumOrganiser.objects.select_related("organisation")),
        Prefetch("people", queryset=ForumPerson.objects.select_related("person", "organisation")),
        _contacts(),
    ]
    if with_sessions:
        lookups.append(Prefetch("sessions", queryset=sessions_for_calendar()))
    return Forum.objects.select_related("venue", "series").prefetch_related(*lookups)


def session_for_calendar() -> QuerySet:
    forum_contacts = Prefetch("forum__contacts", queryset=Contact.objects.select_related("person"))
    return sessions_for_calendar().select_related("forum__venue").prefetch_related(forum_contacts)


FORUM_RELATIONS = (
    "venue__updated",
    "people__updated",
    "people__person__updated",
    "people__organisation__updated",
    "organisers__updated",
    "organisers__organisation__updated",
    "contacts__updated",
    "contacts__person__updated",
)
FORUM_COUNTS = ("people", "organisers", "contacts")
SESSION_RELATIONS = (
    "forum__updated",
    "forum__sequence",
    "forum__venue__updated",
    "items__updated",
    "items__person__updated",
    "people__updated",
    "people__person__updated",
    "people__organisation__updated",
    "forum__contacts__updated",
    "forum__contacts__person__updated",
)
SESSION_COUNTS = ("items", "people", "forum__contacts")


# Entries ------------------------------------------------------------------------------


def forum_entry(forum: Forum, absolute: Absolute) -> CalendarEntry:
    url = absolute(forum.get_absolute_url())
    organisers = join_unique(
        (f"{o.get_role_display()}: {o.organisation}" for o in forum.organisers.all()), "\n"
    )
    mcs = [line for line in forum.people.all() if line.role == Role.MC]
    facts = [
        localized(forum, "theme"),
        seoul_line(forum.starts_at, forum.ends_at, forum.timezone),
        organisers,
        join_unique((f"{line.get_role_display()}: {line_name(line)}" for line in mcs), "\n"),
        forum.livestream_url,
    ]
    day = known_day(forum)
    start, end = forum.starts_at, forum.ends_at
    if start is None:
        start, end = floating_span(forum.is_floating, day, forum.start_time, forum.end_time)
    return CalendarEntry(
        uid=item_uid("forum", forum),
        summary=localized(forum, "title"),
        timezone=forum.timezone,
        status=FORUM_STATUS.get(forum.status, TENTATIVE),
        sequence=forum.sequence,
        start=start,
        end=end,
        day=None if start else day,
        location=place_text(forum.venue, forum.rooms),
        description=description("\n".join(f for f in facts if f), forum.description, url),
        url=url,
        stamp=forum.updated,
        created=forum.created,
        categories=(forum.get_kind_display() or str(_("event")),),
        organizer=organizer(forum.contacts.all()),
        attendees=participants(forum.people.all()),
    )


def _session_lines(session: Session) -> list[str]:
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


def session_entry(session: Session, absolute: Absolute) -> CalendarEntry:
    forum = session.forum
    url = absolute(f"{forum.get_absolute_url()}#session-{session.pk}")
    forum_title = localized(forum, "title")
    start, end = session.starts_at, session.ends_at
    if start is None:
        day = session.day or known_day(forum)
        start, end = floating_span(forum.is_floating, day, session.start_time, session.end_time)
    return CalendarEntry(
        uid=item_uid("session", session),
        summary=f"{localized(session, 'title')} · {forum_title}",
        timezone=forum.timezone,
        status=FORUM_STATUS.get(forum.status, TENTATIVE),
        # The forum's own changes (place, status) move every session too; both only grow.
        sequence=session.sequence + forum.sequence,
        start=start,
        end=end,
        location=place_text(forum.venue, forum.rooms),
        description=description(
            "\n".join(_session_lines(session)), _("Forum: %(title)s") % {"title": forum_title}, url
        ),
        url=url,
        stamp=max(session.updated, forum.updated),
        created=session.created,
        categories=(session.get_kind_display(),),
        organizer=organizer(forum.contacts.all()),
        attendees=participants(session.people.all()),
        related_to=item_uid("forum", forum),
    )


def forum_entries(forum: Forum, absolute: Absolute, *, with_sessions: bool) -> list[CalendarEntry]:
    entries = [forum_entry(forum, absolute)]
    if with_sessions:
        entries += [session_entry(session, absolute) for session in forum.sessions.all()]
    return entries


# Forums: involvement ---------------------------------------------------------------------


def involved_forums(user) -> QuerySet:
    """One semi-join per way of being involved (see ``itineraries.calendar.involved_trips``)."""
    return Forum.objects.filter(
        Q(pk__in=Forum.followers.through.objects.filter(user=user).values("forum_id"))
        | Q(pk__in=ForumPerson.objects.filter(person__user=user).values("forum_id"))
        | Q(pk__in=SessionPerson.objects.filter(person__user=user).values("session__forum_id"))
        | Q(pk__in=SessionItem.objects.filter(person__user=user).values("session__forum_id"))
    )


def _forums_between(forums: QuerySet, first: date, last: date) -> QuerySet:
    return forums.filter(date__range=(first, last))


def _sessions_between(sessions: QuerySet, first: date, last: date) -> QuerySet:
    return sessions.filter(forum__date__range=(first, last))


def register() -> None:
    register_badges(
        {
            Forum.Status.PLANNING: "bg-light-gray",
            Forum.Status.ANNOUNCED: "bg-light-primary",
            Forum.Status.HELD: "bg-light-secondary",
            Forum.Status.CANCELLED: "bg-danger",
        }
    )
    register_parent(
        Parent(
            key="forum",
            objects=lambda: Forum.objects.select_related("venue", "series"),
            for_calendar=lambda: Forum.objects.select_related("venue", "series"),
            involved=involved_forums,
            choice_order=("-date", "pk"),
            ends_field="date",
            starts_field="date",
        )
    )
    register_source(
        CalendarSource(
            kind="forum",
            parent="forum",
            model=Forum,
            parent_field="pk",
            rows=lambda: forums_for_calendar(with_sessions=False),
            entry=forum_entry,
            between=_forums_between,
            relations=FORUM_RELATIONS,
            counts=FORUM_COUNTS,
        )
    )
    register_source(
        CalendarSource(
            kind="session",
            parent="forum",
            model=Session,
            parent_field="forum_id",
            rows=session_for_calendar,
            entry=session_entry,
            between=_sessions_between,
            relations=SESSION_RELATIONS,
            counts=SESSION_COUNTS,
            detail=True,
        )
    )

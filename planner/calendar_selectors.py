"""Reads for calendar exports, feeds and the calendar page, each in a fixed number of queries.

``planner`` imports neither ``itineraries`` nor ``forums``: their models are
looked up by name. "Involved" means: trips and forums the user follows, trips
where the user's Person heads the delegation, is a member or takes part in an
engagement, and forums where that Person has a role (forum-wide, on an agenda
row, or presenting a sub-item).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, Q, QuerySet

from planner.calendar_tombstones import tombstones_for, with_tombstones
from planner.calendar_validators import engagements_state, forums_state, tombstones_state
from planner.ical import CalendarEntry
from planner.ical_entries import Absolute, engagement_entry, forum_entries, forum_entry
from planner.language import localized
from planner.models import CalendarFeed, Contact
from planner.permissions import user_has_role


def _model(label: str):
    return apps.get_model(label)


def _contacts() -> Prefetch:
    return Prefetch("contacts", queryset=Contact.objects.select_related("person"))


# Querysets that load everything an entry reads --------------------------------------------


def engagements_for_calendar() -> QuerySet:
    engagement_person = _model("itineraries.EngagementPerson")
    return (
        _model("itineraries.Engagement")
        .objects.select_related("trip", "stop", "venue", "host")
        .prefetch_related(
            Prefetch(
                "people",
                queryset=engagement_person.objects.select_related("person", "organisation"),
            ),
            Prefetch("trip__contacts", queryset=Contact.objects.select_related("person")),
        )
    )


def sessions_for_calendar() -> QuerySet:
    return (
        _model("forums.Session")
        .objects.order_by("order", "pk")
        .prefetch_related(
            Prefetch(
                "items", queryset=_model("forums.SessionItem").objects.select_related("person")
            ),
            Prefetch(
                "people",
                queryset=_model("forums.SessionPerson").objects.select_related(
                    "person", "organisation"
                ),
            ),
        )
    )


def forums_for_calendar(*, with_sessions: bool = True) -> QuerySet:
    lookups: list[Any] = [
        Prefetch(
            "organisers",
            queryset=_model("forums.ForumOrganiser").objects.select_related("organisation"),
        ),
        Prefetch(
            "people",
            queryset=_model("forums.ForumPerson").objects.select_related("person", "organisation"),
        ),
        _contacts(),
    ]
    if with_sessions:
        lookups.append(Prefetch("sessions", queryset=sessions_for_calendar()))
    return (
        _model("forums.Forum").objects.select_related("venue", "series").prefetch_related(*lookups)
    )


def session_for_calendar() -> QuerySet:
    forum_prefetch = Prefetch("forum__contacts", queryset=Contact.objects.select_related("person"))
    return sessions_for_calendar().select_related("forum__venue").prefetch_related(forum_prefetch)


# Involvement --------------------------------------------------------------------------------


def involved_trips(user) -> QuerySet:
    trip = _model("itineraries.Trip")
    involved = trip.objects.filter(
        Q(followers=user)
        | Q(head__user=user)
        | Q(members__person__user=user)
        | Q(engagements__people__person__user=user)
    ).values("pk")
    return trip.objects.filter(pk__in=involved)


def involved_forums(user) -> QuerySet:
    forum = _model("forums.Forum")
    involved = forum.objects.filter(
        Q(followers=user)
        | Q(people__person__user=user)
        | Q(sessions__people__person__user=user)
        | Q(sessions__items__person__user=user)
    ).values("pk")
    return forum.objects.filter(pk__in=involved)


# Feeds -------------------------------------------------------------------------------------


def active_feed(token: str) -> CalendarFeed | None:
    """The feed behind a token, if it still serves: its owner must still have a role."""
    feed = CalendarFeed.objects.active().select_related("owner").filter(token=token).first()
    return feed if feed is not None and user_has_role(feed.owner) else None


@dataclass
class FeedScope:
    """What one feed is made of, as querysets nothing has evaluated yet."""

    engagements: QuerySet
    forums: QuerySet
    tombstones: QuerySet
    with_sessions: bool

    def state(self) -> tuple:
        """Counts and latest changes: three aggregate queries, no row loaded."""
        return (
            engagements_state(self.engagements),
            forums_state(self.forums, with_sessions=self.with_sessions),
            tombstones_state(self.tombstones),
        )


def feed_scope(feed: CalendarFeed) -> FeedScope:
    """Only its owner's involvement, or the one trip or forum."""
    engagements = engagements_for_calendar()
    forums = forums_for_calendar(with_sessions=feed.include_sessions)
    if feed.scope == CalendarFeed.Scope.TRIP:
        engagements = engagements.filter(trip_id=feed.trip_id)
        forums = forums.none()
        trip_ids, forum_ids = [feed.trip_id], None
    elif feed.scope == CalendarFeed.Scope.FORUM:
        engagements = engagements.none()
        forums = forums.filter(pk=feed.forum_id)
        trip_ids, forum_ids = None, [feed.forum_id]
    else:
        trip_ids = involved_trips(feed.owner).values("pk")
        forum_ids = involved_forums(feed.owner).values("pk")
        engagements = engagements.filter(trip__in=trip_ids)
        forums = forums.filter(pk__in=forum_ids)
    tombstones = tombstones_for(
        trip_ids=trip_ids, forum_ids=forum_ids, with_sessions=feed.include_sessions
    )
    return FeedScope(engagements, forums, tombstones, feed.include_sessions)


def feed_entries(scope: FeedScope, absolute: Absolute) -> list[CalendarEntry]:
    """What the feed serves, deleted items as cancellations for 30 days."""
    entries = [engagement_entry(e, absolute) for e in scope.engagements]
    for forum in scope.forums:
        entries += forum_entries(forum, absolute, with_sessions=scope.with_sessions)
    return with_tombstones(entries, scope.tombstones)


# The calendar page ---------------------------------------------------------------------------


def _relative(path: str) -> str:
    return path


@dataclass
class CalendarItem:
    kind: str  # "engagement" or "forum"
    entry: CalendarEntry
    context: str = ""  # the trip an engagement belongs to


@dataclass
class TripSpan:
    trip: Any
    city: str = ""


@dataclass
class CalendarDay:
    day: date
    in_month: bool = True
    items: list[CalendarItem] = field(default_factory=list)
    trips: list[TripSpan] = field(default_factory=list)


@dataclass
class CalendarPage:
    days: list[CalendarDay]
    undated: list[CalendarItem]
    trips: list[Any]
    forums: list[Any]

    @property
    def weeks(self) -> list[list[CalendarDay]]:
        return [self.days[i : i + 7] for i in range(0, len(self.days), 7)]


def _city_on(trip: Any, day: date) -> str:
    for stop in trip.stops.all():
        arrival, departure = stop.arrival_date, stop.departure_date
        if arrival and departure and arrival <= day <= departure:
            return localized(stop, "city")
    return ""


def calendar_page(user, first: date, last: date, *, month: int | None = None) -> CalendarPage:
    """Everything the user is involved in between ``first`` and ``last`` (inclusive)."""
    trips = list(
        involved_trips(user)
        .select_related("head")
        .prefetch_related(Prefetch("stops", queryset=_model("itineraries.Stop").objects.all()))
        .order_by("start_date", "pk")
    )
    trip_ids = [trip.pk for trip in trips]
    margin = timedelta(days=1)  # a local date may differ from the stored one across the date line
    engagements = engagements_for_calendar().filter(trip_id__in=trip_ids)
    dated = engagements.filter(date__range=(first - margin, last + margin))
    undated = engagements.filter(date__isnull=True).order_by("trip__start_date", "order", "pk")
    forums = list(
        forums_for_calendar(with_sessions=False)
        .filter(pk__in=involved_forums(user))
        .order_by("date", "pk")
    )

    span = ((first + timedelta(days=n)) for n in range((last - first).days + 1))
    days = [CalendarDay(day=d, in_month=month is None or d.month == month) for d in span]
    by_day = {d.day: d for d in days}
    for engagement in dated:
        entry = engagement_entry(engagement, _relative)
        if entry.local_day in by_day:
            item = CalendarItem("engagement", entry, context=str(engagement.trip))
            by_day[entry.local_day].items.append(item)
    for forum in forums:
        entry = forum_entry(forum, _relative)
        if entry.local_day in by_day:
            by_day[entry.local_day].items.append(CalendarItem("forum", entry))
    for calendar_day in days:
        calendar_day.items.sort(key=lambda item: item.entry.sort_key())
        calendar_day.trips = [
            TripSpan(trip, _city_on(trip, calendar_day.day))
            for trip in trips
            if trip.start_date <= calendar_day.day <= trip.end_date
        ]
    return CalendarPage(
        days=days,
        undated=[
            CalendarItem("engagement", engagement_entry(e, _relative), context=str(e.trip))
            for e in undated
        ],
        trips=trips,
        forums=forums,
    )

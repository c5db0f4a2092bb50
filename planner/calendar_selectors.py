"""Reads for calendar exports, feeds and the calendar page, each in a fixed number of queries.

``planner`` imports neither ``itineraries`` nor ``forums``: it walks what they
registered (``planner.calendar_registry``). "Involved" is each parent's own rule
(trips: followed, headed, a member, in an engagement; forums: followed or a role).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils import translation

from planner import calendar_registry as registry
from planner.calendar_fragments import assemble, pieces
from planner.calendar_tombstones import tombstone_entry, tombstones_for
from planner.calendar_validators import ScopeState, compiled_rows, scope_state, shaping
from planner.ical import CalendarEntry, CalendarHead
from planner.language import localized
from planner.models import CalendarFeed
from planner.permissions import user_has_role

# Feeds and exports ---------------------------------------------------------------------


def active_feed(token: str) -> CalendarFeed | None:
    """The feed behind a token, if it still serves: its owner must still have a role."""
    feed = CalendarFeed.objects.active().select_related("owner").filter(token=token).first()
    return feed if feed is not None and user_has_role(feed.owner) else None


@dataclass
class ExportScope:
    """What one calendar is made of: per parent kind, the list of ids."""

    parent_ids: dict[str, Any]
    detail: bool = True

    def parts(self) -> list[tuple[registry.CalendarSource, Any]]:
        return [
            (source, ids)
            for key, ids in self.parent_ids.items()
            for source in registry.sources(parent=key, detail=self.detail)
        ]

    def tombstones(self):
        return tombstones_for(self.parts())

    def state(self) -> ScopeState:
        """Counts and latest changes of rows, relations, tombstones: one query, no row loaded."""
        return scope_state(self.parts())

    def text(self, request: HttpRequest, head: CalendarHead) -> bytes:
        """The calendar, from stored events (only changed rows are serialized again)."""
        settings_key = shaping(request)
        parts = [
            piece
            for source, ids in self.parts()
            for piece in pieces(source, source.under(ids), request.build_absolute_uri, settings_key)
        ]
        cancelled = [tombstone_entry(tombstone) for tombstone in self.tombstones()]
        return assemble(head, parts, cancelled)


def feed_scope(feed: CalendarFeed) -> ExportScope:
    """Only its owner's involvement, or the one trip or forum.

    The ids are read once (one query per parent kind): every later query of the
    poll filters by the list instead of evaluating "involved" again.
    """
    if feed.scope == CalendarFeed.Scope.TRIP:
        parent_ids = {"trip": [feed.trip_id]}
    elif feed.scope == CalendarFeed.Scope.FORUM:
        parent_ids = {"forum": [feed.forum_id]}
    else:
        parent_ids = {
            parent.key: sorted(
                pk
                for (pk,) in compiled_rows(
                    ("involved", connection.vendor, parent.key, feed.owner_id),
                    lambda parent=parent: parent.involved(feed.owner).values_list("pk"),
                )
            )
            for parent in registry.parents()
        }
    return ExportScope(parent_ids, detail=feed.include_sessions)


def export_text(request: HttpRequest, scope: ExportScope, head: CalendarHead) -> bytes:
    """Calendar apps send no language cookie: exports speak the staff's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return scope.text(request, head)


# The calendar page ---------------------------------------------------------------------------


def _relative(path: str) -> str:
    return path


@dataclass
class CalendarItem:
    kind: str  # the source's kind: "engagement", "segment", "forum"…
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


def _involved(user, key: str, order: tuple[str, ...]) -> list[Any]:
    parent = registry.parent(key)
    return list(parent.for_calendar().filter(pk__in=parent.involved(user)).order_by(*order))


def calendar_page(user, first: date, last: date, *, month: int | None = None) -> CalendarPage:
    """Everything the user is involved in between ``first`` and ``last`` (inclusive)."""
    trips = _involved(user, "trip", ("start_date", "pk"))
    forums = _involved(user, "forum", ("date", "pk"))
    parent_ids = {"trip": [trip.pk for trip in trips], "forum": [forum.pk for forum in forums]}
    span = ((first + timedelta(days=n)) for n in range((last - first).days + 1))
    days = [CalendarDay(day=d, in_month=month is None or d.month == month) for d in span]
    by_day = {d.day: d for d in days}
    undated: list[CalendarItem] = []
    for source, ids in ExportScope(parent_ids, detail=False).parts():
        rows = source.under(ids)
        for row in source.between(rows, first, last):
            entry = source.entry(row, _relative)
            if entry.local_day in by_day:
                item = CalendarItem(source.kind, entry, context=source.context(row))
                by_day[entry.local_day].items.append(item)
        if source.undated is not None:
            undated += [
                CalendarItem(source.kind, source.entry(row, _relative), source.context(row))
                for row in source.undated(rows)
            ]
    for calendar_day in days:
        calendar_day.items.sort(key=lambda item: item.entry.sort_key())
        calendar_day.trips = [
            TripSpan(trip, _city_on(trip, calendar_day.day))
            for trip in trips
            if trip.start_date <= calendar_day.day <= trip.end_date
        ]
    return CalendarPage(days=days, undated=undated, trips=trips, forums=forums)

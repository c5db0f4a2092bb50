"""What the apps put in calendars and on the core pages, registered in ``AppConfig.ready()``.

``planner`` imports neither ``itineraries`` nor ``forums``: it keeps the iCal
writer and the views that walk this registry, the apps tell it what they have.

- A **parent** is what a feed is scoped to and what staff follow: a trip, a forum.
- A **calendar source** is one kind of calendar item (engagements, segments,
  forums, agenda sessions): its rows under some parents, each row's entry, and
  the relations that entry reads (the validator's and stored fragments' stamps).
  One more kind of item (a hotel stay) is one more ``register_source`` call.
- **Related sections** are the prefetches a page (person, organisation, document,
  agreement; a forum, for the trip engagements at it) needs to show what the apps
  hold about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet

from planner.ical import CalendarEntry

# Absolute URL from a path: ``request.build_absolute_uri``.
Absolute = Callable[[str], str]


@dataclass(frozen=True)
class Parent:
    """A trip or a forum. ``key`` is the feed scope and the follow URL's kind."""

    key: str
    # Every row, with what its lists print (the head, the venue).
    objects: Callable[[], QuerySet]
    # The rows the calendar page draws (with the stops that name a trip's days).
    for_calendar: Callable[[], QuerySet]
    # The parents a user is involved in (follows, heads, is a member, has a role).
    involved: Callable[[Any], QuerySet]
    # Newest first, for the feed form's choices.
    choice_order: tuple[str, ...]
    # Home page lists: the field that says "not over yet" and the one they sort by.
    ends_field: str
    starts_field: str


@dataclass(frozen=True)
class CalendarSource:
    kind: str  # the UID's kind, the fragment's and tombstone's key
    parent: str  # the Parent.key its rows belong to
    model: type
    # Where the row names its parent ("trip_id"; a forum is its own parent: "pk").
    parent_field: str
    # Every row, with every relation ``entry`` reads loaded (no query per row).
    rows: Callable[[], QuerySet]
    entry: Callable[[Any, Absolute], CalendarEntry]
    # The rows whose local day may fall between two dates (a day's margin is fine).
    between: Callable[[QuerySet, date, date], QuerySet]
    # What ``entry`` reads besides the row: paths to an ``updated`` stamp (or SEQUENCE)
    # of every relation, and the relations whose rows are counted (a removed line
    # changes no stamp). The validator and the stored fragments' versions are made of
    # them (``planner.calendar_validators``): a relation ``entry`` reads must be here.
    relations: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    # Rows without a date, for the calendar page's "date TBD" list; None: never undated.
    undated: Callable[[QuerySet], QuerySet] | None = None
    # What the calendar page prints beside an item (its trip).
    context: Callable[[Any], str] = lambda row: ""
    # Only in feeds and exports that ask for the detail (agenda sessions).
    detail: bool = False

    def under(self, parent_ids) -> QuerySet:
        """Rows of these parents (a list of ids or a ``values("pk")`` subquery)."""
        return self.rows().filter(**{f"{self.parent_field.removesuffix('_id')}__in": parent_ids})

    def tombstone_parent(self, row) -> dict[str, int]:
        return {f"{self.parent}_id": getattr(row, self.parent_field)}


_BADGES: dict[str, str] = {}
_PARENTS: dict[str, Parent] = {}
_SOURCES: dict[str, CalendarSource] = {}
_RELATED: dict[str, list[Callable[[], Iterable[Prefetch | str]]]] = {}


def register_parent(parent: Parent) -> None:
    _PARENTS[parent.key] = parent


def register_source(source: CalendarSource) -> None:
    from planner.calendar_tombstones import connect_source

    _SOURCES[source.kind] = source
    connect_source(source)


def register_related(page: str, lookups: Callable[[], Iterable[Prefetch | str]]) -> None:
    """Prefetches the ``page`` ("person", "organisation", "document", "agreement",
    "forum") adds."""
    _RELATED.setdefault(page, []).append(lookups)


def register_badges(classes: dict[str, str]) -> None:
    """KRDS badge classes by enum member (``Trip.Status.CONFIRMED: "bg-light-success"``).
    Keyed by the members themselves: a renamed value moves its badge with it."""
    _BADGES.update(classes)


def badge_class(value: str) -> str:
    return _BADGES.get(value, "bg-light-gray")


def parent(key: str) -> Parent:
    return _PARENTS[key]


def parents() -> list[Parent]:
    return list(_PARENTS.values())


def sources(*, parent: str | None = None, detail: bool = True) -> list[CalendarSource]:
    """Registered sources in a fixed order; ``detail=False`` leaves agenda sessions out."""
    return [
        source
        for source in _SOURCES.values()
        if (parent is None or source.parent == parent) and (detail or not source.detail)
    ]


def source(kind: str) -> CalendarSource:
    return _SOURCES[kind]


def related_lookups(page: str) -> list[Prefetch | str]:
    return [lookup for lookups in _RELATED.get(page, []) for lookup in lookups()]

"""Reads for the trip pages: querysets that fetch what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    Trip,
)
from planner.models import Agreement, Contact


def trips_for_list() -> QuerySet[Trip]:
    return (
        Trip.objects.select_related("organisation", "head")
        .prefetch_related(Prefetch("stops", queryset=Stop.objects.order_by("order", "pk")))
        .annotate(engagement_count=Count("engagements", distinct=True))
    )


def trips_between(start: date | None = None, end: date | None = None) -> QuerySet[Trip]:
    """Trips still running on or after ``start`` and/or ending before ``end``."""
    trips = Trip.objects.select_related("organisation", "head").prefetch_related(
        Prefetch("stops", queryset=Stop.objects.order_by("order", "pk"))
    )
    if start is not None:
        trips = trips.filter(end_date__gte=start)
    if end is not None:
        trips = trips.filter(end_date__lt=end)
    return trips


def trip_for_detail() -> QuerySet[Trip]:
    engagements = Engagement.objects.select_related("venue", "host", "forum").prefetch_related(
        Prefetch(
            "people",
            queryset=EngagementPerson.objects.select_related(
                "person__organisation", "organisation"
            ),
        )
    )
    return Trip.objects.select_related(
        "organisation", "head__organisation", "document"
    ).prefetch_related(
        Prefetch(
            "stops",
            queryset=Stop.objects.order_by("order", "pk").prefetch_related(
                Prefetch("engagements", queryset=engagements)
            ),
        ),
        Prefetch(
            "members",
            queryset=DelegationMember.objects.select_related(
                "person__organisation", "organisation"
            ),
        ),
        Prefetch("delegation_groups", queryset=DelegationGroup.objects.select_related("stop")),
        Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "pk")),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("department", "person").order_by(
                "-responsibility", "pk"
            ),
        ),
        "segments",
    )


@dataclass
class Day:
    """The engagements of one local date at a stop; ``day`` is None for "date TBD"."""

    day: date | None
    engagements: list[Engagement] = field(default_factory=list)


@dataclass
class StopSchedule:
    stop: Stop
    days: list[Day] = field(default_factory=list)


def _within_day(engagement: Engagement) -> tuple:
    # Timed items in clock order, then the ones whose time is still open.
    return (
        engagement.starts_at is None,
        engagement.starts_at.timestamp() if engagement.starts_at else 0,
        engagement.order,
        engagement.pk,
    )


def schedule_by_stop(trip: Trip) -> list[StopSchedule]:
    """Engagements grouped by stop, then by local date; undated ones last. No queries."""
    schedule = []
    for stop in trip.stops.all():
        by_day: dict[date | None, list[Engagement]] = {}
        for engagement in stop.engagements.all():
            by_day.setdefault(engagement.local_date, []).append(engagement)
        days = [
            Day(day, sorted(items, key=_within_day))
            for day, items in sorted(
                by_day.items(), key=lambda kv: (kv[0] is None, kv[0] or date.min)
            )
        ]
        schedule.append(StopSchedule(stop=stop, days=days))
    return schedule


@dataclass
class GroupSummary:
    group: DelegationGroup
    members: list[DelegationMember]

    @property
    def named_agencies(self) -> int:
        return len({m.organisation_id for m in self.members if m.organisation_id})


def delegation(trip: Trip) -> tuple[list[GroupSummary], list[DelegationMember]]:
    """Groups with the members named in each, and the members outside any group."""
    members = list(trip.members.all())
    groups = [
        GroupSummary(group=g, members=[m for m in members if m.group_id == g.pk])
        for g in trip.delegation_groups.all()
    ]
    ungrouped = [m for m in members if m.group_id is None]
    return groups, ungrouped

"""Reads for the trip pages: querysets that fetch what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stay,
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
                "person__organisation", "organisation", "group"
            ),
        ),
        Prefetch("delegation_groups", queryset=DelegationGroup.objects.prefetch_related("stops")),
        Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "pk")),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("department", "person").order_by(
                "-responsibility", "pk"
            ),
        ),
        "segments",
        Prefetch("stays", queryset=Stay.objects.for_trip_page()),
    )


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

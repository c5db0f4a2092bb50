"""Reads for the trip pages beyond the named querysets (`Trip.objects.for_detail()`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Stop,
    Trip,
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

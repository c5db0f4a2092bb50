"""Reads for the trip pages beyond the named querysets and `models/trip_rows.py`."""

from __future__ import annotations

from dataclasses import dataclass

from itineraries.models import (
    DelegationGroup,
    DelegationMember,
    Trip,
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

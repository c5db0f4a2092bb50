"""What other pages show of trips: a person's engagements and delegations, the trips of
an organisation, a document or an agreement, the trip engagements at a forum. Registered
with planner in ``ready()``."""

from __future__ import annotations

from django.db.models import Prefetch

from itineraries.models import DelegationMember, Engagement, EngagementPerson, Trip
from planner.calendar_registry import register_related


def _trips() -> Prefetch:
    return Prefetch("trips", queryset=Trip.objects.select_related("head"))


def _person() -> list[Prefetch]:
    return [
        Prefetch(
            "itineraries_engagementperson_lines",
            queryset=EngagementPerson.objects.select_related(
                "engagement__trip", "engagement__stop", "engagement__venue"
            ),
        ),
        Prefetch("delegations", queryset=DelegationMember.objects.select_related("trip", "group")),
        Prefetch("trips_headed", queryset=Trip.objects.all()),
    ]


def _forum() -> list[Prefetch]:
    return [Prefetch("engagements", queryset=Engagement.objects.select_related("trip", "stop"))]


def register() -> None:
    register_related("person", _person)
    register_related("forum", _forum)
    for page in ("organisation", "document", "agreement"):
        register_related(page, lambda: [_trips()])

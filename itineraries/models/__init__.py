"""Delegation trips: stops (legs), travel between them, engagements and the delegation."""

from itineraries.models.delegation import DelegationGroup, DelegationMember  # noqa: F401
from itineraries.models.engagements import Engagement, EngagementPerson  # noqa: F401
from itineraries.models.stays import Stay  # noqa: F401
from itineraries.models.trips import Stop, TravelSegment, Trip  # noqa: F401

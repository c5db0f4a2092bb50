"""What the review screen may ask of stored trips (see planner/drafts/registry.py)."""

from __future__ import annotations

from itineraries.models import Trip
from planner.review_text import by_names


def trip_matches(items: list[dict]) -> list[list]:
    """For each draft trip, the stored trips with the same Korean title."""
    return by_names(Trip, items, [("title_ko", "title_ko")])


def trip_quotes(document) -> list[tuple[str, list]]:
    """The trips, stops and engagements created from ``document``."""
    trips = list(Trip.objects.filter(document=document).prefetch_related("stops", "engagements"))
    stops = [stop for trip in trips for stop in trip.stops.all()]
    engagements = [engagement for trip in trips for engagement in trip.engagements.all()]
    return [("trip", trips), ("stop", stops), ("engagement", engagements)]

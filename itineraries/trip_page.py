"""The trip page's read model: one context for the whole page and for the regions an edit changed.

An edit answers with the regions it touched as out-of-band swaps rendered from
this one context, instead of each region fetching the page again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string

from itineraries.conflicts import trip_conflicts
from itineraries.delegation_table import delegation_rows
from itineraries.models import Trip
from itineraries.models.programme_rows import programme_engagements
from itineraries.models.trip_rows import read_trip_relations
from itineraries.nights import trip_nights
from itineraries.programme import counterparts_met, linked_forums, trip_programme
from itineraries.selectors import delegation
from planner.listing import HtmxHttpRequest
from planner.permissions import user_can_edit

DETAIL = "itineraries/trip_detail.html"

# Regions of the trip page (their ids and partial names), in page order.
REGIONS = (
    "summary",
    "conflicts",
    "programme",
    "stops",
    "segments",
    "delegation",
    "counterparts",
    "forums",
)


def trip_page_context(
    request: HtmxHttpRequest, trip: Trip, regions: Iterable[str] = REGIONS
) -> dict[str, Any]:
    """Everything the trip page (or the named regions of it) shows, from the rows
    ``read_trip_page`` (or ``prefetch_regions``) cached on the trip and the programme's
    engagements."""
    stops = list(trip.stops.all())
    engagements = programme_engagements(trip, stops)
    segments = list(trip.segments.all())
    can_edit = user_can_edit(request.user)
    context = {
        "trip": trip,
        "stops": stops,
        "segments": segments,
        "programme": trip_programme(trip, stops, engagements, segments),
        "conflicts": trip_conflicts(trip, engagements, segments),
        "counterparts": counterparts_met(engagements),
        "forums": linked_forums(engagements),
        "can_edit": can_edit,
    }
    if "delegation" in regions:
        groups, ungrouped = delegation(trip)
        context |= {
            "groups": groups,
            "ungrouped_members": ungrouped,
            "delegation_members": delegation_rows(list(trip.members.all())),
        }
    if set(regions) >= set(REGIONS):
        # The whole page: the accommodation panel (stays are edited on pages of their own).
        stays = list(trip.stays.all())
        context |= {"stays": stays, "nights": trip_nights(trip, stays)}
    return context


def prefetch_regions(trip: Trip, regions: Iterable[str]) -> None:
    """Read onto the edit view's trip (``Trip.objects.for_edit``) what these regions
    show: the trip is not read again."""
    # Anything prefetched before the change is stale now.
    trip.__dict__.pop("_prefetched_objects_cache", None)
    read_trip_relations(trip, regions)


def render_regions(request: HtmxHttpRequest, trip: Trip, regions: Iterable[str]) -> str:
    """The named regions, freshly read, each marked to replace its namesake on the page."""
    wanted = [name for name in REGIONS if name in set(regions)]
    if not wanted:
        return ""
    prefetch_regions(trip, wanted)
    context = trip_page_context(request, trip, wanted) | {
        "oob": True,
        "region_templates": [f"{DETAIL}#{name}" for name in wanted],
    }
    return render_to_string("itineraries/_regions.html", context, request)

"""Trip pages: the list, one trip's itinerary (and its regions for htmx), and the print view."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from itineraries.conflicts import trip_conflicts
from itineraries.editing import DETAIL
from itineraries.filters import TripFilter
from itineraries.models import Trip
from itineraries.nights import trip_nights
from itineraries.programme import counterparts_met, linked_forums, trip_programme
from itineraries.selectors import delegation, trip_for_detail, trips_for_list
from itineraries.tables import CounterpartTable, DelegationTable, TripTable, delegation_rows
from planner.listing import HtmxHttpRequest, render_list
from planner.permissions import user_can_edit

# Regions of the trip page that reload themselves when the trip changes (their ids).
REGIONS = frozenset(
    {
        "summary",
        "programme",
        "conflicts",
        "stops",
        "segments",
        "delegation",
        "counterparts",
        "forums",
    }
)


@require_GET
@login_required
def trip_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="itineraries/trip_list.html",
        filterset=TripFilter(request.GET or None, queryset=trips_for_list()),
        table_class=TripTable,
        title=_("Trips"),
        extra={"can_edit": user_can_edit(request.user)},
    )


def trip_page_context(request: HtmxHttpRequest, trip: Trip) -> dict[str, Any]:
    """Everything the trip page shows, from the rows ``trip_for_detail`` prefetched."""
    stops = list(trip.stops.all())
    engagements = [engagement for stop in stops for engagement in stop.engagements.all()]
    segments = list(trip.segments.all())
    members = list(trip.members.all())
    groups, ungrouped = delegation(trip)
    stays = list(trip.stays.all())
    can_edit = user_can_edit(request.user)
    return {
        "trip": trip,
        "stops": stops,
        "segments": segments,
        "programme": trip_programme(trip, stops, engagements, segments),
        "conflicts": trip_conflicts(trip, engagements, segments),
        "groups": groups,
        "ungrouped_members": ungrouped,
        "delegation_table": DelegationTable(delegation_rows(members), can_edit=can_edit),
        "counterpart_table": CounterpartTable(counterparts_met(engagements)),
        "forums": linked_forums(engagements),
        "stays": stays,
        "nights": trip_nights(trip, stays),
        "can_edit": can_edit,
    }


@require_GET
@login_required
def trip_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(trip_for_detail(), pk=pk)
    context = trip_page_context(request, trip)
    template = DETAIL
    if request.htmx and request.htmx.target in REGIONS:
        template = f"{DETAIL}#{request.htmx.target}"
    return render(request, template, context)


@require_GET
@login_required
def trip_print(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A4 itinerary: one page per day, local and Seoul times, counterparts; no navigation."""
    trip = get_object_or_404(trip_for_detail(), pk=pk)
    context = trip_page_context(request, trip)
    context["printed_at"] = timezone.localtime()
    return render(request, "itineraries/trip_print.html", context)


@require_GET
@login_required
def editor_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Closing an inline form: an empty editor slot (the link's href serves non-htmx)."""
    get_object_or_404(Trip.objects.all(), pk=pk)
    return HttpResponse("")

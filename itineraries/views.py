"""Trip pages: the list and one trip's itinerary."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from itineraries.filters import TripFilter
from itineraries.selectors import delegation, schedule_by_stop, trip_for_detail, trips_for_list
from itineraries.tables import TripTable
from planner.listing import HtmxHttpRequest, render_list


@require_GET
@login_required
def trip_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="itineraries/trip_list.html",
        filterset=TripFilter(request.GET or None, queryset=trips_for_list()),
        table_class=TripTable,
        title=_("Trips"),
    )


@require_GET
@login_required
def trip_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(trip_for_detail(), pk=pk)
    groups, ungrouped = delegation(trip)
    context = {
        "trip": trip,
        "schedule": schedule_by_stop(trip),
        "groups": groups,
        "ungrouped_members": ungrouped,
    }
    return render(request, "itineraries/trip_detail.html", context)

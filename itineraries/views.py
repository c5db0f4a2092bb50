"""Trip pages: the list, one trip's itinerary (and its regions for htmx), and the print view."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from itineraries.filters import TripFilter
from itineraries.models import Trip
from itineraries.models.trip_rows import read_trip_page
from itineraries.tables import TripTable
from itineraries.trip_page import DETAIL, REGIONS, trip_page_context
from planner.listing import HtmxHttpRequest, render_list
from planner.permissions import user_can_edit


@require_GET
@login_required
def trip_list(request: HtmxHttpRequest) -> HttpResponse:
    return render_list(
        request,
        template="itineraries/trip_list.html",
        filterset=TripFilter(request.GET or None, queryset=Trip.objects.for_list()),
        table_class=TripTable,
        title=_("Trips"),
        extra={"can_edit": user_can_edit(request.user)},
    )


@require_GET
@login_required
def trip_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    context = trip_page_context(request, _trip_page(pk))
    template = DETAIL
    if request.htmx and request.htmx.target in REGIONS:
        template = f"{DETAIL}#{request.htmx.target}"
    return render(request, template, context)


@require_GET
@login_required
def trip_print(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A4 itinerary: one page per day, local and Seoul times, counterparts; no navigation."""
    context = trip_page_context(request, _trip_page(pk))
    context["printed_at"] = timezone.localtime()
    return render(request, "itineraries/trip_print.html", context)


def _trip_page(pk: int) -> Trip:
    trip = read_trip_page(pk)
    if trip is None:
        raise Http404(_("No such trip."))
    return trip


@require_GET
@login_required
def editor_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Closing an inline form: an empty editor slot (the link's href serves non-htmx)."""
    get_object_or_404(Trip.objects.all(), pk=pk)
    return HttpResponse("")

""" "Add to this trip": the review of a document, started from a trip page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from itineraries.models import Trip
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required
from planner.review_views import review_start_for


@require_http_methods(["GET", "POST"])
@editor_required
def trip_add_document(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.all(), pk=pk)
    action = reverse("itineraries:trip_add_document", args=[trip.pk])
    return review_start_for(request, action=action, trip=trip)

"""Editing a trip's travel segments (flights, trains), each end in its own time zone."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from itineraries import services
from itineraries.editing import (
    confirm_delete,
    get_trip,
    save_item,
)
from itineraries.forms import TravelSegmentForm
from itineraries.models import TravelSegment, Trip
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required


def _segment(trip: Trip, pk: int) -> TravelSegment:
    return get_object_or_404(TravelSegment.objects.filter(trip=trip), pk=pk)


def _save_segment(segment: TravelSegment, expected: int | None) -> TravelSegment:
    return services.segment_save(segment=segment, expected_revision=expected)


def _hint() -> str:
    return _(
        "Departure in the local time of the place left, arrival in the local time of the place "
        "reached, each with its own time zone."
    )


@require_http_methods(["GET", "POST"])
@editor_required
def segment_add(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    return save_item(
        request,
        trip,
        form_class=TravelSegmentForm,
        form_kwargs={"trip": trip, "auto_id": "new-segment-%s"},
        instance=TravelSegment(trip=trip),
        save=_save_segment,
        title=_("New travel segment"),
        message=lambda s: _("Added %(segment)s.") % {"segment": s},
        anchor=lambda s: f"segment-{s.pk}" if s else "segments",
        hint=_hint(),
    )


@require_http_methods(["GET", "POST"])
@editor_required
def segment_edit(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    segment = _segment(trip, pk)
    return save_item(
        request,
        trip,
        form_class=TravelSegmentForm,
        form_kwargs={"trip": trip, "auto_id": f"segment{pk}-%s"},
        instance=segment,
        save=_save_segment,
        title=_("Edit %(segment)s") % {"segment": segment},
        message=lambda s: _("Saved %(segment)s.") % {"segment": s},
        anchor=lambda s: f"segment-{pk}",
        hint=_hint(),
    )


@require_http_methods(["GET", "POST"])
@editor_required
def segment_delete(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    segment = _segment(trip, pk)
    return confirm_delete(
        request,
        trip,
        segment,
        form_class=TravelSegmentForm,
        edit_url=reverse("itineraries:segment_edit", args=[trip.pk, pk]),
        title=_("Delete a travel segment"),
        question=_("Delete %(segment)s? Its history is kept.") % {"segment": segment},
        anchor=f"segment-{pk}",
        deleted=_("Deleted %(segment)s.") % {"segment": segment},
        deleted_anchor="segments",
    )

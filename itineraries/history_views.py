"""Who changed what and when: one item's history, and the latest changes of a whole trip."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from itineraries.editing import DETAIL, get_trip, trip_anchor_url
from itineraries.history import KIND_LABELS, item_history, record_label, trip_changes
from planner.listing import HtmxHttpRequest

HISTORY_PAGE = "itineraries/item_history.html"
ANCHORS = {"engagement": "engagement-{pk}", "stop": "stops", "segment": "segment-{pk}"}


@require_GET
@login_required
def item_history_view(request: HtmxHttpRequest, trip_pk: int, pk: int, kind: str) -> HttpResponse:
    """Every saved version of one engagement, stop, segment or member, newest first.

    Deleted items keep their history; it stays reachable from the trip's change list.
    """
    trip = get_trip(trip_pk)
    latest, entries = item_history(kind, trip_id=trip.pk, pk=pk)
    if latest is None:
        raise Http404
    anchor = ANCHORS.get(kind, "delegation").format(pk=pk)
    context = {
        "trip": trip,
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "latest": latest,
        "item_label": record_label(kind, latest),
        "entries": entries,
        "deleted": latest.history_type == "-",
        "back_url": trip_anchor_url(trip, anchor),
        "inline": bool(request.htmx),
    }
    template = f"{DETAIL}#history" if request.htmx else HISTORY_PAGE
    return render(request, template, context)


@require_GET
@login_required
def trip_history(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    trip = get_trip(pk)
    context = {"trip": trip, "changes": trip_changes(trip.pk)}
    return render(request, "itineraries/trip_history.html", context)

"""A row's rarely used actions (history, move, people, cancel, delete), fetched when opened.

The trip page shows one "more" link per row; htmx loads this menu into the row's
editor slot, and without JavaScript the link opens it as a page of its own.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from itineraries import services
from itineraries.editing import DETAIL, FORM_PAGE, get_trip, trip_anchor_url
from itineraries.models import Engagement, EngagementPerson, TravelSegment
from planner.listing import HtmxHttpRequest
from planner.permissions import user_can_edit


def _render(request: HtmxHttpRequest, context: dict) -> HttpResponse:
    context |= {
        "can_edit": user_can_edit(request.user),
        "inline": bool(request.htmx),
        "back_url": trip_anchor_url(context["trip"], context["anchor"]),
        "partial": f"{DETAIL}#item-menu",
    }
    if request.htmx and request.GET.get("in") == "panel":
        # Inside the row's editing panel: the actions alone (the panel has its own title).
        return render(request, f"{DETAIL}#item-menu-actions", context)
    return render(request, context["partial"] if request.htmx else FORM_PAGE, context)


@require_GET
@login_required
def engagement_menu(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    lines = EngagementPerson.objects.select_related("person", "organisation")
    engagements = Engagement.objects.filter(trip=trip).prefetch_related(
        Prefetch("people", queryset=lines)
    )
    engagement = get_object_or_404(engagements, pk=pk)
    can_move_up = can_move_down = False
    if engagement.date is not None and engagement.starts_at is None:
        order = services.untimed_order(engagement)
        index = order.index(engagement.pk)
        can_move_up, can_move_down = index > 0, index < len(order) - 1
    context = {
        "trip": trip,
        "engagement": engagement,
        "form_title": engagement.title_ko,
        "anchor": f"engagement-{pk}",
        "slot_id": f"engagement-{pk}-editor",
        "can_move_up": can_move_up,
        "can_move_down": can_move_down,
    }
    return _render(request, context)


@require_GET
@login_required
def segment_menu(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    segment = get_object_or_404(TravelSegment.objects.filter(trip=trip), pk=pk)
    context = {
        "trip": trip,
        "segment": segment,
        "form_title": str(segment),
        "anchor": f"segment-{pk}",
        "slot_id": f"segment-{pk}-editor",
    }
    return _render(request, context)

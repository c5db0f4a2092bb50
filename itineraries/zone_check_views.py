"""The zone check page: rows whose stored zone disagrees with their city or airport."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from itineraries.zone_check import zone_mismatches
from planner import places
from planner.listing import HtmxHttpRequest


@require_GET
@login_required
def zone_check(request: HtmxHttpRequest) -> HttpResponse:
    rows = [
        {
            "row": row,
            "stored": places.zone_label(row.stored),
            "expected": places.zone_label(row.expected),
        }
        for row in zone_mismatches()
    ]
    return render(request, "itineraries/zone_check.html", {"rows": rows})

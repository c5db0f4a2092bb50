"""About this installation: which zone data and libraries decide where meetings land."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from planner.ical import uid_domain
from planner.listing import HtmxHttpRequest
from planner.tzdata import tzdata_package_version, tzdata_version, zone_source_problem

LIBRARIES = ("django", "icalendar", "recurring-ical-events")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return ""


@require_GET
@login_required
def about(request: HtmxHttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    context = {
        "tzdata_version": tzdata_version(),
        "tzdata_package": tzdata_package_version(),
        "zone_problem": zone_source_problem(),
        "libraries": [(name, _version(name)) for name in LIBRARIES],
        "uid_domain": uid_domain(),
        "headquarters_zone": settings.HEADQUARTERS_TIME_ZONE,
    }
    return render(request, "planner/about.html", context)

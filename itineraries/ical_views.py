"""Calendar files for trips: one engagement and a whole trip (imports: ``invitation_views``).

Mounted at ``trips/<int:trip_pk>/`` (see ``itineraries.ical_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from itineraries.models import Stay, Trip
from planner.calendar_selectors import engagements_for_calendar
from planner.calendar_tombstones import deleted_item, tombstones_for, with_tombstones
from planner.calendar_validators import (
    engagements_state,
    stays_state,
    tombstones_state,
    validator,
)
from planner.ical import build_calendar, calendar_response, item_uid, not_modified
from planner.ical_entries import engagement_entry, stay_entry
from planner.listing import HtmxHttpRequest
from planner.models import CalendarTombstone
from planner.templatetags.planner_display import localized


@require_safe
@login_required
def engagement_ics(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    engagement = engagements_for_calendar().filter(trip_id=trip_pk, pk=pk).first()
    if engagement is None:
        entry = deleted_item(CalendarTombstone.Kind.ENGAGEMENT, pk, trip_id=trip_pk)
        title = entry.summary
    else:
        entry = engagement_entry(engagement, request.build_absolute_uri)
        title = f"{localized(engagement.trip, 'title')} - {entry.summary}"
    calendar = build_calendar(
        [entry], name=entry.summary, uid=item_uid("calendar-engagement", pk), url=entry.url
    )
    return calendar_response(request, calendar, title=title, fallback_name=f"engagement-{pk}")


@require_safe
@login_required
def trip_ics(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.all(), pk=trip_pk)
    engagements = engagements_for_calendar().filter(trip=trip)
    tombstones = tombstones_for(trip_ids=[trip.pk])
    stays = Stay.objects.for_trip_page().filter(trip=trip).select_related("trip")
    etag = validator(
        request,
        "trip",
        trip.pk,
        trip.updated.isoformat(),
        engagements_state(engagements),
        stays_state(stays),
        tombstones_state(tombstones),
    )
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    entries = [engagement_entry(item, request.build_absolute_uri) for item in engagements]
    entries += [stay_entry(stay, request.build_absolute_uri) for stay in stays]
    title = localized(trip, "title")
    calendar = build_calendar(
        with_tombstones(entries, tombstones),
        name=title,
        uid=item_uid("calendar-trip", trip.pk),
        description=_("%(title)s, %(start)s to %(end)s. Times are in the zone of each place.")
        % {"title": title, "start": trip.start_date, "end": trip.end_date},
        url=request.build_absolute_uri(trip.get_absolute_url()),
    )
    fallback = f"trip-{trip.pk}-{trip.start_date:%Y-%m-%d}"
    return calendar_response(request, calendar, title=title, fallback_name=fallback, etag=etag)

"""Calendar files for trips: one engagement and a whole trip (imports: ``invitation_views``).

Mounted at ``trips/<int:trip_pk>/`` (see ``itineraries.ical_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from itineraries.calendar import engagement_entry, engagements_for_calendar
from itineraries.models import Trip
from planner.calendar_selectors import ExportScope, export_text
from planner.calendar_tombstones import deleted_item
from planner.calendar_validators import validator
from planner.ical import CalendarHead, build_calendar, item_uid
from planner.ical_responses import calendar_response, not_modified
from planner.language import localized
from planner.listing import HtmxHttpRequest
from planner.models import CalendarTombstone


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
    """Every engagement and journey of the trip, from stored events."""
    scope = ExportScope({"trip": [trip_pk]})
    state = scope.state()  # says whether the trip exists: a poll needs no other query
    if not state.rows.get("trip"):
        raise Http404(_("No such trip."))
    etag = validator(request, "trip", trip_pk, state.values)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    trip = get_object_or_404(Trip.objects.all(), pk=trip_pk)
    title = localized(trip, "title")
    head = CalendarHead(
        name=title,
        uid=item_uid("calendar-trip", trip.pk),
        description=_("%(title)s, %(start)s to %(end)s. Times are in the zone of each place.")
        % {"title": title, "start": trip.start_date, "end": trip.end_date},
        url=request.build_absolute_uri(trip.get_absolute_url()),
    )
    fallback = f"trip-{trip.pk}-{trip.start_date:%Y-%m-%d}"
    body = export_text(request, scope, head)
    return calendar_response(request, body, title=title, fallback_name=fallback, etag=etag)

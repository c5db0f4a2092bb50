"""Calendar files for trips: one engagement, a whole trip, and importing an invitation.

Mounted at ``trips/<int:trip_pk>/`` (see ``itineraries.ical_urls``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from itineraries.forms import EngagementForm
from itineraries.ical_forms import (
    InvitationUploadForm,
    initial_from_invitation,
    krds_widgets,
    time_preview,
)
from itineraries.models import Trip
from itineraries.services import engagement_save
from planner.calendar_selectors import engagements_for_calendar
from planner.calendar_tombstones import deleted_item, tombstones_for, with_tombstones
from planner.calendar_validators import engagements_state, tombstones_state, validator
from planner.ical import build_calendar, calendar_response, item_uid, not_modified
from planner.ical_entries import engagement_entry
from planner.ical_import import InvitationError, parse_invitation
from planner.listing import HtmxHttpRequest
from planner.models import CalendarTombstone
from planner.permissions import editor_required
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
    etag = validator(
        request,
        "trip",
        trip.pk,
        trip.updated.isoformat(),
        engagements_state(engagements),
        tombstones_state(tombstones),
    )
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    entries = [engagement_entry(item, request.build_absolute_uri) for item in engagements]
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


# Import ---------------------------------------------------------------------------------


FIELD_ORDER = [
    "stop", "title_ko", "title_en", "kind", "status", "date", "start_time", "end_time",
    "date_note", "venue", "room", "objectives", "notes",
]  # fmt: skip


def _render_import(
    request, trip, *, upload=None, form=None, invitation=None, notes=None, preview=None
):
    context = {
        "trip": trip,
        "upload_form": upload or InvitationUploadForm(),
        "form": _arranged(form),
        "invitation": invitation,
        "notes": notes or [],
        "preview": preview or [],
    }
    return render(request, "itineraries/engagement_import.html", context)


def _arranged(form: EngagementForm | None) -> EngagementForm | None:
    """Date and times side by side, in the KRDS look."""
    if form is None:
        return None
    form.order_fields(FIELD_ORDER)
    return krds_widgets(form)


def _explain(invitation, stop_zone: str) -> list[str]:
    notes = []
    if invitation.floating:
        notes.append(
            _(
                "The invitation gives its time without a known time zone (%(zone)s); "
                "it was read as local time at the stop (%(local)s). Check it."
            )
            % {"zone": invitation.zone_label or _("none"), "local": stop_zone}
        )
    if invitation.recurring:
        notes.append(_("The invitation repeats; only its first meeting is imported."))
    if invitation.other_events:
        notes.append(
            _("The file holds %(count)s more events; only the first one is imported.")
            % {"count": invitation.other_events}
        )
    if invitation.status == "CANCELLED":
        notes.append(_("The invitation is marked as cancelled."))
    return notes


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_import(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    """Upload an invitation, check the draft it becomes, then save it as a tentative item."""
    trip = get_object_or_404(Trip.objects.prefetch_related("stops"), pk=trip_pk)
    if request.method == "GET":
        return _render_import(request, trip)
    if request.POST.get("step") == "confirm":
        form = EngagementForm(request.POST, trip=trip)
        if form.is_valid():
            try:
                engagement = engagement_save(engagement=form.instance, expected_revision=None)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, _("The invitation was added to the trip as a tentative item.")
                )
                return redirect(engagement.get_absolute_url())
        return _render_import(request, trip, form=form)
    upload = InvitationUploadForm(request.POST, request.FILES)
    if not upload.is_valid():
        return _render_import(request, trip, upload=upload)
    try:
        invitation = parse_invitation(upload.cleaned_data["file"].read())
    except InvitationError as error:
        upload.add_error("file", str(error))
        return _render_import(request, trip, upload=upload)
    initial, stop = initial_from_invitation(invitation, trip)
    form = EngagementForm(trip=trip, initial=initial)
    return _render_import(
        request,
        trip,
        form=form,
        invitation=invitation,
        notes=_explain(invitation, stop.timezone if stop else ""),
        preview=time_preview(invitation, stop),
    )


def _add_errors(form: EngagementForm, error: ValidationError) -> None:
    fields = {"starts_at": "start_time", "ends_at": "end_time"}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        target = fields.get(name, name)
        form.add_error(target if target in form.fields else None, messages_)

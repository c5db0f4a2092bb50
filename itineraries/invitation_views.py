"""Importing an invitation (.ics) into a trip: upload, check, then save, update or cancel.

The file read at the upload travels with the confirmation form (base64 in a
hidden field), so that the confirmation reads the invitation's own instants
again: a stop changed on the form keeps the meeting's instant, and the UID
finds the engagement an earlier import made.
"""

from __future__ import annotations

import base64
import binascii

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from itineraries.forms import EngagementForm
from itineraries.ical_forms import (
    InvitationUploadForm,
    initial_from_invitation,
    keep_instant_on_stop_change,
    time_preview,
)
from itineraries.invitations import (
    cancel_targets,
    draft_for,
    engagements_cancel_invitation,
    engagements_import_occurrences,
    find_imported,
    imported_sequence,
    updated_notes,
)
from itineraries.models import Trip
from itineraries.services import engagement_save
from planner.ical_import import Invitation, InvitationError, parse_invitation
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required

FIELD_ORDER = [
    "stop", "title_ko", "title_en", "kind", "status", "date", "start_time", "end_time",
    "date_note", "venue", "room", "objectives", "notes",
]  # fmt: skip


def _render(request, trip, **context):
    context = {"trip": trip, "upload_form": InvitationUploadForm(), "form": None, **context}
    form = context.get("form")
    if form is not None:
        form.order_fields(FIELD_ORDER)
    if "invitation" in context:
        context["carried"] = base64.b64encode(context["invitation"].text.encode()).decode()
    return render(request, "itineraries/engagement_import.html", context)


def _parse(data: bytes, trip: Trip) -> Invitation:
    return parse_invitation(data, cancellations=True, within=(trip.start_date, trip.end_date))


def _carried(request, trip: Trip) -> Invitation | None:
    """The invitation the confirmation form carries, or None (an older form, a broken one)."""
    try:
        data = base64.b64decode(request.POST.get("invitation", ""), validate=True)
        return _parse(data, trip) if data else None
    except (binascii.Error, InvitationError):
        return None


def _explain(invitation: Invitation, stop_zone: str) -> list[str]:
    notes = []
    if invitation.floating:
        notes.append(
            _(
                "The invitation gives its time without a known time zone (%(zone)s); "
                "it was read as local time at the stop (%(local)s). Check it."
            )
            % {"zone": invitation.zone_label or _("none"), "local": stop_zone}
        )
    if invitation.other_events:
        notes.append(
            _("The file holds %(count)s more events; only the first one is imported.")
            % {"count": invitation.other_events}
        )
    if invitation.join_links:
        notes.append(_("Its online-meeting link is kept in the notes."))
    return notes


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_import(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.prefetch_related("stops"), pk=trip_pk)
    if request.method == "GET":
        return _render(request, trip)
    step = request.POST.get("step")
    if step == "confirm":
        return _confirm(request, trip, _carried(request, trip))
    if step in {"occurrences", "cancel"} and (invitation := _carried(request, trip)):
        return (_occurrences if step == "occurrences" else _cancel)(request, trip, invitation)
    upload = InvitationUploadForm(request.POST, request.FILES)
    if not upload.is_valid():
        return _render(request, trip, upload_form=upload)
    try:
        invitation = _parse(upload.cleaned_data["file"].read(), trip)
    except InvitationError as error:
        upload.add_error("file", str(error))
        return _render(request, trip, upload_form=upload)
    if invitation.cancels:
        return _cancel_preview(request, trip, invitation, upload)
    if invitation.recurring:
        return _occurrences_preview(request, trip, invitation)
    return _draft_preview(request, trip, invitation)


def _draft_preview(request, trip: Trip, invitation: Invitation) -> HttpResponse:
    draft, existing, changed = draft_for(invitation, trip)
    initial, stop = initial_from_invitation(invitation, trip, occurrence=invitation.recurrence_key)
    notes = _explain(invitation, stop.timezone if stop else "")
    if existing is not None:
        if not changed and invitation.sequence <= imported_sequence(existing):
            notes.append(_("This invitation was imported before and nothing has changed."))
            return _render(request, trip, invitation=invitation, notes=notes, existing=existing)
        initial["notes"] = updated_notes(existing.notes, invitation)
        initial.pop("status")  # an update does not make a confirmed meeting tentative again
        notes.append(_("This invitation was imported before: saving updates that engagement."))
    form = EngagementForm(trip=trip, instance=existing, initial=initial)
    return _render(
        request,
        trip,
        form=form,
        invitation=invitation,
        guessed_stop=stop.pk if stop else "",
        existing=existing,
        changes=changed,
        notes=notes,
        preview=time_preview(invitation, stop),
    )


def _confirm(request, trip: Trip, invitation: Invitation | None) -> HttpResponse:
    data, existing = request.POST, None
    if invitation is not None:
        data = keep_instant_on_stop_change(data, invitation, trip)
        existing = find_imported(trip, invitation.uid, invitation.recurrence_key)
    form = EngagementForm(data, trip=trip, instance=existing)
    if form.is_valid():
        revision = form.expected_revision() if existing else None
        try:
            engagement = engagement_save(engagement=form.instance, expected_revision=revision)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("The engagement was updated from the invitation.")
                if existing
                else _("The invitation was added to the trip as a tentative item."),
            )
            return redirect(engagement.get_absolute_url())
    context = {"form": form, "existing": existing}
    if invitation is not None:
        context["invitation"] = invitation
        context["guessed_stop"] = request.POST.get("guessed_stop", "")
    return _render(request, trip, **context)


def _occurrences_preview(request, trip: Trip, invitation: Invitation) -> HttpResponse:
    rows = []
    for occurrence in invitation.occurrences:
        draft, existing, changed = draft_for(invitation, trip, occurrence)
        if draft is not None and trip.start_date <= draft.local_date <= trip.end_date:
            rows.append({"draft": draft, "existing": existing, "changes": changed})
    notes = _explain(invitation, "")
    notes.append(
        ngettext(
            "The invitation repeats: %(count)s meeting falls within the trip.",
            "The invitation repeats: %(count)s meetings fall within the trip.",
            len(rows),
        )
        % {"count": len(rows)}
    )
    return _render(request, trip, invitation=invitation, occurrences=rows, notes=notes)


def _occurrences(request, trip: Trip, invitation: Invitation) -> HttpResponse:
    result = engagements_import_occurrences(trip=trip, invitation=invitation)
    messages.success(
        request,
        _(
            "Meetings of the repeating invitation: %(created)s added, %(updated)s updated, "
            "%(unchanged)s unchanged, %(cancelled)s cancelled."
        )
        % {
            "created": len(result.created),
            "updated": len(result.updated),
            "unchanged": len(result.unchanged),
            "cancelled": len(result.cancelled),
        },
    )
    for refusal in result.refused:
        messages.warning(request, refusal)
    return redirect(trip.get_absolute_url())


def _cancel_preview(request, trip: Trip, invitation: Invitation, upload) -> HttpResponse:
    targets = cancel_targets(trip, invitation)
    if not targets:
        upload.add_error(
            "file", _("This file cancels a meeting that was never imported into this trip.")
        )
        return _render(request, trip, upload_form=upload)
    return _render(request, trip, invitation=invitation, cancel_targets=targets)


def _cancel(request, trip: Trip, invitation: Invitation) -> HttpResponse:
    cancelled = engagements_cancel_invitation(trip=trip, invitation=invitation)
    messages.success(
        request,
        ngettext(
            "%(count)s meeting was cancelled by the invitation.",
            "%(count)s meetings were cancelled by the invitation.",
            len(cancelled),
        )
        % {"count": len(cancelled)},
    )
    return redirect(trip.get_absolute_url())


def _add_errors(form: EngagementForm, error: ValidationError) -> None:
    fields = {"starts_at": "start_time", "ends_at": "end_time"}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        target = fields.get(name, name)
        form.add_error(target if target in form.fields else None, messages_)

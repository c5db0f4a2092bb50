"""Editing the delegation (people and agencies with a role) and the trip's own settings."""

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
from itineraries.forms import DelegationMemberForm, TripSettingsForm
from itineraries.models import DelegationMember, Trip
from planner.listing import HtmxHttpRequest
from planner.models import save_if_current
from planner.permissions import editor_required


def _member(trip: Trip, pk: int) -> DelegationMember:
    queryset = DelegationMember.objects.filter(trip=trip).select_related("person", "organisation")
    return get_object_or_404(queryset, pk=pk)


def _save_member(member: DelegationMember, expected: int | None) -> DelegationMember:
    return services.member_save(member=member, expected_revision=expected)


@require_http_methods(["GET", "POST"])
@editor_required
def member_add(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    return save_item(
        request,
        trip,
        form_class=DelegationMemberForm,
        form_kwargs={"trip": trip, "auto_id": "new-member-%s"},
        instance=DelegationMember(trip=trip),
        save=_save_member,
        title=_("New delegation member"),
        message=lambda m: _("Added %(member)s to the delegation.") % {"member": m},
        anchor=lambda m: "delegation",
        hint=_("A person, an agency, or both (a person and the agency they represent)."),
    )


@require_http_methods(["GET", "POST"])
@editor_required
def member_edit(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    member = _member(trip, pk)
    return save_item(
        request,
        trip,
        form_class=DelegationMemberForm,
        form_kwargs={"trip": trip, "auto_id": f"member{pk}-%s"},
        instance=member,
        save=_save_member,
        title=_("Edit %(member)s") % {"member": member},
        message=lambda m: _("Saved %(member)s.") % {"member": m},
        anchor=lambda m: "delegation",
    )


@require_http_methods(["GET", "POST"])
@editor_required
def member_delete(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    member = _member(trip, pk)
    return confirm_delete(
        request,
        trip,
        member,
        form_class=DelegationMemberForm,
        edit_url=reverse("itineraries:member_edit", args=[trip.pk, pk]),
        title=_("Remove a delegation member"),
        question=_("Remove %(member)s from the delegation? Its history is kept.")
        % {"member": member},
        anchor="delegation",
        deleted=_("Removed %(member)s from the delegation.") % {"member": member},
        deleted_anchor="delegation",
        button=_("Remove"),
    )


def _save_settings(trip: Trip, expected: int | None) -> Trip:
    save_if_current(trip, expected_revision=expected)
    return trip


@require_http_methods(["GET", "POST"])
@editor_required
def trip_settings(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Status and the transfer buffer the late-arrival check allows after a landing."""
    trip = get_trip(pk)
    return save_item(
        request,
        trip,
        form_class=TripSettingsForm,
        form_kwargs={"auto_id": "trip-settings-%s"},
        instance=trip,
        initial={"revision": trip.revision},
        save=_save_settings,
        title=_("Trip settings"),
        message=lambda t: _("Saved the trip settings."),
        anchor=lambda t: "trip-summary",
        hint=_(
            "The transfer buffer is the time allowed between a flight's landing and the next "
            "engagement at that stop; a shorter gap is listed under Conflicts."
        ),
    )

"""Starting a trip and changing its own details (title, dates, head, status, source)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from itineraries.editing import DETAIL, FORM_PAGE, add_validation_error, get_trip, save_item
from itineraries.models import Trip
from itineraries.trip_forms import TripForm
from planner.listing import HtmxHttpRequest
from planner.models import save_if_current
from planner.permissions import editor_required


def _save_trip(trip: Trip, expected: int | None) -> Trip:
    save_if_current(trip, expected_revision=expected)
    return trip


@require_http_methods(["GET", "POST"])
@editor_required
def trip_add(request: HtmxHttpRequest) -> HttpResponse:
    """A plain form page (there is no trip page to open it on yet); the new trip opens next."""
    form = TripForm(request.POST or None, auto_id="new-trip-%s")
    if request.method == "POST" and form.is_valid():
        try:
            trip = _save_trip(form.instance, None)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Added the trip “%(title)s”.") % {"title": trip.title_ko})
            if request.htmx:
                return HttpResponseClientRedirect(trip.get_absolute_url())
            return redirect(trip.get_absolute_url())
    context = {
        "trip": None,
        "form": form,
        "form_title": _("New trip"),
        "action": request.path,
        "back_url": reverse("itineraries:trip_list"),
        "submit_label": _("Save"),
        "hint": _("Stops, engagements, travel and the delegation are added on the trip's page."),
        "inline": False,
        "partial": f"{DETAIL}#item-form",
    }
    return render(request, FORM_PAGE, context)


@require_http_methods(["GET", "POST"])
@editor_required
def trip_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    trip = get_trip(pk)
    return save_item(
        request,
        trip,
        form_class=TripForm,
        form_kwargs={"auto_id": "trip-%s"},
        instance=trip,
        save=_save_trip,
        title=_("Edit the trip"),
        message=lambda t: _("Saved the trip details."),
        anchor=lambda t: "trip-summary",
    )

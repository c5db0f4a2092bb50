"""Starting a trip and changing its own details (title, dates, head, status) and settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from itineraries import services
from itineraries.crud import TripItemViews
from itineraries.editing import DETAIL, FORM_PAGE, add_validation_error, get_trip
from itineraries.forms import TripSettingsForm
from itineraries.models import Trip
from itineraries.trip_forms import TripForm
from itineraries.trip_page import REGIONS
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required


@require_http_methods(["GET", "POST"])
@editor_required
def trip_add(request: HtmxHttpRequest) -> HttpResponse:
    """A plain form page (there is no trip page to open it on yet); the new trip opens next."""
    form = TripForm(request.POST or None, auto_id="new-trip-%s")
    if request.method == "POST" and form.is_valid():
        try:
            trip = services.trip_save(trip=form.instance, expected_revision=None)
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


class TripDetailsViews(TripItemViews):
    """The trip's own details: one edit form, opened in the summary."""

    model = Trip
    form_class = TripForm
    name, path, id_prefix = "trip", "trip-summary", "trip"
    regions = REGIONS  # the title, dates and buffer show all over the page
    edit_title = gettext_lazy("Edit the trip")
    saved = gettext_lazy("Saved the trip details.")

    def save(self, item: Trip, expected_revision: int | None) -> Trip:
        return services.trip_save(trip=item, expected_revision=expected_revision)

    def form_kwargs(self, trip: Trip) -> dict:
        return {}

    def trip_edit(self, request: HtmxHttpRequest, pk: int) -> HttpResponse:
        trip = get_trip(pk)
        return self.edit_response(request, trip, trip, auto_id=f"{self.id_prefix}-%s")


class TripSettingsViews(TripDetailsViews):
    """Status and the transfer buffer the late-arrival check allows after a landing."""

    form_class = TripSettingsForm
    id_prefix = "trip-settings"
    regions = ("summary", "conflicts")
    edit_title = gettext_lazy("Trip settings")
    saved = gettext_lazy("Saved the trip settings.")
    hint = gettext_lazy(
        "The transfer buffer is the time allowed between a flight's landing and the next "
        "engagement at that stop; a shorter gap is listed under Conflicts."
    )

    def initial(self, trip: Trip) -> dict:
        return {"revision": trip.revision}


def _trip_view(views: TripDetailsViews):
    return require_http_methods(["GET", "POST"])(editor_required(views.trip_edit))


trip_edit = _trip_view(TripDetailsViews())
trip_settings = _trip_view(TripSettingsViews())

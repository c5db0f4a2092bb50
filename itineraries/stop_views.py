"""A trip's stops (the cities, in a manual order), edited inline on the trip page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from itineraries import services
from itineraries.crud import TripItemViews
from itineraries.editing import done, get_trip
from itineraries.forms import StopForm
from itineraries.models import Stop
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required


class StopViews(TripItemViews):
    model = Stop
    form_class = StopForm
    name, path, id_prefix = "stop", "stops", "stop"
    # The summary lists the destinations; the programme shows each day's city.
    regions = ("summary", "conflicts", "programme", "stops")
    label_key = "city"
    what = gettext_lazy("the stop %(city)s")
    add_title = gettext_lazy("New stop")
    delete_title = gettext_lazy("Delete a stop")
    delete_question = gettext_lazy(
        "Delete the stop %(city)s? Travel segments to or from it stay, without it."
    )

    def save(self, item: Stop, expected_revision: int | None) -> Stop:
        return services.stop_save(stop=item, expected_revision=expected_revision)

    def label(self, item: Stop) -> str:
        return item.city_ko

    def refusal(self, item: Stop) -> str:
        count = item.engagements.count()
        if not count:
            return ""
        return _(
            "%(city)s still has %(count)s engagement(s). Move them to another stop or delete "
            "them first."
        ) % {"city": item.city_ko, "count": count}


@require_POST
@editor_required
def stop_move(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    stop = get_object_or_404(Stop.objects.filter(trip=trip), pk=pk)
    services.stop_move(stop=stop, direction=-1 if request.POST.get("direction") == "up" else 1)
    message = _("Moved the stop %(city)s.") % {"city": stop.city_ko}
    return done(request, trip, message, "stops", regions=StopViews.regions)

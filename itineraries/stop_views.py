"""Editing a trip's stops (the cities, in a manual order) inline on the trip page."""

from __future__ import annotations

from django.db.models import ProtectedError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from itineraries import services
from itineraries.editing import (
    StaleReport,
    done,
    get_trip,
    posted_revision,
    refused,
    render_confirm,
    save_item,
    stale_report,
)
from itineraries.forms import StopForm
from itineraries.models import Stop, Trip
from planner.listing import HtmxHttpRequest
from planner.models import StaleEditError, delete_if_current
from planner.permissions import editor_required


def _stop(trip: Trip, pk: int) -> Stop:
    return get_object_or_404(Stop.objects.filter(trip=trip), pk=pk)


def _save_stop(stop: Stop, expected: int | None) -> Stop:
    return services.stop_save(stop=stop, expected_revision=expected)


def _hint() -> str:
    return _(
        "Arrival and departure are local dates. Leaving one city and reaching the next on the "
        "same day is fine; other overlaps are refused. Leave a date empty while it is unknown."
    )


@require_http_methods(["GET", "POST"])
@editor_required
def stop_add(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    return save_item(
        request,
        trip,
        form_class=StopForm,
        form_kwargs={"trip": trip, "auto_id": "new-stop-%s"},
        instance=Stop(trip=trip),
        save=_save_stop,
        title=_("New stop"),
        message=lambda s: _("Added the stop %(city)s.") % {"city": s.city_ko},
        anchor=lambda s: "stops",
        hint=_hint(),
    )


@require_http_methods(["GET", "POST"])
@editor_required
def stop_edit(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    stop = _stop(trip, pk)
    return save_item(
        request,
        trip,
        form_class=StopForm,
        form_kwargs={"trip": trip, "auto_id": f"stop{pk}-%s"},
        instance=stop,
        save=_save_stop,
        title=_("Edit the stop %(city)s") % {"city": stop.city_ko},
        message=lambda s: _("Saved the stop %(city)s.") % {"city": s.city_ko},
        anchor=lambda s: "stops",
        hint=_hint(),
    )


@require_POST
@editor_required
def stop_move(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    stop = _stop(trip, pk)
    direction = -1 if request.POST.get("direction") == "up" else 1
    services.stop_move(stop=stop, direction=direction)
    return done(request, trip, _("Moved the stop %(city)s.") % {"city": stop.city_ko}, "stops")


@require_http_methods(["GET", "POST"])
@editor_required
def stop_delete(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    stop = _stop(trip, pk)
    count = stop.engagements.count()
    if request.method == "POST":
        try:
            delete_if_current(stop, expected_revision=posted_revision(request))
        except StaleEditError as error:
            report = stale_report(
                error.current,
                form_class=StopForm,
                form_kwargs={"trip": trip},
                expected_revision=posted_revision(request),
                reload_url=reverse("itineraries:stop_edit", args=[trip.pk, pk]),
            )
            return _confirm(request, trip, error.current, stale=report)
        except ProtectedError:
            return refused(request, trip, _still_used(stop, count), "stops")
        return done(
            request, trip, _("Deleted the stop %(city)s.") % {"city": stop.city_ko}, "stops"
        )
    if count:
        return refused(request, trip, _still_used(stop, count), "stops")
    return _confirm(request, trip, stop)


def _still_used(stop: Stop, count: int) -> str:
    return _(
        "%(city)s still has %(count)s engagement(s). Move them to another stop or delete them "
        "first."
    ) % {"city": stop.city_ko, "count": count}


def _confirm(
    request: HtmxHttpRequest, trip: Trip, stop: Stop, *, stale: StaleReport | None = None
) -> HttpResponse:
    question = _("Delete the stop %(city)s? Travel segments to or from it stay, without it.") % {
        "city": stop.city_ko
    }
    return render_confirm(
        request,
        trip,
        title=_("Delete a stop"),
        question=question,
        action=request.path,
        anchor="stops",
        revision=stop.revision,
        stale=stale,
    )

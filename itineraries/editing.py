"""What every trip edit view shares: one form partial, one "done" answer.

With htmx a form opens in an editor slot of the trip page and answers with a
partial of ``itineraries/trip_detail.html``; a finished change empties the slot,
shows a status line and carries the regions the change touched as out-of-band
swaps, all rendered from one context (see ``itineraries.trip_page``). Without
JavaScript the same views show a plain form page and redirect back to the trip
page with a message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_htmx.http import trigger_client_event

from itineraries.models import Trip
from itineraries.stale import StaleReport
from itineraries.trip_page import DETAIL, render_regions
from planner.listing import HtmxHttpRequest

FORM_PAGE = "itineraries/trip_form.html"
TRIP_CHANGED = "tripChanged"

# Service errors name model fields; the forms enter some of them as local date and time.
FIELD_ALIASES = {
    "starts_at": "start_time",
    "ends_at": "end_time",
    "departs_at": "departure_time",
    "arrives_at": "arrival_time",
}


def get_trip(pk: int) -> Trip:
    return get_object_or_404(Trip.objects.for_edit(), pk=pk)


def trip_anchor_url(trip: Trip, anchor: str = "") -> str:
    url = trip.get_absolute_url()
    return f"{url}#{anchor}" if anchor else url


def add_validation_error(
    form: forms.BaseForm, error: ValidationError, *, aliases: dict[str, str] | None = None
) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    names = {**FIELD_ALIASES, **(aliases or {})}
    for key, errors in error.error_dict.items():
        name = names.get(key, key)
        target = name if name in form.fields and key != NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)


def render_form(
    request: HtmxHttpRequest,
    trip: Trip,
    *,
    form: forms.BaseForm,
    title: str,
    action: str,
    anchor: str,
    submit_label: str = "",
    hint: str = "",
    stale: StaleReport | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The item form: a partial for htmx (errors included, status 200 so htmx swaps it).

    Opened inline, the form takes the focus (its first field with an error, else its
    first field): keyboard and screen-reader users land in the editor they opened.
    """
    if request.htmx:
        visible = [field.name for field in form.visible_fields()]
        first = next((name for name in visible if name in form.errors), None) or next(
            iter(visible), None
        )
        if first:
            form.fields[first].widget.attrs["autofocus"] = True
    context = {
        "trip": trip,
        "form": form,
        "form_title": title,
        "action": action,
        "anchor": anchor,
        "back_url": trip_anchor_url(trip, anchor),
        "submit_label": submit_label or _("Save"),
        "hint": hint,
        "stale": stale,
        "inline": bool(request.htmx),
        "partial": f"{DETAIL}#item-form",
        **(extra or {}),
    }
    return render(request, context["partial"] if request.htmx else FORM_PAGE, context)


def render_confirm(
    request: HtmxHttpRequest,
    trip: Trip,
    *,
    title: str,
    question: str,
    action: str,
    anchor: str,
    revision: int | None = None,
    button: str = "",
    stale: StaleReport | None = None,
) -> HttpResponse:
    """The confirmation step before a delete: a real form, no script."""
    context = {
        "trip": trip,
        "form_title": title,
        "question": question,
        "action": action,
        "anchor": anchor,
        "back_url": trip_anchor_url(trip, anchor),
        "revision": revision,
        "button": button or _("Delete"),
        "stale": stale,
        "inline": bool(request.htmx),
        "partial": f"{DETAIL}#confirm",
    }
    return render(request, context["partial"] if request.htmx else FORM_PAGE, context)


def done(
    request: HtmxHttpRequest,
    trip: Trip,
    message: str,
    anchor: str = "",
    *,
    regions: Iterable[str] = (),
) -> HttpResponse:
    """A change went through: empty the slot and swap in the changed regions, or redirect."""
    if request.htmx:
        saved = render_to_string(f"{DETAIL}#saved", {"message": message, "trip": trip}, request)
        response = HttpResponse(saved + render_regions(request, trip, regions))
        # Still announced: other parts of the page may listen for it.
        return trigger_client_event(response, TRIP_CHANGED)
    messages.success(request, message)
    return redirect(trip_anchor_url(trip, anchor))


def refused(request: HtmxHttpRequest, trip: Trip, message: str, anchor: str = "") -> HttpResponse:
    """A change that cannot be made (e.g. a protected row): say why, change nothing."""
    if request.htmx:
        context = {"message": message, "error": True, "trip": trip}
        return render(request, f"{DETAIL}#saved", context)
    messages.error(request, message)
    return redirect(trip_anchor_url(trip, anchor))


def posted_revision(request: HtmxHttpRequest) -> int:
    """The revision the page was opened at; a POST without one (or with garbage) gets 0,
    which no stored row has, so the change is refused as stale instead of unchecked."""
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return 0

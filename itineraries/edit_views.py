"""Editing a trip's engagements and the people in them, inline on the trip page.

Every view works as htmx (a partial of the trip page, ``tripChanged`` when done)
and as a plain form page with POST and redirect. Editors only.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from itineraries import services
from itineraries.editing import (
    add_validation_error,
    done,
    get_trip,
    posted_revision,
    render_confirm,
    render_form,
    save_item,
    stale_report,
)
from itineraries.forms import EngagementForm, EngagementPersonForm
from itineraries.models import Engagement, EngagementPerson, Trip
from planner.listing import HtmxHttpRequest
from planner.models import StaleEditError
from planner.params import query_day
from planner.permissions import editor_required

# Date and times together, then where; the form's own order puts the times last.
ENGAGEMENT_FIELDS = (
    "stop",
    "kind",
    "status",
    "title_ko",
    "title_en",
    "date",
    "start_time",
    "end_time",
    "start_fold",
    "end_fold",
    "date_note",
    "venue",
    "room",
    "join_url",
    "objectives",
    "notes",
)

ENGAGEMENT_HINT = gettext_lazy(
    "Enter the date and times in the local time of the venue (or of the stop when there is "
    "no venue). Leave the start empty while the time is not confirmed: it shows as “Time TBD”."
)


def _engagement(trip: Trip, pk: int) -> Engagement:
    queryset = Engagement.objects.filter(trip=trip).select_related("stop", "venue")
    return get_object_or_404(queryset, pk=pk)


def _initial_for_new(request: HtmxHttpRequest, trip: Trip) -> tuple[dict, str]:
    """A day's "add" link passes its date and stop; the form slot is that day's."""
    initial = {}
    day = query_day(request.GET.get("date"), name="date") if request.method == "GET" else None
    if day:
        initial["date"] = day
    stop_id = request.GET.get("stop", "")
    if stop_id.isdigit() and trip.stops.filter(pk=stop_id).exists():
        initial["stop"] = int(stop_id)
    anchor = f"day-{day.isoformat()}" if day else "programme"
    return initial, anchor


def _save_engagement(engagement: Engagement, expected: int | None) -> Engagement:
    return services.engagement_save(engagement=engagement, expected_revision=expected)


def _saved_message(engagement: Engagement) -> str:
    return _("Saved “%(title)s”.") % {"title": engagement.title_ko}


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_add(request: HtmxHttpRequest, trip_pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    initial, day_anchor = _initial_for_new(request, trip)
    # The editor slot the form opened in (its ids are derived from it): a plain element id.
    slot = re.sub(r"[^\w-]", "", request.GET.get("slot", "") or request.POST.get("slot", ""))[:60]
    return save_item(
        request,
        trip,
        form_class=EngagementForm,
        form_kwargs={"trip": trip, "auto_id": f"new-{slot or 'engagement'}-%s"},
        instance=Engagement(trip=trip),
        initial=initial,
        save=_save_engagement,
        title=_("New engagement"),
        message=lambda e: _("Added “%(title)s”.") % {"title": e.title_ko},
        anchor=lambda e: f"engagement-{e.pk}" if e else day_anchor,
        hint=ENGAGEMENT_HINT,
        field_order=ENGAGEMENT_FIELDS,
        extra={"slot": slot},
    )


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_edit(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    return save_item(
        request,
        trip,
        form_class=EngagementForm,
        form_kwargs={"trip": trip, "auto_id": f"e{pk}-%s"},
        instance=engagement,
        save=_save_engagement,
        title=_("Edit “%(title)s”") % {"title": engagement.title_ko},
        message=_saved_message,
        anchor=lambda e: f"engagement-{pk}",
        hint=f"{ENGAGEMENT_HINT} ({_('time zone')}: {engagement.timezone_name})",
        field_order=ENGAGEMENT_FIELDS,
    )


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_cancel(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    """Cancelled items stay on the programme (struck through) and in calendar feeds.

    GET asks first (a real form, no script); only the POST cancels.
    """
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    if request.method == "GET":
        question = _(
            "Mark “%(title)s” as cancelled? It stays on the programme, struck through, and "
            "calendars show it as cancelled."
        )
        return _ask(
            request,
            trip,
            engagement,
            title=_("Cancel an engagement"),
            question=question,
            button=_("Mark as cancelled"),
        )
    expected = posted_revision(request)
    try:
        services.engagement_cancel(engagement=engagement, expected_revision=expected)
    except StaleEditError as error:
        return _stale_confirm(request, trip, error.current, expected, cancel=True)
    message = _("“%(title)s” is marked as cancelled.") % {"title": engagement.title_ko}
    return done(request, trip, message, f"engagement-{pk}")


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_delete(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    if request.method == "POST":
        expected = posted_revision(request)
        try:
            services.engagement_delete(engagement=engagement, expected_revision=expected)
        except StaleEditError as error:
            return _stale_confirm(request, trip, error.current, expected)
        message = _("Deleted “%(title)s”.") % {"title": engagement.title_ko}
        return done(request, trip, message, "programme")
    question = _(
        "Delete “%(title)s” and its participant lines? Its history is kept. "
        "To keep it on the programme as called off, cancel it instead."
    )
    return _ask(request, trip, engagement, title=_("Delete an engagement"), question=question)


def _ask(
    request: HtmxHttpRequest,
    trip: Trip,
    engagement: Engagement,
    *,
    title: str,
    question: str,
    button: str = "",
) -> HttpResponse:
    """The confirm step before a cancel or a delete of one engagement."""
    return render_confirm(
        request,
        trip,
        title=title,
        question=question % {"title": engagement.title_ko},
        action=request.path,
        anchor=f"engagement-{engagement.pk}",
        revision=engagement.revision,
        button=button,
    )


def _stale_confirm(
    request: HtmxHttpRequest,
    trip: Trip,
    current: Engagement,
    expected: int | None,
    *,
    cancel: bool = False,
) -> HttpResponse:
    """Cancel/delete on a copy someone changed: show their change and ask again."""
    stale = stale_report(
        current,
        form_class=EngagementForm,
        form_kwargs={"trip": trip},
        expected_revision=expected,
        reload_url=reverse("itineraries:engagement_edit", args=[trip.pk, current.pk]),
    )
    name = "engagement_cancel" if cancel else "engagement_delete"
    return render_confirm(
        request,
        trip,
        title=_("Cancel an engagement") if cancel else _("Delete an engagement"),
        question=(
            _("Mark “%(title)s” as cancelled all the same?")
            if cancel
            else _("Delete “%(title)s” all the same? Its history is kept.")
        )
        % {"title": current.title_ko},
        action=reverse(f"itineraries:{name}", args=[trip.pk, current.pk]),
        anchor=f"engagement-{current.pk}",
        revision=current.revision,
        button=_("Mark as cancelled") if cancel else _("Delete"),
        stale=stale,
    )


@require_POST
@editor_required
def engagement_move(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    """Up/down among the day's items without a time (timed items keep clock order)."""
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    direction = -1 if request.POST.get("direction") == "up" else 1
    if engagement.date is not None and engagement.starts_at is None:
        _move_among_untimed(engagement, direction)
    message = _("Moved “%(title)s”.") % {"title": engagement.title_ko}
    return done(request, trip, message, f"engagement-{pk}")


@transaction.atomic
def _move_among_untimed(engagement: Engagement, direction: int) -> None:
    """``engagement_move`` swaps with the next item of the date; step past timed ones."""
    for _step in range(Engagement.objects.filter(trip_id=engagement.trip_id).count()):
        before = _untimed_order(engagement.trip_id, engagement.date)
        services.engagement_move(engagement=engagement, direction=direction)
        after = _untimed_order(engagement.trip_id, engagement.date)
        if after != before or not _can_step(engagement, direction):
            return


def _untimed_order(trip_id: int, day: date) -> list[int]:
    return list(
        Engagement.objects.filter(trip_id=trip_id, date=day, starts_at__isnull=True)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )


def _can_step(engagement: Engagement, direction: int) -> bool:
    siblings = list(
        Engagement.objects.filter(trip_id=engagement.trip_id, date=engagement.date)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )
    index = siblings.index(engagement.pk)
    return 0 <= index + direction < len(siblings)


# People in an engagement ------------------------------------------------------


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_person_add(request: HtmxHttpRequest, trip_pk: int, pk: int) -> HttpResponse:
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    line = EngagementPerson(engagement=engagement)
    form = EngagementPersonForm(request.POST or None, instance=line, auto_id=f"e{pk}-p-%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.engagement_person_add(line=form.instance)
        except ValidationError as error:
            # A double booking is about the person chosen here.
            add_validation_error(form, error, aliases={"starts_at": "person"})
        else:
            message = _("Added %(who)s to “%(title)s”.") % {
                "who": form.instance.display_name or form.instance.get_role_display(),
                "title": engagement.title_ko,
            }
            return done(request, trip, message, f"engagement-{pk}")
    return render_form(
        request,
        trip,
        form=form,
        title=_("Add a participant to “%(title)s”") % {"title": engagement.title_ko},
        action=request.path,
        anchor=f"engagement-{pk}",
        submit_label=_("Add"),
        hint=_(
            "A role without a name is fine: choose the organisation and write the title "
            "as printed, e.g. “NIA 부원장”."
        ),
    )


@require_http_methods(["GET", "POST"])
@editor_required
def engagement_person_remove(
    request: HtmxHttpRequest, trip_pk: int, pk: int, line_pk: int
) -> HttpResponse:
    trip = get_trip(trip_pk)
    engagement = _engagement(trip, pk)
    line = get_object_or_404(
        EngagementPerson.objects.filter(engagement=engagement).select_related(
            "person", "organisation"
        ),
        pk=line_pk,
    )
    who = line.display_name or line.get_role_display()
    if request.method == "POST":
        line.delete()
        message = _("Removed %(who)s from “%(title)s”.") % {
            "who": who,
            "title": engagement.title_ko,
        }
        return done(request, trip, message, f"engagement-{pk}")
    return render_confirm(
        request,
        trip,
        title=_("Remove a participant"),
        question=_("Remove %(who)s from “%(title)s”?") % {"who": who, "title": engagement.title_ko},
        action=request.path,
        anchor=f"engagement-{pk}",
        button=_("Remove"),
    )

"""Check-in at the door: search as you type, one click to mark attended, walk-ins, live count.

Every htmx request here also works as a plain GET form or POST + redirect.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from forums.attendees.forms import WalkInForm
from forums.attendees.services import (
    AlreadyRegistered,
    attendance_count,
    attendee_check_in,
    attendee_check_in_undo,
    attendee_walk_in,
    attendees_of,
    search_attendees,
)
from forums.models import Attendee, Forum
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required, user_can_edit

TEMPLATE = "forums/attendees/check_in.html"
RESULT_LIMIT = 30
EVENT = "attendanceChanged"


def _forum(forum_pk: int) -> Forum:
    return get_object_or_404(Forum, pk=forum_pk)


def _back(forum: Forum, query: str) -> str:
    url = reverse("forums:attendees:check_in", args=[forum.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


def _results(forum: Forum, query: str) -> tuple[list[Attendee], bool]:
    found = list(search_attendees(forum, query)[: RESULT_LIMIT + 1])
    return found[:RESULT_LIMIT], len(found) > RESULT_LIMIT


@require_GET
@login_required
def check_in(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    query = request.GET.get("q", "").strip()[:100]
    results, more = _results(forum, query)
    context = {
        "forum": forum,
        "query": query,
        "results": results,
        "more": more,
        "can_edit": user_can_edit(request.user),
    }
    if request.htmx and request.htmx.target == "checkin-results":
        return render(request, f"{TEMPLATE}#checkin-results", context)
    context |= {"count": attendance_count(forum), "walk_in_form": WalkInForm(forum=forum)}
    return render(request, TEMPLATE, context)


@require_GET
@login_required
def check_in_count(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    context = {"forum": forum, "count": attendance_count(forum)}
    return render(request, f"{TEMPLATE}#checkin-count", context)


def _row_response(
    request: HtmxHttpRequest, forum: Forum, attendee: Attendee, previous: str = ""
) -> HttpResponse:
    context = {
        "forum": forum,
        "attendee": attendee,
        "previous": previous,
        "query": request.POST.get("q", ""),
        "can_edit": True,
    }
    response = render(request, f"{TEMPLATE}#checkin-row", context)
    return trigger_client_event(response, EVENT)


@require_POST
@editor_required
def check_in_mark(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    attendee = get_object_or_404(attendees_of(forum), pk=pk)
    previous = attendee_check_in(attendee=attendee)
    if request.htmx:
        return _row_response(request, forum, attendee, previous)
    messages.success(request, _("%(name)s checked in.") % {"name": attendee.name})
    return redirect(_back(forum, request.POST.get("q", "")))


@require_POST
@editor_required
def check_in_undo(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    attendee = get_object_or_404(attendees_of(forum), pk=pk)
    previous = request.POST.get("previous") or Attendee.Status.REGISTERED
    attendee_check_in_undo(attendee=attendee, previous_status=previous)
    if request.htmx:
        return _row_response(request, forum, attendee)
    messages.info(request, _("Check-in of %(name)s was undone.") % {"name": attendee.name})
    return redirect(_back(forum, request.POST.get("q", "")))


@require_POST
@editor_required
def walk_in(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = _forum(forum_pk)
    form = WalkInForm(request.POST, forum=forum)
    attendee = None
    if form.is_valid():
        try:
            attendee = attendee_walk_in(forum=forum, **_walk_in_values(form.cleaned_data))
        except AlreadyRegistered:
            form.add_error(None, _("This person is registered already: search and check in."))
    if request.htmx:
        context = {
            "forum": forum,
            "walk_in_form": WalkInForm(forum=forum) if attendee else form,
            "walked_in": attendee,
        }
        response = render(request, f"{TEMPLATE}#walk-in", context)
        if attendee:
            trigger_client_event(response, EVENT)
            trigger_client_event(response, "walkedIn")
        return response
    if attendee is None:
        results, more = _results(forum, "")
        context = {
            "forum": forum,
            "query": "",
            "results": results,
            "more": more,
            "can_edit": True,
            "count": attendance_count(forum),
            "walk_in_form": form,
        }
        return render(request, TEMPLATE, context, status=400)
    messages.success(
        request, _("%(name)s was registered at the door and checked in.") % {"name": attendee.name}
    )
    return redirect(_back(forum, attendee.name))


def _walk_in_values(data: dict) -> dict:
    fields = ("name", "organisation_name", "position", "phone", "category")
    return {name: data.get(name) or "" for name in fields}

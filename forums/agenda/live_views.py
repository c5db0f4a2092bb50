"""Live mode on the day, its rehearsal on a copy, and the full-screen clock for the stage.

``mode=rehearsal`` (a hidden field, or the rehearsal URLs) sends every action to the
rehearsal kept in the browser session (``forums.rehearsal``); otherwise marks go to
the live log and "+5'" changes the plan, as the operator means it to on the day.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from forums.agenda import services
from forums.agenda.forms import ExtendForm
from forums.agenda.live import ENDED, STARTED, Mark, live_state
from forums.agenda.live_services import live_mark, live_mark_undo, live_marks
from forums.agenda.rehearsal import (
    Rehearsal,
    rehearsal_load,
    rehearsal_save,
    rehearsal_start,
    with_extensions,
)
from forums.agenda.rows import agenda_rows, forum_timing
from forums.agenda.views import get_forum
from forums.models import Forum, Session
from planner.language import is_english
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required, user_can_edit

LIVE = "forums/agenda/live.html"


def _mode_url(rehearsing: bool) -> str:
    return "forums:agenda:rehearsal" if rehearsing else "forums:agenda:live"


CLOCK = "forums/agenda/live_clock.html"


def _rehearsal(request: HtmxHttpRequest, forum: Forum, sessions: list, wall: datetime):
    found = rehearsal_load(request.session, forum.pk)
    if found is None:
        start = forum_timing(forum, sessions).starts_at or wall
        found = rehearsal_start(start, wall)
    return found


def live_context(request: HtmxHttpRequest, forum: Forum, *, rehearsing: bool) -> dict[str, Any]:
    wall = timezone.now()
    sessions = list(Session.objects.for_agenda(forum))
    rehearsal: Rehearsal | None = None
    if rehearsing:
        rehearsal = _rehearsal(request, forum, sessions, wall)
        sessions = with_extensions(sessions, rehearsal.extensions)
        marks, now = rehearsal.marks, rehearsal.now(wall)
    else:
        marks, now = live_marks(forum), wall
    timing = forum_timing(forum, sessions)
    state = live_state(timing, marks, now, session_pks=[s.pk for s in sessions], tz=forum.clock_tz)
    rows = agenda_rows(sessions, timing, english=is_english())
    mode = "rehearsal" if rehearsing else "live"
    return {
        "forum": forum,
        "timing": timing,
        "state": state,
        "rows": rows,
        "current": rows[state.current] if state.current is not None else None,
        "next": rows[state.next] if state.next is not None else None,
        "against_plan": [
            (rows[index], at, round((at - rows[index].slot.starts_at).total_seconds() / 60))
            for index, at in sorted(state.actual_starts.items())
            if rows[index].slot is not None
        ],
        "current_marked": state.current in state.actual_starts,
        "short_rows": [(rows[short.index], short.minutes) for short in state.short_pinned],
        "rehearsal": rehearsal,
        "mode": mode,
        "rehearsal_clock": now.astimezone(forum.clock_tz).strftime("%Y-%m-%dT%H:%M")
        if rehearsal
        else "",
        "poll_url": reverse(
            "forums:agenda:rehearsal" if rehearsing else "forums:agenda:live", args=[forum.pk]
        ),
        "clock_url": reverse("forums:agenda:live_clock", args=[forum.pk])
        + ("?mode=rehearsal" if rehearsing else ""),
        "can_edit": user_can_edit(request.user),
    }


def _panel(request: HtmxHttpRequest, forum: Forum, *, rehearsing: bool) -> HttpResponse:
    if request.htmx:
        context = live_context(request, forum, rehearsing=rehearsing)
        return render(request, f"{LIVE}#live-panel", context)
    return redirect(
        "forums:agenda:rehearsal" if rehearsing else "forums:agenda:live", forum_pk=forum.pk
    )


def _rehearsing(request: HtmxHttpRequest) -> bool:
    return (request.POST.get("mode") or request.GET.get("mode")) == "rehearsal"


def _live_page(request: HtmxHttpRequest, forum_pk: int, *, rehearsing: bool) -> HttpResponse:
    """The live page, or its panel for htmx polls; live and rehearsal differ in the clock."""
    forum = get_forum(forum_pk)
    template = f"{LIVE}#live-panel" if request.htmx else LIVE
    return render(request, template, live_context(request, forum, rehearsing=rehearsing))


@require_GET
@login_required
def live(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _live_page(request, forum_pk, rehearsing=False)


@require_GET
@login_required
def rehearsal(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    return _live_page(request, forum_pk, rehearsing=True)


@require_GET
@login_required
def live_clock(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    context = live_context(request, forum, rehearsing=_rehearsing(request))
    template = f"{CLOCK}#clock-panel" if request.htmx else CLOCK
    return render(request, template, context)


@require_POST
@login_required
def rehearsal_control(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """Pick the rehearsal's time, play, pause, or start the rehearsal afresh."""
    forum = get_forum(forum_pk)
    wall = timezone.now()
    sessions = list(Session.objects.for_agenda(forum))
    current = _rehearsal(request, forum, sessions, wall)
    action = request.POST.get("action", "")
    if action == "reset":
        current = None
    elif action == "play":
        current.play(wall)
    elif action == "pause":
        current.pause(wall)
    picked = _picked_time(request.POST.get("at", ""), forum)
    if current is not None and action == "set" and picked is not None:
        current.set_clock(picked, wall)
    rehearsal_save(request.session, forum.pk, current)
    return _panel(request, forum, rehearsing=True)


def _picked_time(value: str, forum: Forum) -> datetime | None:
    """A ``datetime-local`` value read as the forum's wall-clock time; None if unreadable."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=forum.clock_tz) if timezone.is_naive(moment) else moment


@require_POST
@editor_required
def mark(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """The operator marks a row started (now), the programme ended, or takes a mark back."""
    forum = get_forum(forum_pk)
    # "started:<row pk>", "ended" or "undo", from the button pressed.
    kind, _sep, session_pk = request.POST.get("mark", "").partition(":")
    session = None
    if kind == STARTED:
        pk = int(session_pk) if session_pk.isdigit() else 0
        session = get_object_or_404(Session, forum=forum, pk=pk)
    if _rehearsing(request):
        wall = timezone.now()
        current = _rehearsal(request, forum, list(Session.objects.for_agenda(forum)), wall)
        if kind == "undo":
            current.marks = current.marks[:-1]
        elif kind in (STARTED, ENDED):
            current.marks.append(_mark(kind, current.now(wall), session))
        rehearsal_save(request.session, forum.pk, current)
        return _panel(request, forum, rehearsing=True)
    if kind == "undo":
        live_mark_undo(forum=forum)
    elif kind in (STARTED, ENDED):
        live_mark(forum=forum, kind=kind, at=timezone.now(), session=session, user=request.user)
    return _panel(request, forum, rehearsing=False)


def _mark(kind: str, at: datetime, session: Session | None) -> Mark:
    return Mark(kind, at, session.pk if session else None)


@require_POST
@editor_required
def extend(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    """More (or fewer) minutes on the running row: on the plan, or on the rehearsal's copy."""
    forum = get_forum(forum_pk)
    session = get_object_or_404(Session, forum=forum, pk=pk)
    form = ExtendForm(request.POST)
    rehearsing = _rehearsing(request)
    if form.is_valid() and session.minutes:
        delta = form.cleaned_data["delta"]
        if rehearsing:
            wall = timezone.now()
            current = _rehearsal(request, forum, list(Session.objects.for_agenda(forum)), wall)
            current.extend(session.pk, delta)
            rehearsal_save(request.session, forum.pk, current)
        else:
            services.session_update(session=session, minutes=max(1, session.minutes + delta))
    return _panel(request, forum, rehearsing=rehearsing)

"""The page anonymous visitors see at ``/``: the public forums, and a way in for staff.

``planner.views.home`` hands anonymous requests to :func:`public_home` through
``settings.PUBLIC_HOME_VIEW`` (the core does not import the forums app).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from forums.agenda.selectors import public_forums
from forums.attendees.services import registration_is_open
from forums.models import Forum


def _listed(forums) -> list[dict]:
    now = timezone.now()
    return [{"forum": forum, "register": registration_is_open(forum, now)} for forum in forums]


def public_forums_by_time(today) -> tuple[list[Forum], list[Forum]]:
    """(upcoming soonest first, past most recent first), cancelled ones included."""
    forums = public_forums().select_related("venue", "series")
    upcoming = forums.filter(date__gte=today).order_by("date", "pk")
    past = forums.filter(date__lt=today).order_by("-date", "-pk")[:20]
    return list(upcoming), list(past)


@require_GET
def public_home(request: HttpRequest) -> HttpResponse:
    upcoming, past = public_forums_by_time(timezone.localdate())
    context = {"upcoming": _listed(upcoming), "past": _listed(past)}
    return render(request, "forums/public/home.html", context)

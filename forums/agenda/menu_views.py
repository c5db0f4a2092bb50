"""A run-of-show row's less used actions (pin to a time, delete, calendar file), on demand.

The editor's rows carry one "more" link each; htmx opens this menu as a table row
under the row, and without JavaScript the link opens it as a page of its own.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from forums.agenda.views import get_forum
from forums.models import Session
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required

MENU = "forums/agenda/session_menu.html"


@require_GET
@editor_required
def session_menu(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    session = get_object_or_404(Session.objects.filter(forum=forum), pk=pk)
    context = {"forum": forum, "session": session, "inline": bool(request.htmx)}
    return render(request, f"{MENU}#session-menu-row" if request.htmx else MENU, context)

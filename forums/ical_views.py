"""Calendar files for forums: one agenda session, or the forum with or without its sessions.

Mounted at ``forums/<int:forum_pk>/`` (see ``forums.ical_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from planner.calendar_selectors import forums_for_calendar, session_for_calendar
from planner.ical import build_calendar, calendar_response, item_uid
from planner.ical_entries import forum_entries, session_entry
from planner.listing import HtmxHttpRequest
from planner.templatetags.planner_display import localized


@require_safe
@login_required
def forum_ics(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """``?sessions=1``: one event for the forum plus one per agenda row; else the forum alone."""
    with_sessions = request.GET.get("sessions") in {"1", "true", "yes", "on"}
    forum = get_object_or_404(forums_for_calendar(with_sessions=with_sessions), pk=forum_pk)
    entries = forum_entries(forum, request.build_absolute_uri, with_sessions=with_sessions)
    title = localized(forum, "title")
    if with_sessions:
        name = _("%(title)s (agenda)") % {"title": title}
        kind = "calendar-forum-agenda"
    else:
        name, kind = title, "calendar-forum"
    calendar = build_calendar(
        entries,
        name=name,
        uid=item_uid(kind, forum.pk),
        url=request.build_absolute_uri(forum.get_absolute_url()),
    )
    fallback = f"forum-{forum.pk}-{forum.date:%Y-%m-%d}" + ("-agenda" if with_sessions else "")
    return calendar_response(request, calendar, title=name, fallback_name=fallback)


@require_safe
@login_required
def session_ics(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    session = get_object_or_404(session_for_calendar().filter(forum_id=forum_pk), pk=pk)
    entry = session_entry(session, request.build_absolute_uri)
    calendar = build_calendar(
        [entry], name=entry.summary, uid=item_uid("calendar-session", session.pk), url=entry.url
    )
    return calendar_response(
        request, calendar, title=entry.summary, fallback_name=f"session-{session.pk}"
    )

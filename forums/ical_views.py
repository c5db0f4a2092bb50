"""Calendar files for forums: one agenda session, or the forum with or without its sessions.

Mounted at ``forums/<int:forum_pk>/`` (see ``forums.ical_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from planner.calendar_selectors import forums_for_calendar, session_for_calendar
from planner.calendar_tombstones import deleted_item, tombstones_for, with_tombstones
from planner.calendar_validators import forums_state, tombstones_state, validator
from planner.ical import build_calendar, calendar_response, item_uid, not_modified
from planner.ical_entries import forum_entries, session_entry
from planner.language import localized
from planner.listing import HtmxHttpRequest
from planner.models import CalendarTombstone


@require_safe
@login_required
def forum_ics(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """``?sessions=1``: one event for the forum plus one per agenda row; else the forum alone."""
    with_sessions = request.GET.get("sessions") in {"1", "true", "yes", "on"}
    forums = forums_for_calendar(with_sessions=with_sessions).filter(pk=forum_pk)
    tombstones = tombstones_for(forum_ids=[forum_pk], with_sessions=with_sessions)
    kind = "calendar-forum-agenda" if with_sessions else "calendar-forum"
    state = forums_state(forums, with_sessions=with_sessions)
    if not state[0]:
        raise Http404(_("No such forum."))
    etag = validator(request, kind, forum_pk, state, tombstones_state(tombstones))
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    forum = forums.get()
    entries = forum_entries(forum, request.build_absolute_uri, with_sessions=with_sessions)
    title = localized(forum, "title")
    name = _("%(title)s (agenda)") % {"title": title} if with_sessions else title
    calendar = build_calendar(
        with_tombstones(entries, tombstones),
        name=name,
        uid=item_uid(kind, forum.pk),
        url=request.build_absolute_uri(forum.get_absolute_url()),
    )
    fallback = f"forum-{forum.pk}-{forum.date:%Y-%m-%d}" + ("-agenda" if with_sessions else "")
    return calendar_response(request, calendar, title=name, fallback_name=fallback, etag=etag)


@require_safe
@login_required
def session_ics(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    session = session_for_calendar().filter(forum_id=forum_pk, pk=pk).first()
    if session is None:
        entry = deleted_item(CalendarTombstone.Kind.SESSION, pk, forum_id=forum_pk)
    else:
        entry = session_entry(session, request.build_absolute_uri)
    calendar = build_calendar(
        [entry], name=entry.summary, uid=item_uid("calendar-session", pk), url=entry.url
    )
    return calendar_response(request, calendar, title=entry.summary, fallback_name=f"session-{pk}")

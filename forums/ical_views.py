"""Calendar files for forums: one agenda session, or the forum with or without its sessions.

Mounted at ``forums/<int:forum_pk>/`` (see ``forums.ical_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from forums.calendar import session_entry, session_for_calendar
from forums.models import Forum
from planner.calendar_selectors import ExportScope, export_text
from planner.calendar_tombstones import deleted_item
from planner.calendar_validators import validator
from planner.ical import CalendarHead, build_calendar, item_uid
from planner.ical_responses import calendar_response, not_modified
from planner.language import localized
from planner.listing import HtmxHttpRequest
from planner.models import CalendarTombstone


@require_safe
@login_required
def forum_ics(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """``?sessions=1``: one event for the forum plus one per agenda row; else the forum alone."""
    with_sessions = request.GET.get("sessions") in {"1", "true", "yes", "on"}
    scope = ExportScope({"forum": [forum_pk]}, detail=with_sessions)
    kind = "calendar-forum-agenda" if with_sessions else "calendar-forum"
    state = scope.state()
    if not state.rows["forum"]:
        raise Http404(_("No such forum."))
    etag = validator(request, kind, forum_pk, state.values)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    forum = Forum.objects.only("pk", "title_ko", "title_en", "date").get(pk=forum_pk)
    title = localized(forum, "title")
    name = _("%(title)s (agenda)") % {"title": title} if with_sessions else title
    head = CalendarHead(
        name=name,
        uid=item_uid(kind, forum.pk),
        url=request.build_absolute_uri(forum.get_absolute_url()),
    )
    fallback = f"forum-{forum.pk}-{forum.date:%Y-%m-%d}" + ("-agenda" if with_sessions else "")
    body = export_text(request, scope, head)
    return calendar_response(request, body, title=name, fallback_name=fallback, etag=etag)


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

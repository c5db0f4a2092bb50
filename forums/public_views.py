"""The public agenda page: programme and speakers, no login, nothing internal.

No internal notes, contacts, attendee data, phone numbers or e-mail addresses reach
this page: the context carries only titles, times, remarks (비고) and names with
their positions. ``?lang=en`` (or ``ko``) picks the language; by default the
visitor's active language.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_GET

from forums.agenda.rows import agenda_rows, forum_timing, printed_name, speakers
from forums.agenda.selectors import public_forums
from forums.attendees.services import registration_is_open
from forums.models import ForumOrganiser, Session
from planner.language import language_code

LANGUAGES = {code for code, _name in settings.LANGUAGES}


@require_GET
def forum_public(request: HttpRequest, pk: int) -> HttpResponse:
    forums = public_forums().prefetch_related(
        Prefetch("organisers", queryset=ForumOrganiser.objects.select_related("organisation"))
    )
    forum = get_object_or_404(forums, pk=pk)
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = language_code()
    english = language == "en"
    with translation.override(language):
        sessions = list(Session.objects.for_agenda(forum))
        timing = forum_timing(forum, sessions)
        context = {
            "forum": forum,
            "timing": timing,
            "rows": agenda_rows(sessions, timing, english=english),
            "speakers": speakers(sessions, forum.mc_lines, english=english),
            "mc_names": [printed_name(line, english) for line in forum.mc_lines],
            "language": language,
            "other_language": "ko" if english else "en",
            "registration_open": registration_is_open(forum),
        }
        response = render(request, "forums/public/forum.html", context)
    response.headers["Content-Language"] = language
    return response

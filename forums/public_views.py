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

from forums.agenda.rows import printed_name, speakers
from forums.agenda.selectors import latest_version, public_forums
from forums.attendees.services import registration_is_open
from forums.models import ForumOrganiser
from forums.publishing import published_rows, published_speakers
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
        # The latest issued version only: the working copy is not public (forums.publishing).
        version = latest_version(forum)
        rows = published_rows(version, english=english)
        context = {
            "forum": forum,
            "version": version,
            "rows": rows,
            "speakers": published_speakers(rows, english=english, also=mc_speakers(forum, english)),
            "mc_names": [printed_name(line, english) for line in forum.mc_lines],
            "language": language,
            "other_language": "ko" if english else "en",
            "registration_open": registration_is_open(forum),
        }
        response = render(request, "forums/public/forum.html", context)
    response.headers["Content-Language"] = language
    return response


def mc_speakers(forum, english: bool) -> list[dict]:
    """The MC, named on the forum itself (not a row), last in the speakers list."""
    return [vars(speaker) for speaker in speakers([], forum.mc_lines, english=english)]

"""The public run-of-show as files: its calendar (.ics) and its PDF, as last issued.

Both read the latest issued version (``forums.publishing``), never the working copy.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from forums.agenda.pdf import render_pdf
from forums.agenda.rows import printed_name
from forums.agenda.selectors import latest_version, public_forums
from forums.calendar import forums_for_calendar
from forums.publishing import published_entries, published_rows
from planner.ical import build_calendar, item_uid
from planner.ical_responses import calendar_response
from planner.language import localized


def _english() -> bool:
    return (translation.get_language() or "ko").startswith("en")


@require_safe
def agenda_ics(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(public_forums(), pk=pk)
    forum = forums_for_calendar(with_sessions=False).get(pk=pk)
    version = latest_version(forum)
    entries = published_entries(forum, version, request.build_absolute_uri, english=_english())
    title = localized(forum, "title")
    calendar = build_calendar(
        entries,
        name=title,
        uid=item_uid("calendar-public-forum", forum.pk),
        url=entries[0].url,
    )
    label = f"v{version.number}" if version else "unissued"
    return calendar_response(
        request, calendar, title=title, fallback_name=f"forum-{forum.pk}-{label}"
    )


@require_safe
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    forum = get_object_or_404(public_forums(), pk=pk)
    version = latest_version(forum)
    english = _english()
    context = {
        "forum": forum,
        "pdf": True,
        "printed": published_rows(version, english=english),
        "print_label": f"v{version.number}" if version else "",
        "mc_names": [printed_name(line, english) for line in forum.mc_lines],
        "unissued": version is None,
    }
    html = render_to_string("forums/agenda/print.html", context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    label = f"v{version.number}" if version else "unissued"
    response["Content-Disposition"] = (
        f'attachment; filename="programme-forum-{forum.pk}-{label}.pdf"'
    )
    return response

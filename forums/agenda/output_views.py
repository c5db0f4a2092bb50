"""The run-of-show as it leaves the editor: print view, PDF, issued versions.

Live mode is in ``forums.live_views``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from forums.agenda import services
from forums.agenda.forms import CompareForm, IssueVersionForm
from forums.agenda.pdf import render_pdf
from forums.agenda.selectors import versions_for_forum
from forums.agenda.versions import printed_rows, versions_diff
from forums.agenda.views import agenda_context, get_forum
from forums.models import AgendaVersion, Forum
from planner.language import is_english
from planner.listing import HtmxHttpRequest
from planner.params import query_number
from planner.permissions import editor_required

PRINT = "forums/agenda/print.html"
LIVE = "forums/agenda/live.html"


def _print_context(request: HtmxHttpRequest, forum: Forum, *, pdf: bool) -> dict[str, Any]:
    """The current rows (labelled v2 or draft), or an issued version with ``?version=2``."""
    context = agenda_context(request, forum, snapshot=True, pdf=pdf)
    number = query_number(request.GET.get("version"), name="version")
    rows, label = context["snapshot"], context["version_label"]
    if number is not None:
        version = get_object_or_404(AgendaVersion, forum=forum, number=number)
        rows, label = version.rows, f"v{version.number}"
        context["printed_version"] = version
    context["printed"] = printed_rows(rows, english=is_english())
    context["print_label"] = label
    return context


@require_GET
@login_required
def agenda_print(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    return render(request, PRINT, _print_context(request, forum, pdf=False))


@require_GET
@login_required
def agenda_pdf(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    context = _print_context(request, forum, pdf=True)
    html = render_to_string(PRINT, context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    label = context["print_label"] if context["print_label"].startswith("v") else "draft"
    filename = f"run-of-show-forum-{forum.pk}-{label}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def versions(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    context = agenda_context(request, forum, snapshot=True)
    issued = list(versions_for_forum(forum))
    numbers = [version.number for version in issued]
    form = CompareForm(request.GET or None)
    a = b = None
    if form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
    if len(numbers) >= 2:
        # By default: the latest version against the one before it.
        b = b if b in numbers else numbers[0]
        a = a if a in numbers else next((n for n in numbers if n < b), numbers[-1])
    else:
        a = b = None
    by_number = {version.number: version for version in issued}
    diff = None
    if a and b and a != b:
        diff = versions_diff(by_number[a].rows, by_number[b].rows)
    draft_diff = None
    if issued:
        draft_diff = versions_diff(issued[0].rows, context["snapshot"])
    context.update(versions=issued, compare_a=a, compare_b=b, diff=diff, draft_diff=draft_diff)
    return render(request, "forums/agenda/versions.html", context)


@require_http_methods(["GET", "POST"])
@editor_required
def version_issue(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    form = IssueVersionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        version = services.agenda_issue_version(
            forum=forum, issued_by=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Version v%(number)s issued.") % {"number": version.number})
        return redirect("forums:agenda:versions", forum_pk=forum.pk)
    context = agenda_context(request, forum, form=form)
    return render(request, "forums/agenda/version_issue.html", context)

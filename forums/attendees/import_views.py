"""Importing an attendee list: upload → preview (nothing saved) → confirm or cancel.

Between preview and confirmation the checked rows wait on the server
(``forums.attendees.import_previews``); the session holds only their token and the file's
name. Confirming or cancelling removes them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forums.attendees import export as attendee_export
from forums.attendees.forms import ImportUploadForm
from forums.attendees.import_previews import preview_discard, preview_load, preview_store
from forums.attendees.importing import ImportFileError, ImportPreview
from forums.attendees.services import attendees_import, attendees_import_preview, seats_taken
from forums.models import Attendee, Forum
from planner.listing import HtmxHttpRequest
from planner.permissions import editor_required

TEMPLATES = "forums/attendees"


def _session_key(forum: Forum) -> str:
    return f"attendee-import-{forum.pk}"


def _pending(request: HtmxHttpRequest, forum: Forum) -> dict[str, Any] | None:
    """The waiting import: ``token``, ``filename`` and the stored ``preview``, or None."""
    pending = request.session.get(_session_key(forum))
    if not isinstance(pending, dict) or not isinstance(pending.get("token"), str):
        return None
    preview = preview_load(pending["token"])
    return {**pending, "preview": preview} if preview is not None else None


def _discard(request: HtmxHttpRequest, forum: Forum) -> None:
    pending = request.session.pop(_session_key(forum), None)
    if isinstance(pending, dict) and isinstance(pending.get("token"), str):
        preview_discard(pending["token"])


@require_http_methods(["GET", "POST"])
@editor_required
def import_upload(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum, pk=forum_pk)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview = attendees_import_preview(forum=forum, content=upload.read())
        except ImportFileError as error:
            form.add_error("file", error.message)
        else:
            _discard(request, forum)
            request.session[_session_key(forum)] = {
                "token": preview_store(preview.to_data()),
                "filename": upload.name[:200],
            }
            return redirect("forums:attendees:import_preview", forum_pk=forum.pk)
    context = {"forum": forum, "form": form, "pending": _pending(request, forum)}
    status = 400 if form.errors else 200
    return render(request, f"{TEMPLATES}/import_upload.html", context, status=status)


@require_GET
@editor_required
def import_preview(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum, pk=forum_pk)
    pending = _pending(request, forum)
    if pending is None:
        messages.info(request, _("There is no file waiting. Upload one."))
        return redirect("forums:attendees:import_upload", forum_pk=forum.pk)
    preview = ImportPreview.from_data(pending["preview"])
    labels = dict(Attendee.Category.choices)
    for row in preview.rows:
        row.category_label = labels.get(row.values.get("category", ""), row.values.get("category"))
    counts = preview.counts
    taken = seats_taken(forum)
    context = {
        "forum": forum,
        "pending": pending,
        "preview": preview,
        "counts": counts,
        "seats_taken": taken,
        "over_capacity": bool(forum.capacity and taken + counts["ok"] > forum.capacity),
    }
    return render(request, f"{TEMPLATES}/import_preview.html", context)


@require_POST
@editor_required
def import_confirm(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum, pk=forum_pk)
    pending = _pending(request, forum)
    if pending is None or request.POST.get("token") != pending["token"]:
        messages.error(
            request,
            _("This preview has expired or was already imported. Upload the file again."),
        )
        return redirect("forums:attendees:import_upload", forum_pk=forum.pk)
    preview = ImportPreview.from_data(pending["preview"])
    rows = [{"line": row.line, "values": row.values} for row in preview.ok_rows]
    outcome = attendees_import(forum=forum, rows=rows)
    _discard(request, forum)
    created = len(outcome.created)
    messages.success(
        request,
        ngettext("%(count)d attendee was imported.", "%(count)d attendees were imported.", created)
        % {"count": created},
    )
    if outcome.skipped_lines:
        messages.warning(
            request,
            _("Skipped because they registered in the meantime: rows %(lines)s.")
            % {"lines": ", ".join(str(line) for line in outcome.skipped_lines)},
        )
    return redirect("forums:attendees:list", forum_pk=forum.pk)


@require_POST
@editor_required
def import_cancel(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum, pk=forum_pk)
    _discard(request, forum)
    messages.info(request, _("The import was cancelled; nothing was saved."))
    return redirect("forums:attendees:import_upload", forum_pk=forum.pk)


@require_GET
@editor_required
def import_template(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    get_object_or_404(Forum, pk=forum_pk)
    return attendee_export.template_response()

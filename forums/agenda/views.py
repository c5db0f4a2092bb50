"""The run-of-show editor: rows edited in place, every change cascades through the table.

Each htmx request gets the table fragment back (announced as ``agendaChanged``);
without JavaScript the same forms post and redirect to the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from forums.agenda import services
from forums.agenda.forms import (
    PinForm,
    RowChangesForm,
    SessionAddForm,
    SessionForm,
    SessionItemForm,
    SessionPersonForm,
)
from forums.agenda.rows import agenda_rows, forum_timing, printed_name
from forums.agenda.selectors import forums_for_agenda, latest_version
from forums.agenda.versions import AgendaDiff, compared_rows, snapshot_rows, versions_diff
from forums.models import AgendaVersion, Forum, Session, SessionItem, SessionPerson
from planner.language import is_english, localized
from planner.listing import HtmxHttpRequest
from planner.models import StaleEditError
from planner.permissions import editor_required, user_can_edit

EDITOR = "forums/agenda/editor.html"
SESSION_EDIT = "forums/agenda/session_edit.html"
STALE_ROW = gettext_lazy(
    "Someone else saved this row after you opened it. Your changes are still in the form: "
    "check the row and save again to keep them."
)


def get_forum(forum_pk: int) -> Forum:
    return get_object_or_404(forums_for_agenda(), pk=forum_pk)


def version_label(latest: AgendaVersion | None, diff: AgendaDiff | None) -> str:
    """ "v2" when the rows are as issued; a draft label when they changed or were never issued."""
    if latest is None:
        return _("Draft (not issued)")
    if diff is None or diff.is_empty:
        return f"v{latest.number}"
    return _("Draft after v%(number)s (not issued)") % {"number": latest.number}


def agenda_context(
    request: HtmxHttpRequest, forum: Forum, *, snapshot: bool = False, **extra: Any
) -> dict[str, Any]:
    """The rows, their timing and how they stand against the last issued version.

    ``snapshot`` adds the rows frozen as a version would keep them (the print view
    and the versions page show those); the editor only compares, which costs less.
    """
    sessions = list(Session.objects.for_agenda(forum))
    timing = forum_timing(forum, sessions)
    english = is_english()
    rows = agenda_rows(sessions, timing, english=english)
    latest = latest_version(forum)
    frozen = snapshot_rows(sessions, timing, forum.clock_tz) if snapshot else []
    diff = None
    if latest is not None:
        lines_ko = [] if english else [row.lines for row in rows]
        compared = frozen or compared_rows(sessions, timing, forum.clock_tz, lines_ko=lines_ko)
        diff = versions_diff(latest.rows, compared)
    if snapshot:
        extra["snapshot"] = frozen
    return {
        "forum": forum,
        "mc_lines": forum.mc_lines,
        "mc_names": [printed_name(line, english) for line in forum.mc_lines],
        "timing": timing,
        "rows": rows,
        "latest_version": latest,
        "version_label": version_label(latest, diff),
        # Rows added, removed or changed since the last version (every row when none).
        "unpublished_changes": len(sessions) if diff is None else diff.size,
        "can_edit": user_can_edit(request.user),
        **extra,
    }


def editor_url(forum: Forum, session_pk: int | None = None) -> str:
    url = reverse("forums:agenda:editor", args=[forum.pk])
    return f"{url}#session-{session_pk}" if session_pk else url


def table_response(
    request: HtmxHttpRequest,
    forum: Forum,
    *,
    session_pk: int | None = None,
    error: str = "",
    typed: dict[int, str] | None = None,
) -> HttpResponse:
    """The changed table for htmx (with ``agendaChanged``), else back to the editor.

    ``typed`` (a refused change: what staff typed, by row) shows the table again with
    those values in its fields; without JavaScript that is the whole editor page."""
    if request.htmx or typed:
        context = agenda_context(request, forum, error=error, focus=session_pk, typed=typed or {})
        if not request.htmx:
            return render(request, EDITOR, context)
        response = render(request, f"{EDITOR}#agenda-table", context)
        return trigger_client_event(response, "agendaChanged")
    if error:
        messages.error(request, error)
    return redirect(editor_url(forum, session_pk))


def _first_error(*forms_or_errors: Any) -> str:
    for item in forms_or_errors:
        if isinstance(item, ValidationError):
            return " ".join(item.messages)
        for errors in item.errors.values():
            return " ".join(errors)
    return _("The change could not be saved.")


@require_GET
@login_required
def editor(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    context = agenda_context(request, forum)
    template = f"{EDITOR}#agenda-table" if request.htmx else EDITOR
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@editor_required
def session_add(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    form = SessionAddForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_create(
                forum=forum,
                title_ko=data["title_ko"],
                title_en=data["title_en"],
                kind=data["kind"],
                minutes=data["minutes"],
                notes=data["notes"],
                pinned_at=data["pinned_at"],
                position=data["position"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return table_response(request, forum, session_pk=session.pk)
    if request.htmx and request.method == "POST":
        return table_response(request, forum, error=_first_error(form))
    return render(request, "forums/agenda/session_add.html", {"forum": forum, "form": form})


def _session(forum: Forum, pk: int) -> Session:
    return get_object_or_404(Session.objects.for_agenda(forum), pk=pk)


def _edit_context(
    request: HtmxHttpRequest, forum: Forum, session: Session, **forms: Any
) -> dict[str, Any]:
    # In the editor's table the row form saves through htmx; on its own page it posts.
    current = (request.htmx.current_url_abs_path or "") if request.htmx else ""
    return {
        "forum": forum,
        "session": session,
        "inline": current.startswith(reverse("forums:agenda:editor", args=[forum.pk])),
        "form": forms.get("form") or SessionForm(instance=session, forum=forum),
        "person_form": forms.get("person_form") or SessionPersonForm(),
        "item_form": forms.get("item_form") or SessionItemForm(),
    }


def _edit_response(
    request: HtmxHttpRequest, context: dict[str, Any], *, row: bool = False
) -> HttpResponse:
    """The row editor: as a table row (opened from the table), as a block, or as a page."""
    if not request.htmx:
        return render(request, SESSION_EDIT, context)
    if row:
        return render(request, f"{SESSION_EDIT}#session-editor-row", context)
    response = render(request, f"{SESSION_EDIT}#session-editor", context)
    response = retarget(response, f"#session-editor-{context['session'].pk}")
    return reswap(response, "outerHTML")


@require_http_methods(["GET", "POST"])
@editor_required
def session_edit(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    session = _session(forum, pk)
    if request.method == "GET":
        return _edit_response(request, _edit_context(request, forum, session), row=True)
    form = SessionForm(request.POST, instance=session, forum=forum)
    if form.is_valid():
        try:
            services.session_update(
                session=session,
                pinned_at=form.cleaned_data["pinned_at"],
                expected_revision=form.cleaned_data["revision"],
                **form.service_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except StaleEditError:
            # The posted values stay in the form; the hidden revision moves on, so a
            # second save after reading the row again overwrites on purpose.
            form.add_error(None, STALE_ROW)
            form.data = form.data.copy()
            form.data[form.add_prefix("revision")] = Session.objects.get(pk=pk).revision
        else:
            return table_response(request, forum, session_pk=session.pk)
    session = _session(forum, pk)
    return _edit_response(request, _edit_context(request, forum, session, form=form))


@require_POST
@editor_required
def rows_save(request: HtmxHttpRequest, forum_pk: int) -> HttpResponse:
    """The table's one form: changed minutes and a move (↑, ↓ or a drag), then the table.

    A refusal shows the table again with what staff typed still in its fields."""
    forum = get_forum(forum_pk)
    form = RowChangesForm(request.POST)
    if not form.is_valid():
        titles = _titles(forum)
        refused = [
            _("“%(title)s”: %(error)s") % {"title": titles.get(pk, ""), "error": error}
            for pk, error in form.refused_rows()
        ]
        error = " ".join(refused) or _first_error(form)
        return table_response(request, forum, error=error, typed=form.typed())
    edits, move = form.edits(), form.move()
    try:
        services.rows_change(forum=forum, minutes=edits, move=move)
    except services.StaleMinutesError as stale:
        error = " ".join(_stale_minutes(edit, now) for edit, now in stale.rows)
        return table_response(request, forum, error=error, typed=form.typed())
    changed = (edit.session_pk for edit in edits if edit.is_change)
    return table_response(
        request, forum, session_pk=move.session_pk if move else next(changed, None)
    )


def _titles(forum: Forum) -> dict[int, str]:
    return {session.pk: localized(session, "title") for session in forum.sessions.all()}


def _stale_minutes(edit: services.MinutesEdit, now: Session | None) -> str:
    if now is None:
        return _("A row you changed was deleted in the meantime.")
    return _(
        "“%(title)s”: someone else changed its minutes to %(now)s after the page was shown, "
        "so your %(typed)s were not saved. They are still in the field: save again to keep them."
    ) % {"title": localized(now, "title"), "now": now.minutes, "typed": edit.typed}


@require_POST
@editor_required
def session_pin(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    session = get_object_or_404(Session, forum=forum, pk=pk)
    form = PinForm(request.POST, forum=forum)
    if not form.is_valid():
        return table_response(request, forum, session_pk=pk, error=_first_error(form))
    data = form.cleaned_data
    services.session_update(
        session=session, is_pinned=data["is_pinned"], pinned_at=data["pinned_at"]
    )
    return table_response(request, forum, session_pk=pk)


@require_http_methods(["GET", "POST"])
@editor_required
def session_delete(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    forum = get_forum(forum_pk)
    session = _session(forum, pk)
    if request.method == "GET":
        context = {"forum": forum, "session": session}
        return render(request, "forums/agenda/session_delete.html", context)
    title = session.title_ko
    services.session_delete(session=session)
    if not request.htmx:
        messages.success(request, _("Row “%(title)s” deleted.") % {"title": title})
    return table_response(request, forum)


def _row_editor_response(request: HtmxHttpRequest, forum: Forum, pk: int, **forms: Any):
    """After a role line or sub-item change: the row editor again (htmx) or its page."""
    if request.htmx or forms:
        context = _edit_context(request, forum, _session(forum, pk), **forms)
        return _edit_response(request, context)
    return redirect(reverse("forums:agenda:session_edit", args=[forum.pk, pk]))


def _line_add(
    request: HtmxHttpRequest, forum_pk: int, pk: int, form_class: type, add: Callable, name: str
) -> HttpResponse:
    """Add a role line or sub-item from the row editor's ``name`` form."""
    forum = get_forum(forum_pk)
    session = get_object_or_404(Session, forum=forum, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        add(session=session, **form.cleaned_data)
        return _row_editor_response(request, forum, pk)
    return _row_editor_response(request, forum, pk, **{name: form})


def _line_remove(
    request: HtmxHttpRequest, forum_pk: int, pk: int, model: type, line_pk: int, remove: Callable
) -> HttpResponse:
    forum = get_forum(forum_pk)
    remove(get_object_or_404(model, session__forum=forum, session_id=pk, pk=line_pk))
    return _row_editor_response(request, forum, pk)


@require_POST
@editor_required
def person_add(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    add = services.session_person_add
    return _line_add(request, forum_pk, pk, SessionPersonForm, add, "person_form")


@require_POST
@editor_required
def item_add(request: HtmxHttpRequest, forum_pk: int, pk: int) -> HttpResponse:
    add = services.session_item_add
    return _line_add(request, forum_pk, pk, SessionItemForm, add, "item_form")


@require_POST
@editor_required
def person_remove(request: HtmxHttpRequest, forum_pk: int, pk: int, line_pk: int) -> HttpResponse:
    def remove(line: SessionPerson) -> None:
        services.session_person_remove(line=line)

    return _line_remove(request, forum_pk, pk, SessionPerson, line_pk, remove)


@require_POST
@editor_required
def item_remove(request: HtmxHttpRequest, forum_pk: int, pk: int, item_pk: int) -> HttpResponse:
    def remove(item: SessionItem) -> None:
        services.session_item_remove(item=item)

    return _line_remove(request, forum_pk, pk, SessionItem, item_pk, remove)

"""An event's programme in a draft: parts, rows and their sub-items, as written.

Times are wall-clock times in the event's zone (or floating). A row whose start is
where the previous row ends and whose minutes fit its range follows the cascade;
any other row with a stated time is pinned to it, so that editing one row's
minutes never moves a time the document stated. A row with no time keeps its
place by order alone.
"""

from __future__ import annotations

from typing import Any

from forums.agenda.rows import clock_minutes
from forums.models import AgendaPart, Forum, Session, SessionItem, SessionItemPerson, SessionPerson
from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.extra import extra_in, extra_out
from planner.drafts.values import (
    apply_meta,
    as_text,
    collect_meta,
    date_out,
    parse_time,
    set_date,
    time_out,
)
from planner.models import Role

SESSION_COVERED = frozenset(
    {
        "is_pinned", "order", "kind", "title_ko", "part", "day", "day_precision", "day_written",
        "day_weekday", "start_time", "end_time", "minutes", "starts_at", "room", "notes",
    }
)  # fmt: skip
ROLES = frozenset(Role.values)


def agenda_in(ctx: ImportContext, forum: Forum, entry: dict, path: str) -> None:
    forum.sessions.all().delete()
    forum.parts.all().delete()
    parts = _parts_in(forum, entry.get("parts") or [], join(path, "parts"))
    previous_end: int | None = None
    for position, item in enumerate(entry.get("sessions") or [], 1):
        where = join(join(path, "sessions"), position - 1)
        session = _session_in(ctx, forum, parts, item, position, where)
        if session.is_pinned is None:
            session.is_pinned = not _follows(session, previous_end)
        save_row(session, where)
        _session_people_in(ctx, session, item, where)
        if session.start_time is not None:
            previous_end = _end_minutes(session)


def _parts_in(forum: Forum, items: list, path: str) -> dict[str, AgendaPart]:
    parts = {}
    for order, item in enumerate(items):
        where = join(path, order)
        part = AgendaPart(
            forum=forum,
            order=order,
            title=as_text(item.get("title")),
            start_time=parse_time(item.get("start"), join(where, "start")),
            end_time=parse_time(item.get("end"), join(where, "end")),
            room=as_text(item.get("room")),
            ref=item.get("key") or None,
            provenance=collect_meta(item),
        )
        set_date(part, "day", item.get("day"), join(where, "day"))
        parts[part.title] = save_row(part, where)
    return parts


def _session_in(ctx, forum, parts, item: dict, position: int, where: str) -> Session:
    label = as_text(item.get("part"))
    part = parts.get(label)
    if label and part is None:
        # A label the rows carry but the draft does not list as a part of its own.
        part = save_row(
            AgendaPart(
                forum=forum, order=len(parts), title=label, provenance={"": {"listed": False}}
            ),
            join(where, "part"),
        )
        parts[label] = part
    session = Session(
        forum=forum,
        order=position,
        kind=as_text(item.get("kind")),
        title_ko=as_text(item.get("title")),
        part=part,
        start_time=parse_time(item.get("start"), join(where, "start")),
        end_time=parse_time(item.get("end"), join(where, "end")),
        minutes=item.get("minutes"),
        room=as_text(item.get("room")),
        notes=as_text(item.get("notes")),
        ref=item.get("key") or None,
        provenance=collect_meta(item),
    )
    set_date(session, "day", item.get("day"), join(where, "day"))
    extra = dict(item.get("extra") or {})
    # Decided from the times unless the draft says (a staff member's pin).
    session.is_pinned = extra.pop("is_pinned", None)
    extra_in(session, extra, SESSION_COVERED, join(where, "extra"), ctx)
    if item.get("order") is not None and item["order"] != position:
        session.provenance.setdefault("", {})["order"] = item["order"]
    return session


def _end_minutes(session: Session) -> int | None:
    start = clock_minutes(session.start_time)
    if session.minutes:
        return start + session.minutes
    if session.end_time is not None:
        return start + (clock_minutes(session.end_time) - start) % 1440
    return None


def _follows(session: Session, previous_end: int | None) -> bool:
    """Does this row start where the last timed row ended, for as long as it says?"""
    if session.start_time is None or not session.minutes or previous_end is None:
        return session.start_time is None
    if clock_minutes(session.start_time) != previous_end % 1440:
        return False
    return not session.stated_minutes_disagree


def _session_people_in(ctx: ImportContext, session: Session, item: dict, where: str) -> None:
    for order, ref in enumerate(item.get("people") or []):
        at = join(join(where, "people"), order)
        role = ref.get("role") or Role.OTHER
        if role not in ROLES:
            raise DraftError(join(at, "role"), f"“{role}” is not a role ({', '.join(ROLES)})")
        line = ctx.fill_role_line(SessionPerson(session=session, role=role, order=order), ref, at)
        save_row(line, at)
    for order, sub in enumerate(item.get("items") or [], 1):
        at = join(join(where, "items"), order - 1)
        row = SessionItem(
            session=session,
            order=order,
            marker=as_text(sub.get("marker")),
            title_ko=as_text(sub.get("title")),
            provenance=collect_meta(sub),
        )
        extra_in(row, sub.get("extra"), frozenset({"order", "marker", "title_ko"}), at, ctx)
        refs = list(sub.get("people") or [])
        # The presenter, as the printed row names them: on the item itself.
        if refs and not refs[0].get("organisation") and refs[0].get("role") in (None, "presenter"):
            first = refs.pop(0)
            row.person = ctx.person(first["person"], at) if first.get("person") else None
            row.printed_as = as_text(first.get("as_written"))
            if first.get("role"):
                row.provenance.setdefault("presenter", {})["role"] = first["role"]
        save_row(row, at)
        offset = len(sub.get("people") or []) - len(refs)
        for number, ref in enumerate(refs, offset):
            here = join(join(at, "people"), number)
            role = ref.get("role") or Role.PRESENTER
            line = SessionItemPerson(item=row, role=role, order=number)
            save_row(ctx.fill_role_line(line, ref, here), here)


def agenda_out(ctx: ExportContext, forum: Forum) -> dict:
    parts = [
        apply_meta(
            {
                "title": part.title,
                "day": date_out(part, "day"),
                "start": time_out(part.start_time),
                "end": time_out(part.end_time),
                **({"room": part.room} if part.room else {}),
            },
            {k: v for k, v in (part.provenance or {}).items() if k or "listed" not in v},
        )
        for part in forum.parts.all()
        if (part.provenance or {}).get("", {}).get("listed", True)
    ]
    sessions = Session.objects.filter(forum=forum).select_related("part")
    sessions = sessions.prefetch_related(
        "people__person", "people__organisation", "items__people__person", "items__person"
    )
    out, previous_end = [], None
    for session in sessions:
        entry = _session_out(ctx, session)
        if session.start_time is not None and session.is_pinned == _follows(session, previous_end):
            entry.setdefault("extra", {})["is_pinned"] = session.is_pinned
        if session.start_time is not None:
            previous_end = _end_minutes(session)
        out.append(entry)
    return {"parts": parts, "sessions": out}


def _session_out(ctx: ExportContext, session: Session) -> dict:
    provenance = dict(session.provenance or {})
    own = dict(provenance.get("", {}))
    order = own.pop("order", session.order)
    provenance[""] = own
    entry = {
        "day": date_out(session, "day"),
        "order": order,
        "start": time_out(session.start_time),
        "end": time_out(session.end_time),
        "minutes": session.minutes,
        "title": session.title_ko,
        "kind": session.kind or None,
        "part": session.part.title if session.part else None,
        "room": session.room or None,
        "notes": session.notes or None,
        "people": [ctx.personref(line, role=line.role) for line in session.people.all()],
        "items": [_item_out(ctx, item) for item in session.items.all()],
    }
    extra = extra_out(session, SESSION_COVERED, ctx)
    if extra:
        entry["extra"] = extra
    if session.ref:
        entry["key"] = session.ref
    return apply_meta(entry, provenance)


def _item_out(ctx: ExportContext, item: SessionItem) -> dict:
    people = []
    provenance = dict(item.provenance or {})
    presenter = provenance.pop("presenter", {})
    if item.person_id or item.printed_as:
        first = {"person": ctx.person_ref(item.person) if item.person else None}
        first.update(as_written=item.printed_as or None, role=presenter.get("role"))
        people.append({k: v for k, v in first.items() if v})
    people += [
        ctx.personref(line, role=line.role if line.role != Role.PRESENTER else None)
        for line in item.people.all()
    ]
    entry: dict[str, Any] = {"title": item.title_ko, "people": people}
    if item.marker:
        entry["marker"] = item.marker
    if item.title_en:
        entry["extra"] = {"title_en": item.title_en}
    return apply_meta(entry, provenance)

"""Writes to a forum's run-of-show. Every change that moves times recalculates the cascade.

The ``(forum, order)`` unique constraint is not deferrable, so rows are renumbered in
two phases: first to numbers above every number in use, then to 1…n.

Every write locks the forum row first (``lock_forum``), always before any session row,
and re-reads the rows it changes after the lock: concurrent run-of-show changes then
queue one behind the other on PostgreSQL instead of deadlocking on session rows, each
one recalculates from what the previous one committed, and SEQUENCE only moves forward.
On SQLite, ``transaction_mode: IMMEDIATE`` already serialises writers the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from forums.agenda.rows import Timing, agenda_anchor, clock_zone, forum_timing
from forums.agenda.versions import snapshot_rows
from forums.models import AgendaVersion, Forum, Session, SessionItem, SessionPerson
from planner.models import Organisation, Person, StaleEditError

EDITABLE_FIELDS = frozenset(
    {"title_ko", "title_en", "kind", "minutes", "notes", "internal_notes", "is_pinned"}
)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def lock_forum(forum: Forum | int) -> Forum:
    """Lock the forum row for the rest of the transaction: the one entry point of every
    run-of-show write, taken before any session row is read for writing."""
    pk = forum if isinstance(forum, int) else forum.pk
    return Forum.objects.select_for_update().get(pk=pk)


def _lock_session(session: Session) -> Forum:
    """Lock the session's forum, then re-read the session as the previous writer left it."""
    forum = lock_forum(session.forum_id)
    session.refresh_from_db()
    session.forum = forum
    return forum


def _ordered(forum: Forum) -> list[Session]:
    return list(Session.objects.filter(forum=forum).order_by("order", "pk"))


def _renumber(sessions: list[Session]) -> None:
    """Give the rows the orders 1…n in list order, without ever colliding on the way."""
    wanted = {session.pk: position for position, session in enumerate(sessions, 1)}
    if all(session.order == wanted[session.pk] for session in sessions):
        return
    base = max(max(session.order for session in sessions), len(sessions)) + 1
    for offset, session in enumerate(sessions):
        session.order = base + offset
    Session.objects.bulk_update(sessions, ["order"])
    now = timezone.now()
    for session in sessions:
        session.order = wanted[session.pk]
        session.updated = now
    bulk_update_with_history(sessions, Session, ["order", "updated"])


@transaction.atomic
def agenda_recalculate(*, forum: Forum) -> Timing:
    """Persist every row's cascaded start; rows whose start moves get a new revision."""
    forum = lock_forum(forum)
    sessions = _ordered(forum)
    timing = forum_timing(forum, sessions)
    now = timezone.now()
    changed = []
    for session, slot in zip(sessions, timing.slots, strict=True):
        if slot is None:
            continue  # untimed: the cascade never gives a row a time
        start = slot.starts_at.time()
        # A pinned row's stated end stays as written; a cascaded row's end follows it.
        end = session.end_time if session.is_pinned or not session.minutes else slot.ends_at.time()
        if (session.start_time, session.end_time) == (start, end):
            continue
        session.start_time, session.end_time = start, end
        session.forum = forum
        session.derive_instants()
        session.bump_sequence_if_changed()  # bulk_update skips save()
        session.updated = now
        changed.append(session)
    if changed:
        bulk_update_with_history(
            changed, Session, ["start_time", "end_time", "starts_at", "sequence", "updated"]
        )
    return timing


@transaction.atomic
def session_create(
    *,
    forum: Forum,
    title_ko: str,
    minutes: int,
    kind: str = Session.Kind.OTHER,
    title_en: str = "",
    notes: str = "",
    internal_notes: str = "",
    pinned_at: datetime | None = None,
    position: int | None = None,
) -> Session:
    """Add a row at the end, or at ``position`` (1-based), and cascade."""
    forum = lock_forum(forum)
    last = Session.objects.filter(forum=forum).order_by("-order").first()
    start = pinned_at
    if start is None:
        timing = forum_timing(forum, _ordered(forum))
        start = timing.ends_at or agenda_anchor(forum, [])
    if start is None:
        raise ValidationError(_("Set the forum's start time before adding agenda rows."))
    start = start.astimezone(clock_zone(forum))
    session = Session(
        forum=forum,
        order=(last.order + 1) if last else 1,
        kind=kind,
        title_ko=title_ko,
        title_en=title_en,
        minutes=minutes,
        notes=notes,
        internal_notes=internal_notes,
        is_pinned=pinned_at is not None,
        start_time=start.time(),
        end_time=(start + timedelta(minutes=minutes)).time(),
    )
    session.full_clean()
    session.save()
    if position is not None:
        session_move(session=session, position=position)
    else:
        agenda_recalculate(forum=forum)
    session.refresh_from_db()
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    pinned_at: datetime | None = None,
    expected_revision: int | None = None,
    **fields: Any,
) -> Session:
    """Change a row's minutes, titles, notes or pin; a pinned row keeps ``pinned_at``.

    With ``expected_revision`` (the revision the form was opened at) a row saved since,
    here or in the admin, is refused with ``StaleEditError`` and nothing is written."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"session_update() cannot change {sorted(unknown)}")
    _lock_session(session)
    if expected_revision is not None and session.revision != expected_revision:
        raise StaleEditError(session)
    _write_fields(session, pinned_at, fields)
    agenda_recalculate(forum=session.forum)
    session.refresh_from_db()
    return session


def _write_fields(session: Session, pinned_at: datetime | None, fields: dict[str, Any]) -> None:
    """Save one locked row's changed fields (the cascade runs after, once per write)."""
    session.revision += 1
    for name, value in fields.items():
        setattr(session, name, value)
    if session.is_pinned and pinned_at is not None:
        session.start_time = pinned_at.astimezone(clock_zone(session.forum)).time()
    if session.start_time and session.minutes:
        # A staff edit gives the row its minutes: its end follows them (a stated end that
        # disagreed is replaced), and the cascade then bumps the row only once.
        start = datetime.combine(date.min, session.start_time)
        session.end_time = (start + timedelta(minutes=session.minutes)).time()
    session.full_clean()
    session.save()


@transaction.atomic
def session_delete(*, session: Session) -> Forum:
    forum = _lock_session(session)
    session.delete()
    remaining = _ordered(forum)
    if remaining:
        _renumber(remaining)
    agenda_recalculate(forum=forum)
    return forum


@transaction.atomic
def session_move(*, session: Session, position: int) -> Session:
    """Put the row at ``position`` (1-based, clamped to the agenda) and cascade."""
    _lock_session(session)
    _place(_ordered(session.forum), session.pk, position)
    agenda_recalculate(forum=session.forum)
    session.refresh_from_db()
    return session


def _place(sessions: list[Session], pk: int, position: int) -> None:
    """Renumber the rows with row ``pk`` at ``position`` (1-based, clamped)."""
    moving = next(s for s in sessions if s.pk == pk)
    sessions.remove(moving)
    target = min(max(position, 1), len(sessions) + 1)
    sessions.insert(target - 1, moving)
    _renumber(sessions)


@dataclass(frozen=True)
class MinutesEdit:
    """A row's minutes as the editor page showed them, and as staff then typed them."""

    session_pk: int
    shown: int | None
    typed: int | None

    @property
    def is_change(self) -> bool:
        return self.typed != self.shown


@dataclass(frozen=True)
class RowMove:
    """↑ (``step=-1``), ↓ (``step=1``) or a drag to ``position`` (1-based)."""

    session_pk: int
    step: int = 0
    position: int | None = None


class StaleMinutesError(Exception):
    """Rows whose minutes someone changed after the page showed them; nothing was written.

    ``rows`` pairs each edit with the row as it is now (``None``: deleted since)."""

    def __init__(self, rows: list[tuple[MinutesEdit, Session | None]]):
        super().__init__(f"{len(rows)} rows changed since the page was shown")
        self.rows = rows


@transaction.atomic
def rows_change(
    *, forum: Forum, minutes: Sequence[MinutesEdit] = (), move: RowMove | None = None
) -> None:
    """The editor table's one write: the minutes staff changed, then at most one move.

    An edit counts only where the typed minutes differ from those shown, so a page
    that is out of date changes nothing staff did not touch. Where a row's minutes
    were changed by someone else since, nothing is written (``StaleMinutesError``)."""
    forum = lock_forum(forum)
    sessions = _ordered(forum)
    by_pk = {session.pk: session for session in sessions}
    edits = [edit for edit in minutes if edit.is_change]
    stale = [
        (edit, by_pk.get(edit.session_pk))
        for edit in edits
        if edit.session_pk not in by_pk or by_pk[edit.session_pk].minutes != edit.shown
    ]
    if stale:
        raise StaleMinutesError(stale)
    for edit in edits:
        session = by_pk[edit.session_pk]
        session.forum = forum
        _write_fields(session, None, {"minutes": edit.typed})
    if move is not None and move.session_pk in by_pk:
        current = sessions.index(by_pk[move.session_pk]) + 1
        _place(sessions, move.session_pk, move.position or current + move.step)
    agenda_recalculate(forum=forum)


@transaction.atomic
def agenda_issue_version(
    *, forum: Forum, issued_by: Any | None = None, note: str = ""
) -> AgendaVersion:
    """Freeze the rows as they print now into the next version (v1, v2 …)."""
    # Lock the forum so that two people issuing at once get v2 and v3, not an error.
    forum = lock_forum(forum)
    sessions = list(Session.objects.for_agenda(forum))
    timing = agenda_recalculate(forum=forum)
    last = AgendaVersion.objects.filter(forum=forum).aggregate(last=Max("number"))["last"]
    version = AgendaVersion(
        forum=forum,
        number=(last or 0) + 1,
        issued_by=issued_by if getattr(issued_by, "pk", None) else None,
        note=note,
        rows=snapshot_rows(sessions, timing, forum.clock_tz),
    )
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def session_person_add(
    *,
    session: Session,
    role: str,
    person: Person | None = None,
    printed_as: str = "",
    organisation: Organisation | None = None,
) -> SessionPerson:
    """A role line on a row: a known person, or only the words as printed, or both."""
    if person is None and not printed_as.strip():
        raise ValidationError(_("Choose a person or write the name as printed."))
    lock_forum(session.forum_id)
    last = SessionPerson.objects.filter(session=session).aggregate(last=Max("order"))["last"]
    line = SessionPerson(
        session=session,
        role=role,
        person=person,
        organisation=organisation or (person.organisation if person else None),
        printed_as=printed_as.strip(),
        order=(last or 0) + 1,
    )
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def session_person_remove(*, line: SessionPerson) -> None:
    lock_forum(line.session.forum_id)
    line.delete()


def _remark_items(session: Session) -> None:
    """Circled markers (①, ②…) follow the items' order again after a change."""
    items = list(SessionItem.objects.filter(session=session).order_by("order", "pk"))
    changed = []
    for position, item in enumerate(items):
        marker = CIRCLED[position] if position < len(CIRCLED) else ""
        if (not item.marker or item.marker in CIRCLED) and item.marker != marker:
            item.marker = marker
            changed.append(item)
    if changed:
        SessionItem.objects.bulk_update(changed, ["marker"])


@transaction.atomic
def session_item_add(
    *,
    session: Session,
    title_ko: str,
    title_en: str = "",
    person: Person | None = None,
    printed_as: str = "",
) -> SessionItem:
    """A numbered sub-item (발제 ①, ②…) with its presenter."""
    lock_forum(session.forum_id)
    last = SessionItem.objects.filter(session=session).aggregate(last=Max("order"))["last"]
    item = SessionItem(
        session=session,
        order=(last or 0) + 1,
        title_ko=title_ko,
        title_en=title_en,
        person=person,
        printed_as=printed_as.strip(),
    )
    item.full_clean()
    item.save()
    _remark_items(session)
    item.refresh_from_db()
    return item


@transaction.atomic
def session_item_remove(*, item: SessionItem) -> None:
    session = item.session
    lock_forum(session.forum_id)
    item.delete()
    _remark_items(session)

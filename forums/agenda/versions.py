"""Issued run-of-show versions: rows frozen as JSON, and what changed between two of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from forums.agenda.rows import NO_DAY, Timing, row_lines, speakers
from planner.time_display import fuzzy_date

# --- snapshots (issued versions) and their diff -------------------------------


def compared_rows(
    sessions: Sequence[Any], timing: Timing, tz: tzinfo, *, lines_ko: Sequence[list] = ()
) -> list[dict]:
    """What the diff reads of each row (``DIFF_FIELDS``, the id and order), and no more.

    Enough to tell what changed since a version at a fraction of a snapshot's cost;
    ``lines_ko`` spares computing the Korean lines again when the caller has them.
    """
    lines = list(lines_ko) or [row_lines(session, english=False) for session in sessions]
    return [
        {
            "id": session.pk,
            "order": position,
            "start": slot.starts_at.astimezone(tz).strftime("%H:%M") if slot else "",
            "end": slot.ends_at.astimezone(tz).strftime("%H:%M") if slot and slot.minutes else "",
            "minutes": session.minutes,
            "title_ko": session.title_ko,
            "lines_ko": session_lines,
            "notes": session.notes,
        }
        for position, (session, slot, session_lines) in enumerate(
            zip(sessions, timing.slots, lines, strict=True), 1
        )
    ]


def snapshot_rows(sessions: Sequence[Any], timing: Timing, tz: tzinfo) -> list[dict]:
    """The rows frozen as JSON: what an issued version keeps, in both languages."""
    return [
        {
            **compared,
            "pinned": slot.is_pinned if slot else False,
            "kind": session.kind,
            "title_en": session.title_en,
            "lines_en": row_lines(session, english=True),
            "day": _day_label(session),
            "part": _part_label(session.part) if session.part_id else "",
            "room": session.room,
            # The day as a date (public calendar), and who is named (public speakers list).
            "date": _row_date(slot, tz),
            "speakers_ko": _row_speakers(session, english=False),
            "speakers_en": _row_speakers(session, english=True),
        }
        for compared, session, slot in zip(
            compared_rows(sessions, timing, tz), sessions, timing.slots, strict=True
        )
    ]


def _row_date(slot: Any, tz: tzinfo) -> str:
    """The row's day as a date, empty when the agenda has no known day (never invented)."""
    if slot is None:
        return ""
    day = slot.starts_at.astimezone(tz).date()
    return "" if day == NO_DAY else day.isoformat()


def _row_speakers(session: Any, *, english: bool) -> list[dict]:
    return [
        {"name": speaker.name, "title": speaker.title, "roles": speaker.roles}
        for speaker in speakers([session], [], english=english)
    ]


def _day_label(session: Any) -> str:
    if session.day is None:
        return session.day_written
    return fuzzy_date(session, "day")


def _part_label(part: Any) -> str:
    times = ""
    if part.start_time:
        times = part.start_time.strftime("%H:%M")
        if part.end_time:
            times += "~" + part.end_time.strftime("%H:%M")
    return " ".join(text for text in (part.title, times, part.room) if text)


# What the diff compares, and how each field is read from a frozen row.
DIFF_FIELDS = {
    "time": lambda row: f"{row['start']}~{row['end']}",
    "minutes": lambda row: f"{row['minutes']}'",
    "title": lambda row: row["title_ko"],
    "people": lambda row: "\n".join(row["lines_ko"]),
    "notes": lambda row: row["notes"],
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    row: dict
    changes: list[FieldChange]
    moved: bool = False


@dataclass(frozen=True)
class AgendaDiff:
    added: list[dict]
    removed: list[dict]
    changed: list[RowChange]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def size(self) -> int:
        """Rows added, removed or changed."""
        return len(self.added) + len(self.removed) + len(self.changed)


def versions_diff(old_rows: Sequence[dict], new_rows: Sequence[dict]) -> AgendaDiff:
    """Rows added, removed and changed (field by field) between two frozen agendas."""
    old_by_id = {row["id"]: row for row in old_rows}
    new_ids = {row["id"] for row in new_rows}
    # Each kept row's place among the rows both sides keep: a changed place is a move.
    kept_old = [row["id"] for row in old_rows if row["id"] in new_ids]
    kept_new = [row["id"] for row in new_rows if row["id"] in old_by_id]
    old_places = {pk: place for place, pk in enumerate(kept_old)}
    new_places = {pk: place for place, pk in enumerate(kept_new)}
    changed = []
    for row in new_rows:
        old = old_by_id.get(row["id"])
        if old is None:
            continue
        changes = [
            FieldChange(name, read(old), read(row))
            for name, read in DIFF_FIELDS.items()
            if read(old) != read(row)
        ]
        moved = old_places[row["id"]] != new_places[row["id"]]
        if changes or moved:
            changed.append(RowChange(row=row, changes=changes, moved=moved))
    return AgendaDiff(
        added=[row for row in new_rows if row["id"] not in old_by_id],
        removed=[row for row in old_rows if row["id"] not in new_ids],
        changed=changed,
    )


def printed_rows(rows: Sequence[dict], *, english: bool) -> list[dict]:
    """Frozen rows (current or issued) with the title and lines of the language shown."""
    return [
        {
            **row,
            "title": (row["title_en"] or row["title_ko"]) if english else row["title_ko"],
            "lines": row["lines_en"] if english else row["lines_ko"],
        }
        for row in rows
    ]

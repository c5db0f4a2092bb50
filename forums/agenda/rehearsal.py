"""A rehearsal of live mode on a copy: its clock, its +/- minutes and its marks.

Everything lives in the browser session (``request.session``), never in the
database: a rehearsal cannot move the plan. The clock is a time the operator
picks; while playing it runs on from there at the wall clock's pace.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from forums.agenda.live import Mark


def _key(forum_pk: int) -> str:
    return f"forums.rehearsal.{forum_pk}"


@dataclass
class Rehearsal:
    clock: datetime  # the rehearsal time when last set or paused
    set_at: datetime  # the wall-clock time it was set at
    playing: bool = False
    extensions: dict[int, int] = field(default_factory=dict)  # row pk → minutes added
    marks: list[Mark] = field(default_factory=list)

    def now(self, wall: datetime) -> datetime:
        return self.clock + (wall - self.set_at) if self.playing else self.clock

    def set_clock(self, clock: datetime, wall: datetime) -> None:
        self.clock, self.set_at = clock, wall

    def play(self, wall: datetime) -> None:
        if not self.playing:
            self.set_at, self.playing = wall, True

    def pause(self, wall: datetime) -> None:
        if self.playing:
            self.clock, self.playing = self.now(wall), False

    def extend(self, session_pk: int, delta: int) -> None:
        self.extensions[session_pk] = self.extensions.get(session_pk, 0) + delta

    def to_json(self) -> dict[str, Any]:
        return {
            "clock": self.clock.isoformat(),
            "set_at": self.set_at.isoformat(),
            "playing": self.playing,
            "extensions": {str(pk): delta for pk, delta in self.extensions.items()},
            "marks": [[m.kind, m.at.isoformat(), m.session_pk] for m in self.marks],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rehearsal:
        return cls(
            clock=datetime.fromisoformat(data["clock"]),
            set_at=datetime.fromisoformat(data["set_at"]),
            playing=bool(data.get("playing")),
            extensions={int(pk): int(d) for pk, d in data.get("extensions", {}).items()},
            marks=[Mark(kind, datetime.fromisoformat(at), pk) for kind, at, pk in data["marks"]],
        )


def rehearsal_load(store: Any, forum_pk: int) -> Rehearsal | None:
    data = store.get(_key(forum_pk))
    try:
        return Rehearsal.from_json(data) if data else None
    except (KeyError, TypeError, ValueError):
        return None  # an old or damaged copy: start afresh


def rehearsal_save(store: Any, forum_pk: int, rehearsal: Rehearsal | None) -> None:
    if rehearsal is None:
        store.pop(_key(forum_pk), None)
    else:
        store[_key(forum_pk)] = rehearsal.to_json()


def with_extensions(sessions: Iterable[Any], extensions: dict[int, int]) -> list[Any]:
    """The rows with the rehearsal's minutes, changed in memory only (never saved)."""
    rows = list(sessions)
    for session in rows:
        delta = extensions.get(session.pk)
        if delta and session.minutes:
            session.minutes = max(1, session.minutes + delta)
            session.end_time = None  # the cascade then reads the minutes, not the range
    return rows


def rehearsal_start(start: datetime, wall: datetime) -> Rehearsal:
    """A new rehearsal, paused a few minutes before the programme starts."""
    return Rehearsal(clock=start - timedelta(minutes=5), set_at=wall)

"""Live mode, computed: where the programme stands before, during and after the event.

Pure functions over the planned timing (``forums.agenda``) and the operator's marks
(a row started at its actual time, the programme ended). Without marks the plan's
clock decides; with marks the row last marked "started" is on stage, whatever the
plan says, and the time it actually started is measured against the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo

from forums.agenda.rows import Timing, live_status, whole_minutes

BEFORE, DURING, AFTER = "before", "during", "after"
STARTED, ENDED = "started", "ended"


@dataclass(frozen=True)
class Mark:
    kind: str  # STARTED or ENDED
    at: datetime
    session_pk: int | None = None


@dataclass(frozen=True)
class ShortPinned:
    index: int
    minutes: int  # how many minutes the rows before it run into it


@dataclass(frozen=True)
class LiveState:
    phase: str
    now: datetime
    current: int | None = None
    next: int | None = None
    # Minutes left in the current row; negative when it runs over.
    minutes_left: int = 0
    minutes_to_next: int = 0
    # How late the programme runs now (a late start or an overrunning row).
    late_minutes: int = 0
    short_pinned: list[ShortPinned] = field(default_factory=list)
    projected_end: datetime | None = None
    started_at: datetime | None = None  # actual, as marked
    ended_at: datetime | None = None  # actual, as marked
    # Actual start of each row marked started, by row index.
    actual_starts: dict[int, datetime] = field(default_factory=dict)
    # How far the expected end runs past the forum's scheduled end.
    past_forum_end_minutes: int = 0

    @property
    def over_minutes(self) -> int:
        return max(0, -self.minutes_left)

    @property
    def on_schedule(self) -> bool:
        return self.phase != AFTER and not (
            self.late_minutes or self.short_pinned or self.past_forum_end_minutes
        )


def _ceil_minutes(delta: timedelta) -> int:
    return int(-(-delta.total_seconds() // 60))


def _next_timed(timing: Timing, after: int) -> int | None:
    return next((i for i in range(after + 1, len(timing.slots)) if timing.slots[i]), None)


def _walk(timing: Timing, start: int | None, at: datetime) -> tuple[list[ShortPinned], datetime]:
    """From row ``start`` on, beginning no earlier than ``at``: pinned rows reached late."""
    short: list[ShortPinned] = []
    clock = at
    index = start
    while index is not None:
        slot = timing.slots[index]
        if slot.is_pinned:
            if clock > slot.starts_at:
                short.append(ShortPinned(index, whole_minutes(clock - slot.starts_at)))
            clock = max(clock, slot.starts_at)
        clock += timedelta(minutes=slot.minutes)
        index = _next_timed(timing, index)
    return short, clock


def live_state(
    timing: Timing, marks: Iterable[Mark], now: datetime, *, session_pks: Sequence[int], tz: tzinfo
) -> LiveState:
    """The state of the programme at ``now`` given the plan and the marks made so far."""
    state = _state(timing, marks, now, session_pks, tz)
    if state.phase == AFTER or state.projected_end is None or timing.planned_end is None:
        return state
    past = max(0, whole_minutes(state.projected_end - timing.planned_end))
    return replace(state, past_forum_end_minutes=past)


def _state(
    timing: Timing, marks: Iterable[Mark], now: datetime, session_pks: Sequence[int], tz: tzinfo
) -> LiveState:
    marks = sorted((m for m in marks if m.at <= now), key=lambda m: m.at)
    index_of = {pk: index for index, pk in enumerate(session_pks)}
    starts = [m for m in marks if m.kind == STARTED and index_of.get(m.session_pk) is not None]
    ended = next((m for m in reversed(marks) if m.kind == ENDED), None)
    actual = {index_of[m.session_pk]: m.at for m in starts}
    common = {
        "now": now,
        "actual_starts": actual,
        "started_at": starts[0].at if starts else None,
    }
    last = starts[-1] if starts else None
    if ended is not None and (last is None or ended.at >= last.at):
        return LiveState(AFTER, ended_at=ended.at, **common)
    if last is not None:
        current = index_of[last.session_pk]
        slot = timing.slots[current]
        if slot is None or now.astimezone(tz).date() > last.at.astimezone(tz).date():
            # A row marked on an earlier day and never ended: the event is over.
            return LiveState(AFTER, **common)
        ends = last.at + timedelta(minutes=slot.minutes)
        return _during(timing, current, ends, now, common)
    planned = live_status(timing, now)
    if planned.current is not None:
        return _during(timing, planned.current, timing.slots[planned.current].ends_at, now, common)
    if planned.before_start:
        return LiveState(
            BEFORE,
            next=planned.next,
            minutes_to_next=planned.minutes_to_next,
            short_pinned=_walk(timing, planned.next, timing.slots[planned.next].starts_at)[0],
            projected_end=timing.ends_at,
            **common,
        )
    if planned.finished:
        return LiveState(AFTER, **common)
    # Between rows (before a pinned row that starts later): a break.
    short, end = _walk(timing, planned.next, now)
    return LiveState(
        DURING,
        next=planned.next,
        minutes_to_next=planned.minutes_to_next,
        short_pinned=short,
        projected_end=end,
        **common,
    )


def _during(timing: Timing, current: int, ends: datetime, now: datetime, common) -> LiveState:
    slot = timing.slots[current]
    following = _next_timed(timing, current)
    running_until = max(ends, now)
    short, projected_end = _walk(timing, following, running_until)
    minutes_to_next = 0
    if following is not None:
        upcoming = timing.slots[following]
        begins = max(upcoming.starts_at, running_until) if upcoming.is_pinned else running_until
        minutes_to_next = max(0, _ceil_minutes(begins - now))
    return LiveState(
        DURING,
        current=current,
        next=following,
        minutes_left=_ceil_minutes(ends - now),
        minutes_to_next=minutes_to_next,
        late_minutes=max(0, whole_minutes(running_until - slot.ends_at)),
        short_pinned=short,
        projected_end=projected_end,
        **common,
    )

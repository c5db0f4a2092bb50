"""The run-of-show, computed: cascading times, printed rows, snapshots and their diff.

Pure functions over rows already in memory; nothing here queries the database.
A row starts where the previous one ends unless it is pinned to a clock time;
a pinned row keeps its time even when the rows before it run into it (it is
then flagged as a conflict, never moved). A gap before a pinned row is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from planner.models import Role

# --- the cascade ------------------------------------------------------------


def whole_minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


@dataclass(frozen=True)
class Step:
    """What the cascade needs of a row: its length, and its clock time when pinned."""

    minutes: int
    pinned_at: datetime | None = None


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    minutes: int
    is_pinned: bool = False
    # A pinned row the rows before it run into: by how many minutes.
    conflict_minutes: int = 0
    # Idle time before a pinned row that starts later than the previous row ends.
    gap_minutes: int = 0

    @property
    def is_conflict(self) -> bool:
        return self.conflict_minutes > 0


@dataclass(frozen=True)
class Timing:
    slots: list[Slot]
    starts_at: datetime | None
    ends_at: datetime | None
    planned_end: datetime | None
    # Minutes the agenda runs past the forum's end (0 when it fits or there is no end).
    overrun_minutes: int = 0

    @property
    def conflicts(self) -> list[int]:
        """Indexes of the flagged (pinned, no longer fitting) rows."""
        return [index for index, slot in enumerate(self.slots) if slot.is_conflict]

    @property
    def slack_minutes(self) -> int:
        """Minutes left before the forum's end (0 when it overruns or has no end)."""
        if self.ends_at is None or self.planned_end is None:
            return 0
        return max(0, whole_minutes(self.planned_end - self.ends_at))


def cascade(
    steps: Sequence[Step], *, start: datetime, planned_end: datetime | None = None
) -> Timing:
    """Each row starts at the previous row's end, a pinned row at its own clock time."""
    slots: list[Slot] = []
    previous_end: datetime | None = None
    for step in steps:
        conflict = gap = 0
        if step.pinned_at is not None:
            begin = step.pinned_at
            if previous_end is not None:
                conflict = max(0, whole_minutes(previous_end - begin))
                gap = max(0, whole_minutes(begin - previous_end))
        else:
            begin = previous_end if previous_end is not None else start
        end = begin + timedelta(minutes=step.minutes)
        slots.append(
            Slot(
                starts_at=begin,
                ends_at=end,
                minutes=step.minutes,
                is_pinned=step.pinned_at is not None,
                conflict_minutes=conflict,
                gap_minutes=gap,
            )
        )
        previous_end = end
    overrun = 0
    if previous_end is not None and planned_end is not None:
        overrun = max(0, whole_minutes(previous_end - planned_end))
    return Timing(
        slots=slots,
        starts_at=slots[0].starts_at if slots else None,
        ends_at=previous_end,
        planned_end=planned_end,
        overrun_minutes=overrun,
    )


def agenda_anchor(forum: Any, sessions: Sequence[Any]) -> datetime | None:
    """Where the first unpinned row starts: the run-of-show start, else the forum's."""
    anchor = forum.agenda_starts_at or forum.starts_at
    if anchor is None and sessions:
        anchor = sessions[0].starts_at
    return anchor


def session_steps(sessions: Iterable[Any]) -> list[Step]:
    return [Step(s.minutes, s.starts_at if s.is_pinned else None) for s in sessions]


def forum_timing(forum: Any, sessions: Sequence[Any]) -> Timing:
    """The cascade of a forum's sessions (in their order) against the forum's end."""
    anchor = agenda_anchor(forum, sessions)
    if anchor is None:
        return Timing(slots=[], starts_at=None, ends_at=None, planned_end=forum.ends_at)
    return cascade(session_steps(sessions), start=anchor, planned_end=forum.ends_at)


# --- the rows as printed ----------------------------------------------------

# The printed run-of-show's own words for the roles (the seed writes "- 좌장: …").
ROLE_PREFIX = {
    "ko": {
        Role.MODERATOR: "좌장",
        Role.PRESENTER: "발제자",
        Role.PANELIST: "토론자",
        Role.MC: "사회자",
        Role.SPEAKER: "연사",
    },
    "en": {
        Role.MODERATOR: "Moderator",
        Role.PRESENTER: "Presenter",
        Role.PANELIST: "Panelist",
        Role.MC: "MC",
        Role.SPEAKER: "Speaker",
    },
}
AGENDA_ROLES = (Role.MODERATOR, Role.PRESENTER, Role.PANELIST, Role.MC, Role.SPEAKER)


def _title(obj: Any, english: bool) -> str:
    return (obj.title_en or obj.title_ko) if english else obj.title_ko


def printed_name(line: Any, english: bool = False) -> str:
    """A role line or sub-item's person as printed; in English the person's Latin name."""
    person = line.person if line.person_id else None
    if english and person is not None and person.position_en:
        return f"{person.name_latin or person.name_ko}, {person.position_en}"
    if line.printed_as:
        return line.printed_as
    if person is not None:
        return str(person)
    organisation = getattr(line, "organisation", None)
    return str(organisation) if organisation is not None else ""


def row_lines(session: Any, *, english: bool = False) -> list[str]:
    """The lines under "▶ title": sub-items, the 좌장 line, the panel on one line, other roles.

    A person already named in the remarks column (비고, e.g. "좌장", "NIA 부원장") is not
    repeated. Uses the prefetched ``items`` and ``people``.
    """
    prefixes = ROLE_PREFIX["en" if english else "ko"]
    lines = []
    for item in session.items.all():
        text = f"{item.marker} {_title(item, english)}".strip()
        presenter = printed_name(item, english)
        lines.append(f"{text} - {presenter}" if presenter else text)
    people = [
        line
        for line in session.people.all()
        if printed_name(line) and printed_name(line) != session.notes
    ]
    for line in people:
        if line.role == Role.MODERATOR:
            lines.append(f"- {prefixes[Role.MODERATOR]}: {printed_name(line, english)}")
    panel = [printed_name(line, english) for line in people if line.role == Role.PANELIST]
    if panel:
        # English names carry their positions after a comma: separate people with ";".
        lines.append("- " + ("; " if english else ", ").join(panel))
    for line in people:
        if line.role not in (Role.MODERATOR, Role.PANELIST):
            prefix = prefixes.get(line.role, line.get_role_display())
            lines.append(f"- {prefix}: {printed_name(line, english)}")
    return lines


@dataclass
class AgendaRow:
    session: Any
    slot: Slot
    title: str
    lines: list[str] = field(default_factory=list)


def agenda_rows(sessions: Sequence[Any], timing: Timing, *, english: bool) -> list[AgendaRow]:
    return [
        AgendaRow(session, slot, _title(session, english), row_lines(session, english=english))
        for session, slot in zip(sessions, timing.slots, strict=True)
    ]


# --- live mode ---------------------------------------------------------------


@dataclass(frozen=True)
class LiveStatus:
    now: datetime
    current: int | None  # index of the row running now
    next: int | None  # index of the row after it (or the first one, before the start)
    minutes_left: int  # in the current row
    minutes_to_next: int
    # How far the programme runs over the forum's end (planned), and past its own end (now).
    overrun_minutes: int
    past_end_minutes: int

    @property
    def before_start(self) -> bool:
        return self.current is None and self.next == 0

    @property
    def finished(self) -> bool:
        return self.current is None and self.next is None


def live_status(timing: Timing, now: datetime) -> LiveStatus:
    current = following = None
    for index, slot in enumerate(timing.slots):
        if current is None and slot.starts_at <= now < slot.ends_at:
            current = index
        if following is None and slot.starts_at > now:
            following = index
    if current is not None:
        following = current + 1 if current + 1 < len(timing.slots) else None
    minutes_left = minutes_to_next = 0
    if current is not None:
        minutes_left = _ceil_minutes(timing.slots[current].ends_at - now)
    if following is not None:
        # A pinned next row that the running one overlaps is due now, not "in -15 minutes".
        minutes_to_next = max(0, _ceil_minutes(timing.slots[following].starts_at - now))
    past_end = 0
    if timing.ends_at is not None and now > timing.ends_at and current is None:
        past_end = whole_minutes(now - timing.ends_at)
    return LiveStatus(
        now=now,
        current=current,
        next=following,
        minutes_left=minutes_left,
        minutes_to_next=minutes_to_next,
        overrun_minutes=timing.overrun_minutes,
        past_end_minutes=past_end,
    )


def _ceil_minutes(delta: timedelta) -> int:
    seconds = delta.total_seconds()
    return int(-(-seconds // 60))


# --- speakers (public page) ----------------------------------------------------


@dataclass
class Speaker:
    name: str
    title: str
    roles: list[str] = field(default_factory=list)


def _speaker(line: Any, english: bool) -> tuple[Any, str, str]:
    person = line.person if line.person_id else None
    if person is None:
        return line.printed_as, line.printed_as, ""
    name = (person.name_latin or person.name_ko) if english else (person.name_ko or str(person))
    title = (person.position_en or person.position_ko) if english else person.position_ko
    return person.pk, name, title


def speakers(sessions: Sequence[Any], mc_lines: Sequence[Any], *, english: bool) -> list[Speaker]:
    """Everyone named on the programme, once each, with their roles; the MC last.

    Names and titles only: never contact details.
    """
    prefixes = ROLE_PREFIX["en" if english else "ko"]
    found: dict[Any, Speaker] = {}

    def add(line: Any, role: str) -> None:
        key, name, title = _speaker(line, english)
        if not name:
            return
        speaker = found.setdefault(key, Speaker(name=name, title=title))
        label = prefixes.get(role, role)
        if label not in speaker.roles:
            speaker.roles.append(label)

    for session in sessions:
        for item in session.items.all():
            add(item, Role.PRESENTER)
        for line in session.people.all():
            add(line, line.role)
    for line in mc_lines:
        add(line, Role.MC)
    return list(found.values())

"""The run-of-show, computed: cascading times, printed rows, snapshots and their diff.

Pure functions over rows already in memory; nothing here queries the database.
Times are the forum's wall-clock times: aware datetimes in its zone, or, for a
forum whose zone is not known (floating), in UTC standing for "the clock as
written" and never shown as Seoul time. A row starts where the previous one ends
unless it is pinned to a clock time; a pinned row keeps its time even when the
rows before it run into it (it is then flagged, never moved). A row with no time
is untimed: the cascade passes it by and never gives it one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from planner.models import Role

# A floating agenda without a known date still needs a day to count minutes on.
NO_DAY = date(2000, 1, 1)

# --- the cascade ------------------------------------------------------------


def whole_minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def clock_minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def clock_zone(forum: Any) -> tzinfo:
    """The zone agenda times are computed and shown in (UTC stands in for floating)."""
    return forum.tz or UTC


def agenda_clock(forum: Any, day: date | None, at: time) -> datetime:
    """A wall-clock time of the agenda as an aware datetime in ``clock_zone``."""
    return datetime.combine(day or forum.date or NO_DAY, at, tzinfo=clock_zone(forum))


@dataclass(frozen=True)
class Step:
    """What the cascade needs of a timed row: its length, and its clock time when pinned."""

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
    # One slot per row, None for an untimed row.
    slots: list[Slot | None]
    starts_at: datetime | None
    ends_at: datetime | None
    planned_end: datetime | None
    # Minutes the agenda runs past the forum's end (0 when it fits or there is no end).
    overrun_minutes: int = 0

    @property
    def conflicts(self) -> list[int]:
        """Indexes of the flagged (pinned, no longer fitting) rows."""
        return [index for index, slot in enumerate(self.slots) if slot and slot.is_conflict]

    @property
    def timed_slots(self) -> list[Slot]:
        return [slot for slot in self.slots if slot is not None]

    @property
    def slack_minutes(self) -> int:
        """Minutes left before the forum's end (0 when it overruns or has no end)."""
        if self.ends_at is None or self.planned_end is None:
            return 0
        return max(0, whole_minutes(self.planned_end - self.ends_at))


def cascade(
    steps: Sequence[Step | None], *, start: datetime | None, planned_end: datetime | None = None
) -> Timing:
    """Each row starts at the previous row's end, a pinned row at its own clock time."""
    slots: list[Slot | None] = []
    previous_end: datetime | None = None
    for step in steps:
        if step is None or (step.pinned_at is None and previous_end is None and start is None):
            slots.append(None)
            continue
        conflict = gap = 0
        if step.pinned_at is not None:
            begin = step.pinned_at
            if previous_end is not None and begin.date() == previous_end.date():
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
    timed = [slot for slot in slots if slot is not None]
    overrun = 0
    if previous_end is not None and planned_end is not None:
        overrun = max(0, whole_minutes(previous_end - planned_end))
    return Timing(
        slots=slots,
        starts_at=timed[0].starts_at if timed else None,
        ends_at=previous_end,
        planned_end=planned_end,
        overrun_minutes=overrun,
    )


def session_length(session: Any) -> int:
    """How long the row runs: a pinned row's stated range as written, else its minutes.

    Where a document states minutes that disagree with its range, the range is what
    the clock shows; the minutes stay beside it, flagged.
    """
    has_range = session.start_time is not None and session.end_time is not None
    if has_range and (session.is_pinned or not session.minutes):
        return (clock_minutes(session.end_time) - clock_minutes(session.start_time)) % 1440
    return session.minutes or 0


def session_steps(forum: Any, sessions: Iterable[Any]) -> list[Step | None]:
    steps: list[Step | None] = []
    for session in sessions:
        if session.start_time is None:
            steps.append(None)
            continue
        pinned_at = (
            agenda_clock(forum, session.day, session.start_time) if session.is_pinned else None
        )
        steps.append(Step(session_length(session), pinned_at))
    return steps


def agenda_anchor(forum: Any, sessions: Sequence[Any]) -> datetime | None:
    """Where the first unpinned row starts: the run-of-show start, the forum's, or its own."""
    if forum.agenda_starts_at is not None:
        return forum.agenda_starts_at.astimezone(clock_zone(forum))
    if forum.start_time is not None:
        return agenda_clock(forum, None, forum.start_time)
    first = next((s for s in sessions if s.start_time is not None), None)
    return agenda_clock(forum, first.day, first.start_time) if first else None


def planned_end(forum: Any) -> datetime | None:
    if forum.end_time is None:
        return None
    return agenda_clock(forum, forum.end_date, forum.end_time)


def forum_timing(forum: Any, sessions: Sequence[Any]) -> Timing:
    """The cascade of a forum's sessions (in their order) against the forum's end."""
    return cascade(
        session_steps(forum, sessions),
        start=agenda_anchor(forum, sessions),
        planned_end=planned_end(forum),
    )


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
    repeated. Reads the lists ``Session.objects.with_lines()`` attaches.
    """
    prefixes = ROLE_PREFIX["en" if english else "ko"]
    lines = []
    for item in session.agenda_items:
        text = f"{item.marker} {_title(item, english)}".strip()
        names = [printed_name(item, english)] + [
            printed_name(line, english) for line in item.agenda_people
        ]
        presenter = ", ".join(name for name in names if name)
        lines.append(f"{text} - {presenter}" if presenter else text)
    people = [
        line
        for line in session.agenda_people
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
        if line.role == Role.OTHER:
            lines.append(f"- {printed_name(line, english)}")  # the role is in the words
        elif line.role not in (Role.MODERATOR, Role.PANELIST):
            prefix = prefixes.get(line.role, line.get_role_display())
            lines.append(f"- {prefix}: {printed_name(line, english)}")
    return lines


@dataclass
class AgendaRow:
    session: Any
    # None for an untimed row ("시간 미정"): it keeps its place by order alone.
    slot: Slot | None
    title: str
    lines: list[str] = field(default_factory=list)


def agenda_rows(sessions: Sequence[Any], timing: Timing, *, english: bool) -> list[AgendaRow]:
    """The one read model of the run-of-show: editor, print, PDF, public and forum pages."""
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
        if slot is None:
            continue
        if current is None and slot.starts_at <= now < slot.ends_at:
            current = index
        if following is None and slot.starts_at > now:
            following = index
    if current is not None:
        following = next(
            (i for i in range(current + 1, len(timing.slots)) if timing.slots[i] is not None),
            None,
        )
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
        for item in session.agenda_items:
            add(item, Role.PRESENTER)
        for line in session.agenda_people:
            add(line, line.role)
    for line in mc_lines:
        add(line, Role.MC)
    return list(found.values())

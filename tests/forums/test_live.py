"""Live mode before, during and after the event; the operator's marks; rehearsal on a copy."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from forums.agenda import services
from forums.agenda.live import AFTER, BEFORE, DURING, ENDED, STARTED, Mark, live_state
from forums.agenda.live_services import live_mark, live_marks
from forums.agenda.rows import forum_timing
from forums.models import LiveLogEntry, Session
from tests.forums.agenda_helpers import SEOUL, load_forum6, row, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return load_forum6()


def seoul(hour: int, minute: int, day: int = 14) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=SEOUL)


def state_at(forum, now, marks=()):
    sessions = list(Session.objects.for_agenda(forum))
    timing = forum_timing(forum, sessions)
    return live_state(timing, marks, now, session_pks=[s.pk for s in sessions], tz=SEOUL)


def test_before_during_and_after_by_the_plan(forum):
    before, during, after = (
        state_at(forum, t) for t in (seoul(14, 40), seoul(15, 20), seoul(17, 1))
    )
    years_later = state_at(forum, datetime(2026, 12, 2, 10, 0, tzinfo=SEOUL))

    assert (before.phase, before.next, before.minutes_to_next) == (BEFORE, 0, 10)
    assert (during.phase, during.current, during.minutes_left, during.on_schedule) == (
        DURING,
        5,
        25,
        True,
    )
    assert (after.phase, after.on_schedule, after.late_minutes) == (AFTER, False, 0)
    assert (years_later.phase, years_later.late_minutes, years_later.over_minutes) == (AFTER, 0, 0)


def test_a_late_start_is_measured_against_the_plan(forum):
    presentations = row(forum, 6)  # planned 15:15~15:45
    marks = [Mark(STARTED, seoul(15, 22), presentations.pk)]

    state = state_at(forum, seoul(15, 50), marks)

    assert (state.phase, state.current, state.minutes_left) == (DURING, 5, 2)
    assert state.late_minutes == 7 and not state.on_schedule
    assert state.projected_end == seoul(17, 7)
    assert state.actual_starts == {5: seoul(15, 22)}


def test_a_row_running_over_shows_minutes_over_not_left(forum):
    marks = [Mark(STARTED, seoul(15, 15), row(forum, 6).pk)]

    state = state_at(forum, seoul(15, 48), marks)

    assert (state.minutes_left, state.over_minutes, state.late_minutes) == (-3, 3, 3)


def test_not_on_schedule_while_a_pinned_row_is_short_of_time(forum):
    services.session_update(session=row(forum, 8), is_pinned=True, pinned_at=seoul(16, 25))
    marks = [Mark(STARTED, seoul(15, 50), row(forum, 7).pk)]  # 40' discussion, 5' late

    state = state_at(forum, seoul(16, 0), marks)

    assert [(s.index, s.minutes) for s in state.short_pinned] == [(7, 5)]
    assert not state.on_schedule


def test_marked_end_is_after_and_a_mark_left_open_overnight_is_over(forum):
    started = [Mark(STARTED, seoul(16, 55), row(forum, 9).pk)]

    ended = state_at(forum, seoul(17, 3), [*started, Mark(ENDED, seoul(17, 2))])
    next_day = state_at(forum, seoul(9, 0, day=15), started)

    assert (ended.phase, ended.ended_at) == (AFTER, seoul(17, 2))
    assert (next_day.phase, next_day.over_minutes) == (AFTER, 0)


def test_marks_are_logged_with_the_actual_time(forum):
    user = user_in("editor", "events.editor")
    live_mark(forum=forum, kind=STARTED, at=seoul(15, 1), session=row(forum, 2), user=user)
    live_mark(forum=forum, kind=ENDED, at=seoul(17, 4), user=user)

    assert live_marks(forum) == [
        Mark(STARTED, seoul(15, 1), row(forum, 2).pk),
        Mark(ENDED, seoul(17, 4), None),
    ]


def test_rehearsal_marks_and_minutes_never_touch_the_plan_or_the_log(client, forum):
    client.force_login(user_in("editor", "events.editor"))
    base = f"/forums/{forum.pk}/live/"
    discussion = row(forum, 7)
    client.post(base + "rehearsal/control/", {"action": "set", "at": "2024-11-14T15:50"})
    client.post(base + "mark/", {"mode": "rehearsal", "mark": f"started:{discussion.pk}"})
    client.post(f"{base}sessions/{discussion.pk}/extend/", {"mode": "rehearsal", "delta": 5})

    shown = client.get(reverse("forums:agenda:rehearsal", args=[forum.pk]))

    assert shown.context["state"].actual_starts == {6: seoul(15, 50)}
    assert shown.context["current"].slot.minutes == 45
    assert row(forum, 7).minutes == 40
    assert not LiveLogEntry.objects.exists()


def test_rehearsal_clock_plays_on_from_the_time_picked(client, forum):
    client.force_login(user_in("editor", "events.editor"))
    control = reverse("forums:agenda:rehearsal_control", args=[forum.pk])
    client.post(control, {"action": "set", "at": "2024-11-14T15:20"})
    client.post(control, {"action": "play"})

    playing = client.get(reverse("forums:agenda:rehearsal", args=[forum.pk])).context["state"].now
    client.post(control, {"action": "pause"})
    paused = client.get(reverse("forums:agenda:rehearsal", args=[forum.pk])).context["state"].now

    assert seoul(15, 20) <= playing < seoul(15, 20) + timedelta(minutes=1)
    assert paused >= playing


def test_clock_view_shows_the_current_and_next_row(client, forum):
    client.force_login(user_in("viewer", "events.viewer"))
    client.post(
        reverse("forums:agenda:rehearsal_control", args=[forum.pk]),
        {"action": "set", "at": "2024-11-14T15:20"},
    )

    html = client.get(reverse("forums:agenda:live_clock", args=[forum.pk]), {"mode": "rehearsal"})

    text = html.content.decode()
    assert "15:20" in text and "발제" in text and "25′" in text and "주제를토론" in text


def test_not_on_schedule_when_the_programme_will_end_after_the_forum(forum):
    marks = [Mark(STARTED, seoul(16, 25), row(forum, 8).pk)]  # 30' Q&A, then 5' closing

    on_time = state_at(forum, seoul(16, 40), marks)
    running_over = state_at(forum, seoul(16, 58), marks)

    assert on_time.on_schedule and on_time.past_forum_end_minutes == 0
    assert running_over.past_forum_end_minutes == 3 and not running_over.on_schedule

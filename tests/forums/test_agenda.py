"""The run-of-show cascade, its writes (services) and the version diff."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from forums.agenda import services
from forums.agenda.rows import Step, agenda_rows, cascade, forum_timing, live_status, row_lines
from forums.agenda.versions import snapshot_rows, versions_diff
from forums.models import AgendaVersion, Session
from planner.models import Person, Role
from tests.forums.agenda_helpers import SEED_TABLE, clock, load_forum6, row, seoul

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return load_forum6()


def timing_of(forum):
    sessions = list(Session.objects.for_agenda(forum))
    return sessions, forum_timing(forum, sessions)


# --- pure cascade ---------------------------------------------------------------


def test_cascade_each_row_starts_where_the_previous_ends():
    timing = cascade([Step(10), Step(3), Step(30)], start=seoul(14, 50), planned_end=seoul(15, 30))

    assert [(s.starts_at, s.ends_at) for s in timing.slots] == [
        (seoul(14, 50), seoul(15, 0)),
        (seoul(15, 0), seoul(15, 3)),
        (seoul(15, 3), seoul(15, 33)),
    ]
    assert (timing.ends_at, timing.overrun_minutes) == (seoul(15, 33), 3)


def test_cascade_pinned_row_that_no_longer_fits_is_flagged_not_moved():
    steps = [Step(10), Step(35), Step(30, pinned_at=seoul(15, 40)), Step(5)]

    timing = cascade(steps, start=seoul(15, 0))

    pinned = timing.slots[2]
    assert (pinned.starts_at, pinned.is_conflict, pinned.conflict_minutes) == (
        seoul(15, 40),
        True,
        5,
    )
    assert timing.slots[3].starts_at == seoul(16, 10)
    assert timing.conflicts == [2]


def test_cascade_gap_before_a_pinned_row_is_allowed():
    timing = cascade([Step(10), Step(20, pinned_at=seoul(15, 30))], start=seoul(15, 0))

    assert (timing.slots[1].starts_at, timing.slots[1].gap_minutes) == (seoul(15, 30), 20)
    assert timing.conflicts == []


def test_cascade_first_row_pinned_before_the_anchor_is_not_a_conflict():
    timing = cascade([Step(10, pinned_at=seoul(14, 30)), Step(5)], start=seoul(14, 50))

    assert [s.starts_at for s in timing.slots] == [seoul(14, 30), seoul(14, 40)]
    assert timing.conflicts == []


# --- the seed's table -------------------------------------------------------------


def test_forum6_agenda_is_the_seed_table(forum):
    sessions, timing = timing_of(forum)
    rows = agenda_rows(sessions, timing, english=False)

    printed = [
        (
            f"{r.slot.starts_at.astimezone(forum.tz):%H:%M}~{r.slot.ends_at.astimezone(forum.tz):%H:%M}",
            r.slot.minutes,
            r.title,
            r.lines,
            r.session.notes,
        )
        for r in rows
    ]
    assert printed == SEED_TABLE
    assert (timing.ends_at, timing.overrun_minutes, timing.conflicts) == (seoul(17, 0), 0, [])


def test_row_lines_in_english_use_english_titles_and_positions(forum):
    presentation = next(s for s in Session.objects.for_agenda(forum) if s.order == 6)

    lines = row_lines(presentation, english=True)

    assert lines[0].startswith("① Cases and governance of AI adoption")
    assert lines[0].endswith(" - 조세현, Senior Research Fellow, KIPA")


# --- services: cascade through the database --------------------------------------


def test_longer_presentation_moves_every_later_row_by_five_minutes(forum):
    before = {s.pk: s.starts_at for s in Session.objects.filter(forum=forum)}
    presentation = row(forum, 6)
    assert (presentation.title_ko, presentation.minutes) == ("발제", 30)

    services.session_update(session=presentation, minutes=35)

    sessions, timing = timing_of(forum)
    for session in sessions:
        moved = session.starts_at - before[session.pk]
        assert moved == (timedelta(minutes=5) if session.order > 6 else timedelta(0))
    assert row(forum, 7).starts_at == seoul(15, 50)
    assert (timing.ends_at, timing.overrun_minutes) == (seoul(17, 5), 5)
    assert row(forum, 9).sequence == 1 and row(forum, 1).sequence == 0
    assert row(forum, 6).sequence == 1  # one edit, one calendar revision


def test_pinned_row_keeps_its_time_and_is_flagged_when_earlier_rows_grow(forum):
    services.session_update(session=row(forum, 8), is_pinned=True, pinned_at=seoul(16, 25))

    services.session_update(session=row(forum, 6), minutes=35)

    sessions, timing = timing_of(forum)
    assert row(forum, 8).starts_at == seoul(16, 25)
    assert timing.slots[7].conflict_minutes == 5
    assert timing.conflicts == [7]
    # The row after the pinned one follows the pinned row, not the overlapping one.
    assert row(forum, 9).starts_at == seoul(16, 55)
    assert timing.overrun_minutes == 0


def test_pinning_later_leaves_a_gap_and_moves_the_rest(forum):
    services.session_update(session=row(forum, 8), is_pinned=True, pinned_at=seoul(16, 30))

    sessions, timing = timing_of(forum)
    assert timing.slots[7].gap_minutes == 5
    assert timing.conflicts == []
    assert [r[1] for r in clock(forum)[-2:]] == ["16:30~17:00", "17:00~17:05"]
    assert timing.overrun_minutes == 5


def test_unpinning_returns_the_row_to_the_cascade(forum):
    services.session_update(session=row(forum, 8), is_pinned=True, pinned_at=seoul(16, 40))

    services.session_update(session=row(forum, 8), is_pinned=False)

    assert clock(forum)[-2:] == [("질의응답", "16:25~16:55", 8), ("폐회", "16:55~17:00", 9)]


def test_move_closing_to_the_top_renumbers_and_cascades(forum):
    closing = row(forum, 9)

    services.session_move(session=closing, position=1)

    rows = clock(forum)
    assert rows[0] == ("폐회", "14:50~14:55", 1)
    assert rows[1] == ("사전환담", "14:55~15:05", 2)
    assert [order for _title, _time, order in rows] == list(range(1, 10))
    assert rows[-1] == ("질의응답", "16:30~17:00", 9)


def test_move_one_down_swaps_neighbours(forum):
    services.session_move(session=row(forum, 2), position=3)

    assert [title for title, _t, _o in clock(forum)[1:3]] == ["환영사", "개회사"]
    assert clock(forum)[1][1] == "15:00~15:03"


def test_delete_row_moves_later_rows_up(forum):
    services.session_delete(session=row(forum, 5))

    rows = clock(forum)
    assert len(rows) == 8
    assert [order for _title, _time, order in rows] == list(range(1, 9))
    assert rows[4] == ("발제", "15:09~15:39", 5)
    assert rows[-1][1] == "16:49~16:54"


def test_add_row_at_the_end_and_in_the_middle(forum):
    services.session_create(forum=forum, title_ko="기념촬영", minutes=5)
    services.session_create(forum=forum, title_ko="휴식", minutes=10, position=7)

    rows = clock(forum)
    assert rows[6] == ("휴식", "15:45~15:55", 7)
    assert rows[7] == ("주제를토론", "15:55~16:35", 8)
    assert rows[-1] == ("기념촬영", "17:10~17:15", 11)


def test_add_row_without_any_start_time_is_refused(forum):
    forum.sessions.all().delete()
    forum.starts_at = forum.ends_at = forum.agenda_starts_at = None
    forum.save()

    with pytest.raises(ValidationError):
        services.session_create(forum=forum, title_ko="개회", minutes=5)


def test_role_lines_with_and_without_a_person(forum):
    closing = row(forum, 9)
    person = Person.objects.get(name_ko="김영미")

    services.session_person_add(session=closing, role=Role.SPEAKER, printed_as="NIA 원장")
    services.session_person_add(session=closing, role=Role.MODERATOR, person=person)

    session = next(s for s in Session.objects.for_agenda(forum) if s.pk == closing.pk)
    assert row_lines(session) == ["- 좌장: 김영미", "- 연사: NIA 원장"]
    with pytest.raises(ValidationError):
        services.session_person_add(session=closing, role=Role.PANELIST)


def test_sub_items_are_numbered_again_after_a_removal(forum):
    presentation = row(forum, 6)
    services.session_item_add(session=presentation, title_ko="세 번째 발제", printed_as="홍길동")

    services.session_item_remove(item=presentation.items.get(marker="①"))

    assert list(presentation.items.values_list("marker", "title_ko")) == [
        ("①", "인공지능 전환(AI) 시대의 정부혁신 과제와 추진 방향"),
        ("②", "세 번째 발제"),
    ]


# --- versions ------------------------------------------------------------------------


def test_issue_versions_numbers_them_and_freezes_the_rows(forum):
    first = services.agenda_issue_version(forum=forum, note="배포용")
    services.session_update(session=row(forum, 6), minutes=35)
    second = services.agenda_issue_version(forum=forum)

    assert [v.number for v in AgendaVersion.objects.filter(forum=forum)] == [1, 2]
    assert (first.note, len(first.rows), first.rows[5]["minutes"]) == ("배포용", 9, 30)
    assert (second.rows[5]["minutes"], second.rows[-1]["end"]) == (35, "17:05")
    assert first.rows[6]["lines_ko"] == SEED_TABLE[6][3]


def test_versions_diff_lists_added_removed_and_changed_fields(forum):
    old = services.agenda_issue_version(forum=forum).rows
    services.session_update(session=row(forum, 6), minutes=35, notes="발제자 3명")
    services.session_person_add(session=row(forum, 7), role=Role.PANELIST, printed_as="홍길동 교수")
    services.session_update(session=row(forum, 9), title_ko="폐회 및 기념촬영")
    services.session_delete(session=row(forum, 5))
    services.session_create(forum=forum, title_ko="네트워킹", minutes=10)
    new = services.agenda_issue_version(forum=forum).rows

    diff = versions_diff(old, new)

    assert [r["title_ko"] for r in diff.added] == ["네트워킹"]
    assert [r["title_ko"] for r in diff.removed] == ["인사·소개 및 사진 촬영"]
    changes = {
        c.row["title_ko"]: {f.field: (f.old, f.new) for f in c.changes} for c in diff.changed
    }
    assert changes["발제"] == {
        "time": ("15:15~15:45", "15:09~15:44"),
        "minutes": ("30'", "35'"),
        "notes": ("발제자 2명", "발제자 3명"),
    }
    assert changes["주제를토론"]["time"] == ("15:45~16:25", "15:44~16:24")
    assert changes["주제를토론"]["people"][1].endswith("공득조 센터장(광주과학기술원), 홍길동 교수")
    assert changes["폐회 및 기념촬영"]["title"] == ("폐회", "폐회 및 기념촬영")
    assert not diff.is_empty


def test_versions_diff_of_identical_rows_is_empty(forum):
    sessions, timing = timing_of(forum)
    rows = snapshot_rows(sessions, timing, forum.tz)

    assert versions_diff(rows, rows).is_empty


def test_versions_diff_reports_a_moved_row(forum):
    old = services.agenda_issue_version(forum=forum).rows
    services.session_move(session=row(forum, 4), position=2)
    new = services.agenda_issue_version(forum=forum).rows

    moved = [c.row["title_ko"] for c in versions_diff(old, new).changed if c.moved]

    assert "축사" in moved


# --- live ------------------------------------------------------------------------------


def test_live_status_during_the_presentations(forum):
    _sessions, timing = timing_of(forum)

    status = live_status(timing, seoul(15, 20))

    assert (status.current, status.next, status.minutes_left, status.minutes_to_next) == (
        5,
        6,
        25,
        25,
    )
    assert (status.overrun_minutes, status.past_end_minutes) == (0, 0)


def test_live_status_before_the_start_and_after_the_end(forum):
    _sessions, timing = timing_of(forum)

    before = live_status(timing, seoul(14, 40))
    after = live_status(timing, seoul(17, 12))

    assert (before.before_start, before.next, before.minutes_to_next) == (True, 0, 10)
    assert (after.finished, after.past_end_minutes) == (True, 12)


def test_live_status_next_pinned_row_already_due_is_not_negative(forum):
    services.session_update(session=row(forum, 8), is_pinned=True, pinned_at=seoul(16, 25))
    services.session_update(session=row(forum, 7), minutes=50)
    _sessions, timing = timing_of(forum)

    status = live_status(timing, seoul(16, 30))

    assert (status.current, status.next, status.minutes_to_next) == (6, 7, 0)

"""The run-of-show editor, print view, versions and live mode, through the views."""

import json

import pytest
from django.urls import reverse

from forums.models import AgendaVersion, Session
from planner.models import Person, Role
from tests import factories as f
from tests.forums.agenda_helpers import SEED_TABLE, clock, row, seoul, table_post

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, forum, *args):
    return reverse(f"forums:agenda:{name}", args=[forum.pk, *args])


# --- reading ---------------------------------------------------------------------


def test_editor_shows_the_nine_rows_of_the_seed(editor, forum):
    response = editor.get(url("editor", forum))

    html = response.content.decode()
    assert response.status_code == 200
    shown = [(r.title, r.slot.minutes, r.lines, r.session.notes) for r in response.context["rows"]]
    assert shown == [
        (title, minutes, lines, notes) for _t, minutes, title, lines, notes in SEED_TABLE
    ]
    for time_range, minutes, title, lines, notes in SEED_TABLE:
        assert time_range in html
        assert f"▶ {title}" in html
        assert f'value="{minutes}"' in html
        assert all(line in html for line in lines)
        assert notes in html
    assert "박소아 원장(오케스트라), 김준형 교수(순천대학교)" in html
    assert response.context["timing"].ends_at == seoul(17, 0)


def test_viewer_reads_without_edit_controls_and_cannot_change(viewer, forum):
    response = viewer.get(url("editor", forum))
    post = viewer.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}))

    assert response.status_code == 200
    assert "▶ 발제" in response.content.decode()
    assert 'name="minutes-' not in response.content.decode()
    assert 'id="agenda-rows"' not in response.content.decode()
    assert post.status_code == 403
    assert row(forum, 6).minutes == 30


def test_anonymous_is_sent_to_login(client, forum):
    response = client.get(url("editor", forum))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- the cascade through htmx ---------------------------------------------------------


def test_htmx_minutes_change_returns_the_whole_table_with_later_rows_moved(editor, forum):
    response = editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert json.loads(response["HX-Trigger"]) == {"agendaChanged": {}}
    assert 'id="agenda-table"' in html
    assert "15:15~15:50" in html and "15:50~16:30" in html and "17:00~17:05" in html
    assert "agenda-summary is-over" in html
    assert "17:05" in response.context["timing"].ends_at.astimezone(forum.tz).strftime("%H:%M")
    assert response.context["timing"].overrun_minutes == 5


def test_plain_post_minutes_change_redirects_to_the_row(editor, forum):
    session = row(forum, 6)

    response = editor.post(url("rows_save", forum), table_post(forum, {session: 35}))

    assert response.status_code == 302
    assert response["Location"] == f"{url('editor', forum)}#session-{session.pk}"
    assert clock(forum)[-1] == ("폐회", "17:00~17:05", 9)


def test_invalid_minutes_are_refused_with_a_message(editor, forum):
    response = editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 0}), **HTMX)

    assert response.status_code == 200
    assert response.context["error"]
    assert row(forum, 6).minutes == 30


def test_pin_form_pins_in_the_forum_zone_and_conflict_is_shown(editor, forum):
    editor.post(
        url("session_pin", forum, row(forum, 8).pk), {"is_pinned": "on", "pinned_time": "16:25"}
    )

    response = editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}), **HTMX)

    html = response.content.decode()
    assert row(forum, 8).starts_at == seoul(16, 25)
    assert row(forum, 8).is_pinned
    assert 'id="conflict-' in html
    assert "is-conflict" in html
    assert response.context["timing"].conflicts == [7]


def test_unpin_through_the_pin_form(editor, forum):
    session = row(forum, 8)
    editor.post(url("session_pin", forum, session.pk), {"is_pinned": "on", "pinned_time": "16:40"})

    editor.post(url("session_pin", forum, session.pk), {"is_pinned": "", "pinned_time": "16:40"})

    session.refresh_from_db()
    assert (session.is_pinned, session.starts_at) == (False, seoul(16, 25))


def test_move_buttons_work_without_javascript(editor, forum):
    session = row(forum, 3)

    response = editor.post(url("rows_save", forum), table_post(forum, up=session.pk))

    assert response.status_code == 302
    assert [title for title, _t, _o in clock(forum)[1:3]] == ["환영사", "개회사"]


def test_drag_posts_a_position(editor, forum):
    data = {"session": row(forum, 9).pk, "position": 1}
    response = editor.post(url("rows_save", forum), data, **HTMX)

    assert json.loads(response["HX-Trigger"]) == {"agendaChanged": {}}
    assert clock(forum)[0] == ("폐회", "14:50~14:55", 1)


def test_delete_asks_first_then_deletes(editor, forum):
    session = row(forum, 5)

    confirm = editor.get(url("session_delete", forum, session.pk))
    response = editor.post(url("session_delete", forum, session.pk), **HTMX)

    assert "인사·소개 및 사진 촬영" in confirm.content.decode()
    assert 'method="post"' in confirm.content.decode()
    assert json.loads(response["HX-Trigger"]) == {"agendaChanged": {}}
    assert not Session.objects.filter(pk=session.pk).exists()
    assert clock(forum)[4] == ("발제", "15:09~15:39", 5)


def test_add_row_at_the_end(editor, forum):
    response = editor.post(
        url("session_add", forum), {"title_ko": "기념촬영", "minutes": 5, "kind": "other"}, **HTMX
    )

    assert "▶ 기념촬영" in response.content.decode()
    assert clock(forum)[-1] == ("기념촬영", "17:00~17:05", 10)
    assert response.context["timing"].overrun_minutes == 5


def test_edit_row_opens_in_the_table_and_saves_title_notes_and_pin(editor, forum):
    session = row(forum, 8)

    opened = editor.get(url("session_edit", forum, session.pk), **HTMX)
    saved = editor.post(
        url("session_edit", forum, session.pk),
        {
            "kind": "qa",
            "title_ko": "질의응답 및 종합토론",
            "title_en": "Q&A",
            "minutes": 25,
            "notes": "좌장",
            "internal_notes": "마이크 2개 준비",
            "is_pinned": "on",
            "pinned_time": "16:30",
        },
        **HTMX,
    )

    assert opened.content.decode().lstrip().startswith(f'<tr id="session-{session.pk}"')
    assert json.loads(saved["HX-Trigger"]) == {"agendaChanged": {}}
    session.refresh_from_db()
    assert (session.title_ko, session.minutes, session.is_pinned) == (
        "질의응답 및 종합토론",
        25,
        True,
    )
    assert session.starts_at == seoul(16, 30)
    assert clock(forum)[-1] == ("폐회", "16:55~17:00", 9)


def test_edit_row_errors_come_back_in_the_row_editor(editor, forum):
    session = row(forum, 8)

    response = editor.post(
        url("session_edit", forum, session.pk),
        {"kind": "qa", "title_ko": "", "minutes": 25, "is_pinned": "on"},
        **HTMX,
    )

    assert response["HX-Retarget"] == f"#session-editor-{session.pk}"
    assert "form-hint-invalid" in response.content.decode()


def test_role_lines_added_and_removed_from_the_row_editor(editor, forum):
    session = row(forum, 9)
    person = Person.objects.get(name_ko="엄지선")

    added = editor.post(
        url("person_add", forum, session.pk),
        {"role": Role.SPEAKER, "person": person.pk, "printed_as": "엄지선 연구위원"},
        **HTMX,
    )
    line = session.people.get(role=Role.SPEAKER)
    removed = editor.post(url("person_remove", forum, session.pk, line.pk))

    assert "엄지선 연구위원" in added.content.decode()
    assert removed.status_code == 302
    assert list(session.people.values_list("role", flat=True)) == [Role.MC]


def test_role_line_needs_a_person_or_a_printed_name(editor, forum):
    response = editor.post(url("person_add", forum, row(forum, 9).pk), {"role": Role.PANELIST})

    assert response.status_code == 200
    assert response.context["person_form"].errors


# --- versions and print ---------------------------------------------------------------


def test_issue_version_asks_then_issues_v1_and_v2(editor, forum):
    confirm = editor.get(url("version_issue", forum))
    editor.post(url("version_issue", forum), {"note": "MC용"})
    editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}))
    editor.post(url("version_issue", forum), {"note": ""})

    assert "v1" in confirm.content.decode()
    versions = list(AgendaVersion.objects.filter(forum=forum).values_list("number", "note"))
    assert versions == [(1, "MC용"), (2, "")]
    assert AgendaVersion.objects.get(number=1).issued_by.username == "events.editor"


def test_versions_page_shows_the_diff_between_two_versions(editor, forum):
    editor.post(url("version_issue", forum), {})
    editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}))
    editor.post(url("version_issue", forum), {})

    response = editor.get(url("versions", forum), {"a": 1, "b": 2})

    diff = response.context["diff"]
    assert [c.row["title_ko"] for c in diff.changed] == ["발제", "주제를토론", "질의응답", "폐회"]
    html = response.content.decode()
    assert "30&#x27;" in html and "35&#x27;" in html
    assert "16:55~17:00" in html and "17:00~17:05" in html


def test_print_view_is_the_seed_table_with_its_version(editor, forum):
    draft = editor.get(url("print", forum))
    editor.post(url("version_issue", forum), {})
    issued = editor.get(url("print", forum))
    editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 35}))
    changed = editor.get(url("print", forum))
    old = editor.get(url("print", forum), {"version": 1})

    html = draft.content.decode()
    assert draft.context["print_label"] == "초안(미발행)"
    assert issued.context["print_label"] == "v1"
    assert (
        changed.context["print_label"].startswith("v1 ")
        and "미발행" in changed.context["print_label"]
    )
    assert old.context["print_label"] == "v1"
    assert "16:55~17:00" in old.content.decode()
    assert "<thead>" in html and "app-nav" not in html
    assert "(사회: 한국행정연구원 엄지선 연구위원)" in html
    assert "2024년 11월 14일 (목) 15:00~17:00" in html
    assert "광주 김대중컨벤션센터 208~213호" in html
    for time_range, minutes, title, lines, notes in SEED_TABLE:
        assert f'{time_range}</span> <span class="print-minutes">{minutes}\'</span>' in html
        assert f"▶ {title}" in html
        assert all(line in html for line in lines)
        assert f'<td class="print-notes">{notes}</td>' in html


# --- live mode -----------------------------------------------------------------------


def test_live_mode_after_the_event_says_it_is_over(editor, forum):
    response = editor.get(url("live", forum))

    html = response.content.decode()
    assert response.context["state"].phase == "after"
    assert 'hx-trigger="every 30s"' in html
    assert "분 초과" not in html and "예정대로" not in html


def test_rehearsal_partial_and_extend_the_running_row_on_the_copy(editor, forum):
    editor.post(url("rehearsal_control", forum), {"action": "set", "at": "2024-11-14T16:50"})
    partial = editor.get(url("rehearsal", forum), **HTMX)
    response = editor.post(
        url("live_extend", forum, row(forum, 8).pk), {"delta": 5, "mode": "rehearsal"}, **HTMX
    )

    html = response.content.decode()
    assert partial.content.decode().lstrip().startswith('<section id="live-panel"')
    assert "<html" not in html
    assert "16:25~17:00 (35')" in html
    assert "live-summary is-over" in html
    assert row(forum, 8).minutes == 30  # the plan did not move
    assert clock(forum)[-1] == ("폐회", "16:55~17:00", 9)


# --- N+1 guards ------------------------------------------------------------------------


def agenda_with(count: int):
    forum = f.ForumFactory(status="announced")
    f.ForumPersonFactory(forum=forum, person=f.PersonFactory())
    for order in range(1, count + 1):
        session = f.SessionFactory(forum=forum, order=order, minutes=5)
        f.SessionPersonFactory(session=session, role=Role.MODERATOR, person=f.PersonFactory())
        f.SessionPersonFactory(session=session, role=Role.PANELIST)
        f.SessionItemFactory(session=session, order=1, person=f.PersonFactory())
    return forum


@pytest.mark.parametrize("count", [9, 60])
def test_editor_queries_do_not_grow_with_rows(editor, count, django_assert_num_queries):
    forum = agenda_with(count)

    with django_assert_num_queries(10):
        response = editor.get(url("editor", forum))

    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [9, 60])
def test_print_queries_do_not_grow_with_rows(editor, count, django_assert_num_queries):
    forum = agenda_with(count)

    with django_assert_num_queries(10):
        response = editor.get(url("print", forum))

    assert len(response.context["printed"]) == count

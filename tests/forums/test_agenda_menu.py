"""The run-of-show editor's light rows and each row's menu (pin, delete, calendar file)."""

import json

import pytest
from django.urls import reverse
from lxml import html

from forums.models import Session
from tests import factories as f
from tests.forums.agenda_helpers import clock, row, seoul

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
# Bytes of one editor row's HTML (a title and remarks, like most rows of the seed):
# issue #14's 1.2 kB. The row's ↑ ↓ and minutes belong to the table's one form, so
# the CSRF field is on the page once, not in every row.
ROW_BUDGET = 1200


def url(name, forum, *args):
    return reverse(f"forums:agenda:{name}", args=[forum.pk, *args])


def row_element(response, session):
    return html.fromstring(response.content.decode()).get_element_by_id(f"session-{session.pk}")


def test_a_row_stays_under_its_byte_budget_and_keeps_its_main_controls(editor, forum):
    session = row(forum, 2)  # 개회사 · 한국행정 연구원장

    element = row_element(editor.get(url("editor", forum)), session)

    size = len(html.tostring(element, encoding="unicode").encode())
    assert size < ROW_BUDGET, f"{size} bytes"
    assert element.xpath(f'.//input[@id="minutes-{session.pk}"]/@value') == ["3"]
    assert element.xpath(f'.//button[@id="move-up-{session.pk}"]')
    assert element.xpath(f'.//a[@href="{url("session_edit", forum, session.pk)}"]')
    # Everything else a row offers is one request away, in its menu.
    assert element.xpath(f'.//a[@href="{url("session_menu", forum, session.pk)}"]')
    assert not element.xpath(".//input[@name='pinned_time']")
    assert "▶ 개회사" in element.text_content()
    assert "한국행정 연구원장" in element.text_content()


def test_a_rows_menu_opens_under_the_row_with_pin_delete_and_calendar(editor, forum):
    session = row(forum, 8)

    response = editor.get(url("session_menu", forum, session.pk), **HTMX)

    content = response.content.decode()
    assert "<html" not in content
    menu = html.fromstring(content)
    assert menu.get("id") == f"session-{session.pk}-menu"
    assert menu.xpath(".//form/@action") == [url("session_pin", forum, session.pk)]
    assert menu.xpath(".//input[@name='pinned_time']/@value") == ["16:25"]
    delete = menu.xpath(".//a[@hx-post]")[0]
    assert delete.get("hx-post") == url("session_delete", forum, session.pk)
    assert delete.get("href") == url("session_delete", forum, session.pk)
    assert "“질의응답” 행을 삭제할까요?" in delete.get("hx-confirm")
    ics = reverse("forums:ical:session", args=[forum.pk, session.pk])
    assert menu.xpath(f'.//a[@href="{ics}"]')


def test_without_javascript_the_menu_is_a_page_whose_actions_post_and_redirect(editor, forum):
    session = row(forum, 8)

    page = editor.get(url("session_menu", forum, session.pk))
    pinned = editor.post(
        url("session_pin", forum, session.pk), {"is_pinned": "on", "pinned_time": "16:30"}
    )

    content = page.content.decode()
    assert "<html" in content
    assert f'href="{url("session_delete", forum, session.pk)}"' in content
    assert "hx-post" not in html.fromstring(content).get_element_by_id("main").text_content()
    assert f'href="{url("editor", forum)}#session-{session.pk}"' in content
    assert pinned.status_code == 302
    assert pinned["Location"] == f"{url('editor', forum)}#session-{session.pk}"
    assert row(forum, 8).starts_at == seoul(16, 30)


def test_pinning_from_the_menu_answers_with_the_table_and_the_rows_badge(editor, forum):
    session = row(forum, 8)

    response = editor.post(
        url("session_pin", forum, session.pk),
        {"is_pinned": "on", "pinned_time": "16:30"},
        **HTMX,
    )

    assert json.loads(response["HX-Trigger"]) == {"agendaChanged": {}}
    element = row_element(response, session)
    assert "is-pinned" in element.get("class")
    assert element.xpath(".//span[@class='agenda-pin-badge']/text()") == ["16:30 고정"]
    assert clock(forum)[-1] == ("폐회", "17:00~17:05", 9)  # pinned 16:30 + 30 min


def test_the_menu_is_for_editors_only(viewer, forum):
    response = viewer.get(url("session_menu", forum, row(forum, 1).pk))

    assert response.status_code == 403


def test_a_menu_of_another_forums_row_is_not_found(editor, forum):
    other = f.SessionFactory(forum=f.ForumFactory(), order=1, minutes=5)

    response = editor.get(url("session_menu", forum, other.pk))

    assert response.status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_editor_renders_a_row_per_session_with_constant_queries(
    editor, count, django_assert_num_queries
):
    forum = f.ForumFactory(status="announced")
    for order in range(1, count + 1):
        f.SessionFactory(forum=forum, order=order, minutes=5, title_ko=f"순서 <{order}>")

    # The same for 3 rows as for 30 (the row kit reverses each URL once, reads no more).
    with django_assert_num_queries(9):
        response = editor.get(url("editor", forum))

    document = html.fromstring(response.content.decode())
    rows = document.xpath("//tr[contains(@class, 'agenda-row')]")
    assert len(rows) == count == Session.objects.filter(forum=forum).count()
    # The row's own text is escaped where it is inserted.
    assert rows[0].xpath(".//p[@class='ros-title']/text()") == ["▶ 순서 <1>"]
    assert "순서 &lt;1&gt;" in response.content.decode()

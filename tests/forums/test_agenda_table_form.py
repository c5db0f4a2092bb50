"""The editor table's one form: every row's ↑ ↓ and minutes post together, and a page
that is out of date changes only what staff changed on it."""

import json

import pytest
from django.urls import reverse
from lxml import html

from forums.agenda import services
from tests.forums.agenda_helpers import clock, row, table_post

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, forum, *args):
    return reverse(f"forums:agenda:{name}", args=[forum.pk, *args])


def page_form(response) -> tuple[str, dict[str, str]]:
    """The action and the fields the table's form would post, read off the page."""
    page = html.fromstring(response.content.decode())
    form = page.get_element_by_id("agenda-rows")
    fields = {field.get("name"): field.get("value") for field in form.xpath(".//input")}
    for field in page.xpath('//input[@form="agenda-rows"]'):
        fields[field.get("name")] = field.get("value")
    return form.get("action"), fields


def minutes_field(response, session) -> html.HtmlElement:
    page = html.fromstring(response.content.decode())
    return page.get_element_by_id(f"minutes-{session.pk}")


def test_the_page_carries_one_csrf_field_for_all_its_rows(editor, forum):
    response = editor.get(url("editor", forum))

    table = html.fromstring(response.content.decode()).get_element_by_id("agenda-table")
    assert len(table.xpath('.//input[@name="csrfmiddlewaretoken"]')) == 1
    assert len(table.xpath('.//*[@form="agenda-rows"]')) == 9 * 3  # ↑, ↓ and minutes
    assert not table.xpath(".//tr//form")


def test_a_field_changed_on_the_page_is_saved_through_the_form_the_page_holds(editor, forum):
    action, fields = page_form(editor.get(url("editor", forum)))
    session = row(forum, 6)
    name = next(name for name in fields if name.startswith(f"minutes-{session.pk}-"))
    fields[name] = "35"

    response = editor.post(action, fields)

    assert response.status_code == 302
    assert response["Location"] == f"{url('editor', forum)}#session-{session.pk}"
    assert row(forum, 6).minutes == 35
    assert clock(forum)[-1] == ("폐회", "17:00~17:05", 9)


def test_an_out_of_date_page_keeps_what_someone_else_saved_meanwhile(editor, forum):
    stale_page = table_post(forum, {row(forum, 2): 5})
    services.session_update(session=row(forum, 6), minutes=40)  # another editor, meanwhile

    editor.post(url("rows_save", forum), stale_page)

    assert (row(forum, 2).minutes, row(forum, 6).minutes) == (5, 40)


def test_the_same_row_changed_meanwhile_is_refused_and_the_typed_value_kept(editor, forum):
    session = row(forum, 6)
    stale_page = table_post(forum, {row(forum, 2): 5, session: 35})
    services.session_update(session=session, minutes=40)

    response = editor.post(url("rows_save", forum), stale_page, **HTMX)

    assert response.status_code == 200
    error = response.context["error"]
    assert "“발제”" in error and "40" in error and "35" in error
    assert (row(forum, 2).minutes, row(forum, 6).minutes) == (3, 40)  # nothing written
    field = minutes_field(response, session)
    assert (field.get("value"), field.get("aria-invalid")) == ("35", "true")
    assert field.get("name") == f"minutes-{session.pk}-40"  # saving again is deliberate
    _action, again = page_form(editor.get(url("editor", forum)))
    again[f"minutes-{session.pk}-40"] = "35"
    editor.post(url("rows_save", forum), again)
    assert row(forum, 6).minutes == 35


def test_without_javascript_a_refusal_shows_the_page_with_the_typed_values(editor, forum):
    response = editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): 0}))

    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "“발제”" in response.context["error"]
    assert minutes_field(response, row(forum, 6)).get("value") == "0"
    assert row(forum, 6).minutes == 30


def test_a_cleared_field_is_refused_not_saved_as_unknown(editor, forum):
    response = editor.post(url("rows_save", forum), table_post(forum, {row(forum, 6): ""}), **HTMX)

    assert "“발제”" in response.context["error"]
    assert row(forum, 6).minutes == 30


def test_several_changes_and_a_move_are_one_save(editor, forum):
    first, third = row(forum, 1), row(forum, 3)
    data = table_post(forum, {first: 20, third: 4}, up=third.pk)

    response = editor.post(url("rows_save", forum), data, **HTMX)

    assert json.loads(response["HX-Trigger"]) == {"agendaChanged": {}}
    assert response.context["focus"] == third.pk
    assert clock(forum)[:4] == [
        ("사전환담", "14:50~15:10", 1),
        ("환영사", "15:10~15:14", 2),
        ("개회사", "15:14~15:17", 3),
        ("축사", "15:17~15:20", 4),
    ]


def test_a_page_left_as_shown_changes_nothing(editor, forum):
    before = [(s.pk, s.revision, s.sequence) for s in forum.sessions.order_by("order")]

    editor.post(url("rows_save", forum), table_post(forum), **HTMX)

    assert [(s.pk, s.revision, s.sequence) for s in forum.sessions.order_by("order")] == before

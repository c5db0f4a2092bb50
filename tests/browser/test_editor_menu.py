"""A run-of-show row's menu: opened under the row with JavaScript, a page of its own without."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forums.models import Forum, Session

pytestmark = pytest.mark.browser

FORUM = "forum-2024-11-gifs6"


@pytest.fixture
def forum(documents):
    return Forum.objects.get(ref=FORUM)


def session(forum, order: int) -> Session:
    return Session.objects.get(forum=forum, order=order)


def test_the_menu_opens_under_the_row_pins_closes_and_deletes(staff, forum):
    qa, closing, photo = session(forum, 8), session(forum, 9), session(forum, 5)
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor")
    page = staff.page
    page.evaluate("() => { window.notReloaded = true; }")

    more = page.locator(f"#more-{qa.pk}")
    expect(more).to_have_attribute("aria-expanded", "false")
    more.click()
    menu = page.locator(f"#session-{qa.pk}-menu")
    expect(menu).to_be_visible()
    expect(more).to_have_attribute("aria-expanded", "true")
    staff.check("agenda-editor-menu")
    menu.locator("input[name=pinned_time]").fill("16:30")
    with page.expect_response(lambda r: r.url.endswith(f"/sessions/{qa.pk}/pin/")):
        menu.get_by_role("button", name="고정", exact=True).click()
    expect(page.locator(f"#session-{qa.pk} .agenda-pin-badge")).to_have_text("16:30 고정")
    expect(page.locator(f"#session-{closing.pk} .ros-range")).to_have_text("17:00~17:05")
    expect(menu).to_have_count(0)  # the table came back without it

    page.locator(f"#more-{closing.pk}").click()
    expect(page.locator(f"#session-{closing.pk}-menu")).to_be_visible()
    page.locator(f"#session-{closing.pk}-menu").get_by_role("button", name="닫기").click()
    expect(page.locator(f"#session-{closing.pk}-menu")).to_have_count(0)
    expect(page.locator(f"#more-{closing.pk}")).to_be_focused()

    page.locator(f"#more-{photo.pk}").click()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_response(lambda r: r.url.endswith(f"/sessions/{photo.pk}/delete/")):
        page.locator(f"#session-{photo.pk}-menu").get_by_role("link", name="삭제").click()
    expect(page.locator(f"#session-{photo.pk}")).to_have_count(0)
    assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"
    assert not Session.objects.filter(pk=photo.pk).exists()
    qa.refresh_from_db()
    assert qa.is_pinned


def test_without_javascript_the_menu_is_a_page_and_its_actions_still_work(
    visitor, staff_user, forum
):
    qa, photo = session(forum, 8), session(forum, 5)
    person = visitor(user=staff_user, javascript=False)
    editor = reverse("forums:agenda:editor", args=[forum.pk])
    page = person.page
    page.goto(person.url(editor))
    person.check("agenda-editor-nojs", axe=False)  # axe runs as a script: not here

    page.locator(f"#more-{qa.pk}").click()
    page.wait_for_url(person.url(reverse("forums:agenda:session_menu", args=[forum.pk, qa.pk])))
    person.check("agenda-menu-page-nojs", axe=False)
    page.locator("input[name=pinned_time]").fill("16:30")
    page.get_by_role("button", name="고정", exact=True).click()
    page.wait_for_url(person.url(editor) + f"#session-{qa.pk}")
    expect(page.locator(f"#session-{qa.pk} .agenda-pin-badge")).to_have_text("16:30 고정")

    page.goto(person.url(reverse("forums:agenda:session_menu", args=[forum.pk, photo.pk])))
    page.get_by_role("link", name="삭제").click()
    page.locator(".agenda-confirm").get_by_role("button", name="삭제").click()
    page.wait_for_url(person.url(editor))
    expect(page.locator(".app-messages")).to_contain_text("인사·소개 및 사진 촬영")
    expect(page.locator(f"#session-{photo.pk}")).to_have_count(0)

    # Minutes and ↑ ↓ stay in the row and post without JavaScript (Enter submits).
    first = session(forum, 1)
    page.locator(f"#minutes-{first.pk}").fill("15")
    page.locator(f"#minutes-{first.pk}").press("Enter")
    page.wait_for_url(person.url(editor) + f"#session-{first.pk}")
    expect(page.locator(f"#minutes-{first.pk}")).to_have_value("15")
    # A field changed without Enter is not lost when a move is pressed: one form.
    second = session(forum, 2)
    page.locator(f"#minutes-{second.pk}").fill("4")
    page.locator(f"#move-down-{first.pk}").click()
    page.wait_for_url(person.url(editor) + f"#session-{first.pk}")
    expect(page.locator("#agenda-table tbody tr.agenda-row").nth(1)).to_have_id(
        f"session-{first.pk}"
    )
    expect(page.locator(f"#minutes-{second.pk}")).to_have_value("4")
    person.check("agenda-editor-nojs-after", axe=False)

"""The forum page and its run-of-show, as the events team reads it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forums.models import Forum

pytestmark = pytest.mark.browser

FORUM = "forum-2024-11-gifs6"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_forum_page_shows_the_run_of_show_in_clock_order(visitor, staff_user, language):
    forum = Forum.objects.get(ref=FORUM)
    title = forum.title_en if language == "en" else forum.title_ko
    person = visitor(language=language, user=staff_user)
    person.open(reverse("forums:forum_list"), name="forum-list")

    person.page.get_by_role("link", name=title, exact=True).first.click()

    page = person.page
    page.wait_for_url(person.url(forum.get_absolute_url()))
    person.check("forum-detail")
    rows = page.locator("#run-of-show table tbody tr")
    expect(rows).to_have_count(9)
    first_title = "Pre-meeting" if language == "en" else "사전환담"
    expect(rows.nth(0).locator(".ros-range")).to_have_text("14:50~15:00")
    expect(rows.nth(0).locator(".ros-minutes")).to_have_text("10'")
    expect(rows.nth(0).locator(".ros-title")).to_have_text(f"▶ {first_title}")
    expect(rows.nth(1).locator(".ros-range")).to_have_text("15:00~15:03")
    expect(rows.nth(8).locator(".ros-range")).to_have_text("16:55~17:00")
    expect(rows.nth(8).locator(".ros-notes")).to_have_text("사회자")
    expect(page.locator("#run-of-show .ros-mc")).to_have_count(1)

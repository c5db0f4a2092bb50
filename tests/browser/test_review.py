"""From the 6th forum's announcement to a forum with its run-of-show, through the review."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from forums.models import Forum
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ANNOUNCEMENT = REPO / "fixtures/documents/001_80e9b73bdfe90d16.txt"
SEED = REPO.parent / "shared/corpus/seeds/001_80e9b73bdfe90d16.txt"


def announcement() -> str:
    """The fixture copy in the repository; else the seed without its "source:" line."""
    if ANNOUNCEMENT.is_file():
        return ANNOUNCEMENT.read_text(encoding="utf-8")
    if not SEED.is_file():
        pytest.skip(f"the 6th forum's announcement is in neither {ANNOUNCEMENT} nor {SEED}")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].startswith("source:"):
        lines = lines[2:] if len(lines) > 1 and not lines[1].strip() else lines[1:]
    return "\n".join(lines)


@pytest.fixture
def editor(visitor, django_user_model):
    """A member of the editor group (not a superuser): the staff this screen is for."""
    from django.contrib.auth.models import Group

    from planner.permissions import EDITOR_GROUP

    user = django_user_model.objects.create_user(username="editor-han", password="x-7-editor")
    user.groups.add(Group.objects.get_or_create(name=EDITOR_GROUP)[0])
    return visitor(user=user)


def test_review_pasted_announcement_corrected_and_created_shows_nine_rows(editor):
    from planner.extraction import warm_up

    warm_up()  # the live server is a thread of this process: load the analyser once, here
    staff = editor
    page = staff.page
    before = set(Forum.objects.values_list("pk", flat=True))
    staff.open("/", name="home-for-review")

    page.get_by_role("link", name="문서에서 가져오기").first.click()
    page.get_by_label("본문 붙여 넣기").fill(announcement())
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name="문서 읽기").click(no_wait_after=True)

    expect(page.locator("mark.fact").first).to_be_visible()
    expect(page.locator("#events-0-sessions tbody tr")).to_have_count(9)
    staff.check("review-detail")
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SCREENSHOTS / f"review-detail-{width}.png", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator("#id_events-0-title_en").fill("6th Government Innovation Future Strategy Forum")
    page.locator("#id_events-0-sessions-8-notes").fill("사회자 (폐회 선언)")
    page.get_by_role("button", name="만들기").click()

    expect(page.locator(".app-alert.success")).to_contain_text("문서의 내용을 등록했습니다")
    created = Forum.objects.exclude(pk__in=before).get()
    assert page.url == staff.url(created.get_absolute_url())
    assert created.title_en == "6th Government Innovation Future Strategy Forum"
    staff.check("review-created-forum")
    rows = page.locator("#run-of-show table tbody tr[id^=session-]")
    expect(rows).to_have_count(9)
    expect(rows.nth(0).locator(".ros-range")).to_have_text("14:50~15:00")
    expect(rows.nth(0).locator(".ros-title")).to_contain_text("사전환담")
    expect(rows.nth(8).locator(".ros-range")).to_have_text("16:55~17:00")
    expect(rows.nth(8).locator(".ros-title")).to_contain_text("폐회")
    expect(rows.nth(8).locator(".ros-notes")).to_have_text("사회자 (폐회 선언)")

    staff.open(created.document.get_absolute_url(), name="review-document-provenance")
    expect(page.locator("#provenance .provenance-quote").first).to_be_visible()
    expect(page.locator("#provenance")).to_contain_text("14:50~15:00")

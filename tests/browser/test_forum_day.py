"""The forum on the day in a real browser: publishing, rehearsal, live states, phone width."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forums.agenda import services
from forums.models import Forum, LiveLogEntry, Session

pytestmark = pytest.mark.browser

FORUM = "forum-2024-11-gifs6"


@pytest.fixture
def forum(documents):
    return Forum.objects.get(ref=FORUM)


def test_public_agenda_is_unchanged_until_a_version_is_issued(visitor, staff_user, forum):
    services.agenda_issue_version(forum=forum)
    first = Session.objects.get(forum=forum, order=1)
    services.session_update(session=first, minutes=first.minutes + 5)
    public, staff = visitor(), visitor(user=staff_user)

    public.open(reverse("public:forum", args=[forum.pk]), name="public-agenda-v1")
    expect(public.page.locator(".ros-table")).to_contain_text("15:00~15:03")
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor-unpublished")
    expect(staff.page.locator(".agenda-unpublished")).to_contain_text("공개되지 않은 변경 9건")
    staff.page.goto(staff.url(reverse("forums:agenda:version_issue", args=[forum.pk])))
    staff.page.locator(".agenda-confirm button[type=submit]").click()
    staff.page.wait_for_url(staff.url(reverse("forums:agenda:versions", args=[forum.pk])))
    public.open(reverse("public:forum", args=[forum.pk]), name="public-agenda-v2")

    expect(public.page.locator(".ros-table")).to_contain_text("15:05~15:08")
    expect(public.page.locator(".public-head, .panel").first).not_to_contain_text("공개되지 않은")


def rehearse_at(person, forum, at: str) -> None:
    page = person.page
    page.locator("#rehearsal-at").fill(at)
    with page.expect_response(lambda r: "/live/rehearsal/control/" in r.url):
        page.get_by_role("button", name="이 시각으로 이동").click()


def test_rehearsal_leaves_the_plan_unchanged(visitor, staff_user, forum):
    staff = visitor(user=staff_user)
    before = list(Session.objects.filter(forum=forum).values_list("pk", "minutes", "start_time"))
    staff.open(reverse("forums:agenda:rehearsal", args=[forum.pk]), name="rehearsal")
    rehearse_at(staff, forum, "2024-11-14T15:20")
    page = staff.page
    expect(page.locator("#live-panel .live-current")).to_contain_text("발제")
    with page.expect_response(lambda r: "/extend/" in r.url):
        page.get_by_role("button", name="+5'").click()
    expect(page.locator("#live-panel .live-current")).to_contain_text("15:15~15:50")
    with page.expect_response(lambda r: "/live/mark/" in r.url):
        page.locator("[data-mark=next]").click()
    expect(page.locator("#live-panel .live-current")).to_contain_text("주제를토론")
    staff.check("rehearsal-after-marks")

    after = list(Session.objects.filter(forum=forum).values_list("pk", "minutes", "start_time"))
    assert after == before
    assert not LiveLogEntry.objects.exists()
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="editor-after-rehearsal")
    expect(page.locator("#agenda-table tbody tr").nth(6)).to_contain_text("15:45~16:25")


@pytest.mark.parametrize(
    ("at", "phase", "says"),
    [
        ("2024-11-14T14:40", "before", "10분 후 시작"),
        ("2024-11-14T15:20", "during", "예정대로"),
        ("2024-11-14T17:10", "after", "행사 진행이 끝났습니다"),
    ],
)
def test_live_view_before_during_and_after(visitor, staff_user, forum, at, phase, says):
    staff = visitor(user=staff_user)
    staff.open(reverse("forums:agenda:rehearsal", args=[forum.pk]), name="rehearsal-start")
    rehearse_at(staff, forum, at)

    panel = staff.page.locator("#live-panel")
    expect(panel).to_have_attribute("data-phase", phase)
    expect(panel).to_contain_text(says)
    expect(panel).not_to_contain_text("분 초과")
    staff.check(f"live-{phase}", axe=False)


def test_live_view_of_a_past_event_is_over_without_contradictions(visitor, staff_user, forum):
    staff = visitor(user=staff_user)
    staff.open(reverse("forums:agenda:live", args=[forum.pk]), name="live-past-event")

    panel = staff.page.locator("#live-panel")
    expect(panel).to_have_attribute("data-phase", "after")
    expect(panel).not_to_contain_text("예정대로")
    expect(panel).not_to_contain_text("초과")
    staff.open(
        reverse("forums:agenda:live_clock", args=[forum.pk]), name="stage-clock-1366", status=200
    )
    staff.page.set_viewport_size({"width": 390, "height": 844})
    staff.check("stage-clock-390", axe=False)


def test_run_of_show_is_editable_at_390px(visitor, staff_user, forum):
    staff = visitor(user=staff_user)
    staff.page.set_viewport_size({"width": 390, "height": 844})
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor-390")
    page = staff.page
    first = Session.objects.get(forum=forum, order=1)

    row = page.locator(f"#session-{first.pk}")
    for part in (".ros-notes", f"#minutes-{first.pk}"):
        box = row.locator(part).first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, part
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    minutes = page.locator(f"#minutes-{first.pk}")
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        minutes.fill(str(first.minutes + 5))
        minutes.press("Tab")
    expect(page.locator("#agenda-table tbody tr").nth(1)).to_contain_text("15:05")
    staff.check("agenda-editor-390-after-edit")
    first.refresh_from_db()
    assert first.minutes == 15


def test_anonymous_home_links_to_the_public_agenda_and_registration(visitor, forum):
    Forum.objects.filter(pk=forum.pk).update(
        registration_open=True, registration_closes_at=timezone.now() + timedelta(days=1)
    )
    public = visitor()
    public.open("/", name="public-home")

    public.page.locator(
        f"a[href='{reverse('registration:register', args=[forum.pk])}']"
    ).first.click()
    public.page.wait_for_url(public.url(reverse("registration:register", args=[forum.pk])))
    public.check("registration-from-home")
    public.page.go_back()
    public.page.locator(f"a[href='{reverse('public:forum', args=[forum.pk])}']").first.click()
    public.page.wait_for_url(public.url(reverse("public:forum", args=[forum.pk])))
    public.check("public-agenda-from-home")

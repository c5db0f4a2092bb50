"""Attendees as the public and the door staff meet them: registering, and checking in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from forums.models import Attendee, Forum

pytestmark = pytest.mark.browser

FORUM = "forum-2024-11-gifs6"


@pytest.fixture
def open_forum(documents):
    forum = Forum.objects.get(ref=FORUM)
    forum.registration_open = True
    # Registration closes at the start unless staff set a deadline; the sample forum is past.
    forum.registration_closes_at = timezone.now() + timedelta(days=30)
    forum.registration_fields = ["organisation", "position", "category"]
    forum.save()
    return forum


@pytest.mark.parametrize("language", ["ko", "en"])
def test_public_registration_for_a_forum(visitor, open_forum, language):
    person = visitor(language=language)  # not logged in
    person.open(reverse("public:forum", args=[open_forum.pk]), name="public-forum")
    person.open(reverse("registration:register", args=[open_forum.pk]), name="registration-form")
    page = person.page

    with translation.override(language):
        _ = translation.gettext
        # Found by their accessible names: the labels are wired to the fields.
        page.get_by_role("textbox", name=_("name"), exact=True).fill("홍길동")
        page.get_by_role("textbox", name=_("e-mail"), exact=True).fill("Hong.Gildong@Example.org")
        page.get_by_role("textbox", name=_("organisation"), exact=True).fill("행정안전부")
        page.get_by_role("textbox", name=_("position"), exact=True).fill("사무관")
        page.get_by_role("combobox", name=_("category"), exact=True).select_option("central")
        consent = page.get_by_role("checkbox")
        page.locator(f"label[for='{consent.get_attribute('id')}']").click()  # KRDS draws the box
        expect(consent).to_be_checked()
        page.locator("form.att-form button[type=submit]").click()

        page.wait_for_url(person.url(reverse("registration:done", args=[open_forum.pk])))
        expect(page.locator("#done-title")).to_have_text(_("Your registration is received"))
    expect(page.locator(".att-done")).to_contain_text("홍길동")
    person.check("registration-done")
    attendee = Attendee.objects.get(forum=open_forum)
    assert (attendee.name, attendee.email, attendee.source) == (
        "홍길동",
        "hong.gildong@example.org",
        Attendee.Source.PUBLIC_FORM,
    )
    assert attendee.consent_at is not None


def test_registration_without_consent_is_refused_with_a_message(visitor, open_forum):
    person = visitor(language="ko")
    person.open(reverse("registration:register", args=[open_forum.pk]), name="registration-form")
    page = person.page

    page.locator("input[name=name]").fill("홍길동")
    page.locator("input[name=email]").fill("hong@example.org")
    page.locator("form.att-form button[type=submit]").click()

    with translation.override("ko"):
        message = translation.gettext("Registration needs your consent.")
    expect(page.get_by_role("alert").filter(has_text=message)).to_be_visible()
    person.check("registration-errors")
    assert not Attendee.objects.filter(forum=open_forum).exists()


def test_checking_an_attendee_in_at_the_door(staff, open_forum):
    Attendee.objects.create(
        forum=open_forum,
        name="김철수",
        organisation_name="한국지능정보사회진흥원",
        status="confirmed",
    )
    walk_past = Attendee.objects.create(
        forum=open_forum, name="이영희", organisation_name="행정안전부"
    )
    staff.open(reverse("forums:attendees:check_in", args=[open_forum.pk]), name="check-in")
    page = staff.page
    expect(page.locator("#checkin-count .att-big-number")).to_have_text("0")

    page.locator("#checkin-q").fill("김철")  # live search, no submit needed
    rows = page.locator("#checkin-results li.att-checkin-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("김철수")
    rows.first.get_by_role("button").click()

    expect(rows.first.locator(".att-checked")).to_be_visible()
    expect(page.locator("#checkin-count .att-big-number")).to_have_text("1")
    staff.check("check-in-done")
    attendee = Attendee.objects.get(name="김철수")
    assert attendee.status == Attendee.Status.ATTENDED
    assert attendee.checked_in_at is not None
    walk_past.refresh_from_db()
    assert walk_past.checked_in_at is None

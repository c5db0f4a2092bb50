"""Logging in with the form, and switching the language with the header buttons."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ko", "en"])
def test_login_form_leads_to_the_page_asked_for(visitor, staff_user, language):
    person = visitor(language=language)
    trips = reverse("itineraries:trip_list")

    person.open(trips, name="login")  # redirected to the public login page

    page = person.page
    assert page.url.startswith(person.url(reverse("login")))
    with translation.override(language):
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.get_by_label(translation.gettext("User name")).fill(staff_user.username)
        page.get_by_label(translation.gettext("Password")).fill(STAFF_PASSWORD)
        page.locator("button.login-submit").click()
        page.wait_for_url(person.url(trips))
        expect(page.locator("h1")).to_contain_text(translation.gettext("Trips"))
        expect(page.locator(".app-user-name")).to_contain_text("staff")


def test_wrong_password_is_refused_with_a_message(visitor, staff_user):
    person = visitor(language="en")
    person.open(reverse("login"), name="login-empty", status=200)

    page = person.page
    page.get_by_label("User name").fill(staff_user.username)
    page.get_by_label("Password").fill("not the password")
    page.locator("button.login-submit").click()

    expect(page.get_by_role("alert")).to_be_visible()
    assert page.url.startswith(person.url(reverse("login")))
    person.check("login-refused")


def test_language_switch_turns_the_page_into_english_and_back(staff):
    staff.open(reverse("home"), name="home")
    page = staff.page
    expect(page.locator("html")).to_have_attribute("lang", "ko")

    page.locator("form.app-language button[value=en]").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("nav.app-nav")).to_contain_text("Trips")
    assert page.url == staff.url(reverse("home"))

    page.locator("form.app-language button[value=ko]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ko")

"""Adding a meeting through the inline form on the trip page, without a page reload."""

from datetime import date

import pytest
from django.utils import translation
from playwright.sync_api import expect

from itineraries.models import Engagement, Stop, Trip
from tests.browser.test_trip_page import TEN_JULY, day_region

pytestmark = pytest.mark.browser

TRIP = "trip-2026-07-vm-kim"
TITLE = "주세르비아 대한민국 대사 면담"


def test_adding_a_meeting_inline_shows_it_without_a_reload(staff):
    trip = Trip.objects.get(ref=TRIP)
    staff.open(trip.get_absolute_url(), name="trip-detail")
    page = staff.page
    page.evaluate("() => { window.notReloaded = true; }")
    day = day_region(page, TEN_JULY, "ko")
    _ = translation.gettext

    with translation.override("ko"):
        day.get_by_role("link", name=_("Add on this day")).click()
        form = day.locator("form").filter(has=page.get_by_role("textbox", name=_("title (Korean)")))
        expect(form).to_be_visible()
        staff.check("trip-engagement-form")
        form.get_by_role("textbox", name=_("title (Korean)"), exact=True).fill(TITLE)
        form.get_by_label(_("start (local time)")).fill("15:00")
        form.get_by_label(_("end (local time)")).fill("16:00")
        form.locator("button[type=submit]").first.click()

    added = day.locator(".engagement", has_text=TITLE)
    expect(added).to_be_visible()
    # Belgrade is on CEST (UTC+2) in July: 15:00 there is 22:00 in Seoul.
    expect(added.locator(".engagement-time")).to_contain_text("15:00~16:00")
    expect(added.locator(".engagement-time")).to_contain_text("22:00~23:00")
    assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"
    staff.check("trip-engagement-added")
    engagement = Engagement.objects.get(trip=trip, title_ko=TITLE)
    assert engagement.date == date(2026, 7, 10)
    assert engagement.stop == Stop.objects.get(ref="stop-2026-07-belgrade")


def test_a_rows_edit_panel_loads_its_other_actions(staff):
    """One control per row: Edit opens the form, and the row's other actions load
    beneath it, one click away as before (issue #14)."""
    trip = Trip.objects.get(ref=TRIP)
    engagement = trip.engagements.first()
    staff.open(trip.get_absolute_url(), name="trip-detail")
    page = staff.page
    row = page.locator(f"#engagement-{engagement.pk}")
    _ = translation.gettext

    with translation.override("ko"):
        expect(row.locator(".item-actions a")).to_have_count(1)
        row.get_by_role("link", name=_("Edit"), exact=True).click()
        panel = row.locator(".editor-slot")
        expect(panel.locator("form")).to_be_visible()
        actions = panel.locator(".item-more .item-menu-list")
        expect(actions.get_by_role("link", name=_("History"))).to_be_visible()
        page.mouse.move(0, 0)  # KRDS's hover colour on the button just clicked is not the page's
        staff.check("trip-row-edit-panel")
        actions.get_by_role("link", name=_("Delete")).click()
        expect(panel.get_by_role("button", name=_("Delete"))).to_be_visible()
        page.mouse.move(0, 0)
        staff.check("trip-row-delete-asked")
    assert Engagement.objects.filter(pk=engagement.pk).exists()  # asked, not deleted

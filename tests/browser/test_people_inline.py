"""A person created where they are chosen: "새 인물" in the delegation-member form, the
duplicate warning for a namesake, and choosing the known person instead."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from itineraries.models import DelegationMember, Trip
from planner.models import Person

pytestmark = pytest.mark.browser

TRIP = "trip-2026-07-vm-kim"


def test_new_person_inline_warns_of_a_namesake_and_chooses_the_known_one(staff):
    trip = Trip.objects.get(ref=TRIP)
    known = Person.objects.get(ref="person-hwang-myeongseok")
    staff.open(trip.get_absolute_url(), name="trip-detail")
    page = staff.page
    _ = translation.gettext

    with translation.override("ko"):
        page.locator("#delegation").get_by_role("link", name=_("Add a member")).click()
        form = page.locator("#members-editor form")
        expect(form).to_be_visible()
        form.get_by_role("searchbox", name=_("Search people by name")).fill("황명")
        select = form.locator("#new-member-person")
        expect(select).to_have_value(str(known.pk))  # narrowed as typed, the match chosen

        form.get_by_role("link", name=_("New person")).click()
        box = form.locator(".person-new-box")
        box.locator("[name='newperson-name_ko']").fill("황명석")
        box.locator("[name='newperson-new_organisation']").fill("혁신기획과")
        box.get_by_role("button", name=_("Create the person")).click()
        warning = box.locator(".duplicate-warning")
        expect(warning).to_contain_text(_("same name"))
        staff.check("person-new-duplicate")
        box.get_by_role("button", name=_("Choose this person")).first.click()
        expect(form.locator(".person-new-box")).to_have_count(0)
        expect(form.locator("#new-member-person")).to_have_value(str(known.pk))
        form.locator("[name='printed_as']").fill("대표단 황명석")
        form.locator("button[type=submit]").first.click()

    expect(page.locator("#delegation table.panel-table")).to_contain_text("대표단 황명석")
    assert Person.objects.filter(name_ko="황명석").count() == 1
    assert DelegationMember.objects.filter(trip=trip, person=known).exists()


def test_new_person_inline_creates_and_chooses_a_new_person(staff):
    trip = Trip.objects.get(ref=TRIP)
    staff.open(trip.get_absolute_url(), name="trip-detail")
    page = staff.page
    _ = translation.gettext

    with translation.override("ko"):
        page.locator("#delegation").get_by_role("link", name=_("Add a member")).click()
        form = page.locator("#members-editor form")
        form.get_by_role("link", name=_("New person")).click()
        box = form.locator(".person-new-box")
        box.locator("[name='newperson-name_ko']").fill("박서연")
        box.locator("[name='newperson-name_latin']").fill("Park Seo-yeon")
        box.locator("[name='newperson-position_ko']").fill("주무관")
        box.get_by_role("button", name=_("Create the person")).click()
        expect(form.locator(".person-new-slot")).to_contain_text("박서연")
        created = Person.objects.get(name_ko="박서연")
        expect(form.locator("#new-member-person")).to_have_value(str(created.pk))
        staff.check("person-new-created")
        form.locator("button[type=submit]").first.click()

    expect(page.locator("#delegation table.panel-table")).to_contain_text("박서연")
    assert DelegationMember.objects.filter(trip=trip, person=created).exists()

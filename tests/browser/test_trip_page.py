"""The trip page as staff read it: the 10 July meetings in Belgrade, time still open."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from itineraries.models import Engagement, Stop, Trip
from planner.templatetags.planner_time import korean_date

pytestmark = pytest.mark.browser

TRIP = "trip-2026-07-vm-kim"
TEN_JULY = date(2026, 7, 10)
MEETINGS = ("eng-2026-07-serbia-paunovic", "eng-2026-07-serbia-jovanovic")


def title(obj, language: str) -> str:
    return (obj.title_en or obj.title_ko) if language == "en" else obj.title_ko


def day_region(page, day: date, language: str):
    """The programme's section for one day, found by its heading (an ARIA region)."""
    with translation.override(language):
        heading = korean_date(day)
    return page.get_by_role("region", name=heading, exact=True)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_trip_page_shows_the_two_belgrade_meetings_of_10_july_with_time_tbd(
    visitor, staff_user, language
):
    trip = Trip.objects.get(ref=TRIP)
    belgrade = Stop.objects.get(ref="stop-2026-07-belgrade")
    meetings = [Engagement.objects.get(ref=ref) for ref in MEETINGS]
    person = visitor(language=language, user=staff_user)
    person.open(reverse("itineraries:trip_list"), name="trip-list")

    person.page.get_by_role("link", name=title(trip, language), exact=True).first.click()

    page = person.page
    page.wait_for_url(person.url(trip.get_absolute_url()))
    person.check("trip-detail")
    with translation.override(language):
        time_tbd = translation.gettext("Time TBD")
    day = day_region(page, TEN_JULY, language)
    expect(day).to_contain_text(belgrade.city_en if language == "en" else belgrade.city_ko)
    for meeting in meetings:
        item = day.locator(f"#engagement-{meeting.pk}")
        expect(item).to_contain_text(title(meeting, language))
        expect(item.locator(".engagement-time")).to_have_text(time_tbd)
        expect(item).to_contain_text("시간 미정")  # the briefing note as the document states it
    titles = day.locator(".engagement-title").all_inner_texts()
    first, second = (
        next(i for i, t in enumerate(titles) if title(m, language) in t) for m in meetings
    )
    assert first < second  # Paunović first, as the press release lists them

"""Calendar export as staff use it: download a trip's .ics from the trip page."""

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from itineraries.models import Engagement, Trip

pytestmark = pytest.mark.browser

TRIP = "trip-2026-07-vm-kim"
TIME_TBD_MEETINGS = ("eng-2026-07-serbia-paunovic", "eng-2026-07-serbia-jovanovic")


def test_trip_calendar_downloads_from_the_trip_page(staff):
    trip = Trip.objects.get(ref=TRIP)
    staff.open(trip.get_absolute_url(), name="trip-detail")
    page = staff.page

    with page.expect_download() as download_info:
        page.locator(f"a[href='{reverse('itineraries_ical:trip', args=[trip.pk])}']").click()
    download = download_info.value
    calendar = Calendar.from_ical(download.path().read_bytes())

    assert download.suggested_filename.endswith(".ics")
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    # Every engagement with a date is there; one whose date is not known yet cannot be.
    assert len(events) == trip.engagements.filter(date__isnull=False).count()
    for ref in TIME_TBD_MEETINGS:
        meeting = Engagement.objects.get(ref=ref)
        event = next(e for summary, e in events.items() if meeting.title_ko in summary)
        # Time still to be confirmed: an all-day entry on 10 July, never a fake midnight.
        assert event.decoded("DTSTART") == date(2026, 7, 10)
        assert str(event["STATUS"]) == "TENTATIVE"
    used = {e["DTSTART"].params["TZID"] for e in events.values() if "TZID" in e["DTSTART"].params}
    assert used <= {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}

"""A trip's calendar file across DST changes, changed zone rules and the date line.

Exported through the trip .ics view and read by icalendar, vobject, Mozilla ical.js
and an Outlook reading of each VTIMEZONE (``tests.outlook_reading``): every meeting
lands at the instant stored.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import Engagement, TravelSegment
from planner.ical import item_uid
from tests.factories import StopFactory, TripFactory, UserFactory
from tests.ical_support import assert_parsers_agree, assert_well_formed
from tests.outlook_reading import events_by_outlook

pytestmark = pytest.mark.django_db

STOPS = [
    # zone, first day, last day, meeting days (10:00 local each)
    ("Europe/Belgrade", date(2026, 3, 27), date(2026, 3, 30), [28, 29]),
    ("Europe/Belgrade", date(2026, 10, 23), date(2026, 10, 26), [24, 25]),
    ("Africa/Cairo", date(2026, 10, 28), date(2026, 10, 31), [29, 30]),
    ("America/Vancouver", date(2027, 1, 14), date(2027, 1, 16), [15]),
    ("Africa/Casablanca", date(2027, 2, 18), date(2027, 2, 21), [20]),
    ("Europe/Belgrade", date(2027, 3, 26), date(2027, 3, 29), [27, 28]),
    ("Pacific/Auckland", date(2027, 9, 23), date(2027, 9, 27), [25, 26]),
    ("America/Los_Angeles", date(2027, 9, 26), date(2027, 9, 29), [26, 28]),
    ("Asia/Kathmandu", date(2027, 10, 5), date(2027, 10, 7), [6]),
    ("Europe/Belgrade", date(2027, 10, 29), date(2027, 11, 1), [30, 31]),
]


@pytest.fixture
def world_trip():
    trip = TripFactory(start_date=date(2026, 3, 27), end_date=date(2027, 11, 1))
    meetings = []
    for order, (zone, first, last, days) in enumerate(STOPS, start=1):
        stop = StopFactory(
            trip=trip,
            order=order,
            city_ko=zone.split("/")[1],
            timezone=zone,
            arrival_date=first,
            departure_date=last,
        )
        for day in days:
            start = datetime(first.year, first.month, day, 10, 0, tzinfo=ZoneInfo(zone))
            meetings.append(
                Engagement.objects.create(
                    trip=trip,
                    stop=stop,
                    title_ko=f"면담 {zone} {day}",
                    date=start.date(),
                    starts_at=start,
                    ends_at=start + timedelta(hours=1),
                    status=Engagement.Status.CONFIRMED,
                )
            )
    auckland, los_angeles = trip.stops.get(order=7), trip.stops.get(order=8)
    # Across the date line: leave Auckland on the 27th, land in Los Angeles on the 26th.
    flight = TravelSegment.objects.create(
        trip=trip,
        from_stop=auckland,
        to_stop=los_angeles,
        origin="AKL",
        destination="LAX",
        departs_at=datetime(2027, 9, 27, 1, 0, tzinfo=ZoneInfo("Pacific/Auckland")),
        departure_timezone="Pacific/Auckland",
        arrives_at=datetime(2027, 9, 26, 18, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
        arrival_timezone="America/Los_Angeles",
    )
    return trip, [*meetings, flight]


def _start(item) -> datetime:
    return getattr(item, "starts_at", None) or item.departs_at


def _uid(item) -> str:
    return item_uid("segment" if isinstance(item, TravelSegment) else "engagement", item)


def test_every_meeting_of_the_trip_is_at_its_instant_in_every_parser_and_in_outlook(
    client, world_trip
):
    trip, meetings = world_trip
    client.force_login(UserFactory(is_superuser=True))

    body = client.get(reverse("itineraries_ical:trip", args=[trip.pk])).content

    assert_well_formed(body)
    events = assert_parsers_agree(body)
    expected = {_uid(m): _start(m).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for m in meetings}
    assert {uid: event["start"] for uid, event in events.items()} == expected
    assert events_by_outlook(body) == expected
    # The pinned rules: Vancouver at -07 in January 2027, Casablanca at +00 in February.
    assert expected[item_uid("engagement", meetings[6])] == "2027-01-15T17:00:00Z"
    assert expected[item_uid("engagement", meetings[7])] == "2027-02-20T10:00:00Z"

"""Flights and trains in calendars: DTSTART in the departure zone, DTEND in the arrival zone.

In the trip .ics, the personal feed and the calendar month; read by icalendar,
vobject and Mozilla ical.js, every journey leaves and lands at the stored instants.
"""

import json
import subprocess
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.urls import reverse
from icalendar import Calendar

from itineraries.models import TravelSegment
from planner.ical import item_uid
from planner.models import CalendarFeed
from tests.factories import PersonFactory, StopFactory, TripFactory, UserFactory
from tests.ical_support import ICALJS_READY, JS_DIR, NODE, assert_parsers_agree

pytestmark = pytest.mark.django_db

AUCKLAND, LOS_ANGELES = ZoneInfo("Pacific/Auckland"), ZoneInfo("America/Los_Angeles")
DEPARTS = datetime(2027, 9, 27, 1, 0, tzinfo=AUCKLAND)  # 2027-09-26 12:00 UTC
ARRIVES = datetime(2027, 9, 26, 18, 0, tzinfo=LOS_ANGELES)  # 2027-09-27 01:00 UTC, "the day before"


@pytest.fixture
def flight(user):
    head = PersonFactory(user=user)
    trip = TripFactory(head=head, start_date=date(2027, 9, 23), end_date=date(2027, 9, 29))
    auckland = StopFactory(trip=trip, order=1, timezone="Pacific/Auckland", city_ko="오클랜드")
    los_angeles = StopFactory(trip=trip, order=2, timezone="America/Los_Angeles", city_ko="LA")
    return TravelSegment.objects.create(
        trip=trip,
        from_stop=auckland,
        to_stop=los_angeles,
        carrier="대한항공",
        number="KE 41",
        origin="오클랜드",
        destination="로스앤젤레스",
        departs_at=DEPARTS,
        departure_timezone="Pacific/Auckland",
        arrives_at=ARRIVES,
        arrival_timezone="America/Los_Angeles",
    )


@pytest.fixture
def user():
    return UserFactory(is_superuser=True)


def _ends_by_parser(body: bytes, uid: str) -> set[str]:
    event = next(e for e in Calendar.from_ical(body).walk("VEVENT") if str(e["UID"]) == uid)
    ends = {event.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    parsed = vobject.readOne(body.decode())
    for vevent in parsed.vevent_list:
        if vevent.uid.value == uid:
            ends.add(vevent.dtend.value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    if ICALJS_READY:
        run = subprocess.run(
            [NODE, str(JS_DIR / "parse_ics.mjs")], input=body, capture_output=True, check=True
        )
        for item in json.loads(run.stdout)["events"]:
            if item["uid"] == uid:
                ends.add(item["end"].replace(".000Z", "Z"))
    return ends


def _check(body: bytes, flight: TravelSegment) -> None:
    uid = item_uid("segment", flight)
    text = body.decode().replace("\r\n ", "")
    assert "DTSTART;TZID=Pacific/Auckland:20270927T010000" in text
    assert "DTEND;TZID=America/Los_Angeles:20270926T180000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles" in text
    assert assert_parsers_agree(body)[uid]["start"] == "2027-09-26T12:00:00Z"
    assert _ends_by_parser(body, uid) == {"2027-09-27T01:00:00Z"}


def test_the_trip_calendar_has_the_flight_in_both_zones(client, user, flight):
    client.force_login(user)
    body = client.get(reverse("itineraries_ical:trip", args=[flight.trip_id])).content
    _check(body, flight)
    assert "대한항공 KE 41: 오클랜드 → 로스앤젤레스" in body.decode().replace("\r\n ", "")


def test_the_personal_feed_has_the_flight(client, user, flight):
    feed = CalendarFeed.objects.create(owner=user, scope=CalendarFeed.Scope.MINE)
    body = client.get(reverse("calendar:feed", args=[feed.token])).content
    _check(body, flight)


def test_a_changed_flight_is_written_again_with_a_higher_sequence(client, user, flight):
    client.force_login(user)
    url = reverse("itineraries_ical:trip", args=[flight.trip_id])
    client.get(url)  # stores the event
    flight.departs_at = datetime(2027, 9, 27, 2, 0, tzinfo=AUCKLAND)
    flight.save()
    body = client.get(url).content
    event = next(e for e in Calendar.from_ical(body).walk("VEVENT"))
    assert event.start == datetime(2027, 9, 27, 2, 0, tzinfo=AUCKLAND)
    assert int(event["SEQUENCE"]) == 1


def test_a_deleted_flight_is_cancelled_in_the_trip_calendar(client, user, flight):
    client.force_login(user)
    url = reverse("itineraries_ical:trip", args=[flight.trip_id])
    client.get(url)
    uid = item_uid("segment", flight)
    flight.delete()
    events = {str(e["UID"]): e for e in Calendar.from_ical(client.get(url).content).walk("VEVENT")}
    assert str(events[uid]["STATUS"]) == "CANCELLED"


def test_the_month_shows_the_flight_on_its_departure_day(client, user, flight):
    client.force_login(user)
    response = client.get(reverse("calendar:month"), {"month": "2027-09"})
    days = {day.day: day for day in response.context["page"].days}
    assert [item.kind for item in days[date(2027, 9, 27)].items] == ["segment"]
    assert "오클랜드 → 로스앤젤레스" in response.content.decode()

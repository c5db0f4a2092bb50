"""Stop and meeting date rules compare instants, each stop's days in its own zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from itineraries.models import Engagement
from itineraries.services import engagement_save, stop_save
from tests.factories import StopFactory, TripFactory

pytestmark = pytest.mark.django_db

LOS_ANGELES = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def pacific_trip():
    """Auckland, then across the date line to Los Angeles (arriving "the day before")."""
    trip = TripFactory(start_date=date(2026, 9, 23), end_date=date(2026, 9, 30))
    auckland = StopFactory(
        trip=trip,
        order=1,
        city_ko="오클랜드",
        city_en="Auckland",
        country="NZ",
        timezone="Pacific/Auckland",
        arrival_date=date(2026, 9, 23),
        departure_date=date(2026, 9, 27),
    )
    return trip, auckland


def _los_angeles(trip, arrival: date, departure: date):
    return StopFactory.build(
        trip=trip,
        order=2,
        city_ko="로스앤젤레스",
        city_en="Los Angeles",
        country="US",
        timezone="America/Los_Angeles",
        arrival_date=arrival,
        departure_date=departure,
    )


def test_a_stop_reached_the_day_before_across_the_date_line_is_accepted(pacific_trip):
    trip, _auckland = pacific_trip
    los_angeles = _los_angeles(trip, date(2026, 9, 26), date(2026, 9, 30))

    stop_save(stop=los_angeles, expected_revision=None)

    assert trip.stops.count() == 2


def test_a_real_overlap_across_the_date_line_is_still_refused(pacific_trip):
    trip, _auckland = pacific_trip
    # Two whole Los Angeles days before Auckland's departure day begins.
    los_angeles = _los_angeles(trip, date(2026, 9, 24), date(2026, 9, 30))

    with pytest.raises(ValidationError) as caught:
        stop_save(stop=los_angeles, expected_revision=None)

    assert "오클랜드" in caught.value.message_dict["arrival_date"][0]


def test_same_zone_stops_keep_the_shared_travel_day_rule(pacific_trip):
    trip, _auckland = pacific_trip
    wellington = StopFactory.build(
        trip=trip,
        order=3,
        city_ko="웰링턴",
        country="NZ",
        timezone="Pacific/Auckland",
        arrival_date=date(2026, 9, 26),
        departure_date=date(2026, 9, 28),
    )

    with pytest.raises(ValidationError):
        stop_save(stop=wellington, expected_revision=None)
    wellington.arrival_date = date(2026, 9, 27)
    stop_save(stop=wellington, expected_revision=None)


def _meeting(trip, stop, local: datetime) -> Engagement:
    return Engagement(
        trip=trip,
        stop=stop,
        title_ko="면담",
        date=local.date(),
        starts_at=local,
        ends_at=local.replace(hour=local.hour + 1),
    )


def test_a_meeting_on_the_arrival_day_across_the_date_line_is_accepted(pacific_trip):
    trip, _auckland = pacific_trip
    los_angeles = stop_save(
        stop=_los_angeles(trip, date(2026, 9, 26), date(2026, 9, 30)), expected_revision=None
    )
    # 26 Sep 18:00 in Los Angeles is already 27 Sep in Auckland and in Seoul.
    meeting = _meeting(trip, los_angeles, datetime(2026, 9, 26, 18, 0, tzinfo=LOS_ANGELES))

    engagement_save(engagement=meeting, expected_revision=None)

    assert meeting.local_date == date(2026, 9, 26)


def test_a_meeting_before_the_stop_is_reached_is_refused(pacific_trip):
    trip, _auckland = pacific_trip
    los_angeles = stop_save(
        stop=_los_angeles(trip, date(2026, 9, 26), date(2026, 9, 30)), expected_revision=None
    )
    meeting = _meeting(trip, los_angeles, datetime(2026, 9, 25, 18, 0, tzinfo=LOS_ANGELES))

    with pytest.raises(ValidationError) as caught:
        engagement_save(engagement=meeting, expected_revision=None)

    assert "date" in caught.value.message_dict

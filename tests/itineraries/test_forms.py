"""Trip forms: wall-clock entry in the place's zone, across DST and date lines."""

from datetime import UTC, date, datetime

import pytest

from itineraries.forms import EngagementForm, TravelSegmentForm
from itineraries.models import Engagement, Trip
from planner.documents import documents_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip() -> Trip:
    documents_load()
    return Trip.objects.get(ref="trip-2026-07-vm-kim")


def engagement_data(stop, **overrides):
    data = {
        "stop": stop.pk,
        "kind": "meeting",
        "title_ko": "실무 협의",
        "date": "2026-07-10",
        "start_time": "10:00",
        "end_time": "11:00",
        "status": "confirmed",
    }
    data.update(overrides)
    return data


def test_engagement_form_reads_times_in_the_stops_zone(trip):
    belgrade = trip.stops.get(city_en="Belgrade")
    form = EngagementForm(data=engagement_data(belgrade), trip=trip)

    assert form.is_valid(), form.errors
    engagement = form.save(commit=False)
    assert engagement.starts_at == datetime(2026, 7, 10, 8, 0, tzinfo=UTC)
    assert engagement.ends_at == datetime(2026, 7, 10, 9, 0, tzinfo=UTC)


def test_engagement_form_without_a_time_keeps_time_unconfirmed(trip):
    belgrade = trip.stops.get(city_en="Belgrade")
    form = EngagementForm(data=engagement_data(belgrade, start_time="", end_time=""), trip=trip)

    assert form.is_valid(), form.errors
    engagement = form.save(commit=False)
    assert (engagement.date, engagement.starts_at) == (date(2026, 7, 10), None)


def test_engagement_form_shows_stored_instants_in_local_time(trip):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    engagement.starts_at = datetime(2026, 7, 10, 8, 30, tzinfo=UTC)
    engagement.save()

    form = EngagementForm(instance=engagement, trip=trip)

    assert form.fields["start_time"].initial.strftime("%H:%M") == "10:30"
    assert form.fields["revision"].initial == engagement.revision


def test_engagement_form_rejects_end_before_start_in_korean(trip, settings):
    settings.LANGUAGE_CODE = "ko"
    belgrade = trip.stops.get(city_en="Belgrade")
    form = EngagementForm(data=engagement_data(belgrade, end_time="09:00"), trip=trip)

    assert not form.is_valid()
    assert "end_time" in form.errors


def test_engagement_form_rejects_a_time_the_clocks_skip(trip):
    belgrade = trip.stops.get(city_en="Belgrade")
    trip.end_date = date(2027, 12, 31)
    data = engagement_data(belgrade, date="2027-03-28", start_time="02:30", end_time="")

    form = EngagementForm(data=data, trip=trip)

    assert not form.is_valid()
    assert "start_time" in form.errors


def test_segment_form_crosses_the_date_line_backwards(trip):
    """Auckland 09:00 on the 11th lands in Honolulu on the 10th, the day before."""
    data = {
        "mode": "flight",
        "carrier": "Air New Zealand",
        "number": "NZ 10",
        "origin": "오클랜드",
        "destination": "호놀룰루",
        "departure_date": "2026-07-11",
        "departure_time": "09:00",
        "departure_timezone": "Pacific/Auckland",
        "arrival_date": "2026-07-10",
        "arrival_time": "19:00",
        "arrival_timezone": "Pacific/Honolulu",
    }

    form = TravelSegmentForm(data=data, trip=trip)

    assert form.is_valid(), form.errors
    segment = form.save(commit=False)
    assert segment.departs_at == datetime(2026, 7, 10, 21, 0, tzinfo=UTC)
    assert segment.arrives_at == datetime(2026, 7, 11, 5, 0, tzinfo=UTC)


def test_segment_form_rejects_arrival_before_departure(trip):
    data = {
        "mode": "flight",
        "origin": "제네바",
        "destination": "베오그라드",
        "departure_date": "2026-07-10",
        "departure_time": "09:00",
        "departure_timezone": "Europe/Zurich",
        "arrival_date": "2026-07-10",
        "arrival_time": "08:30",
        "arrival_timezone": "Europe/Belgrade",
    }

    form = TravelSegmentForm(data=data, trip=trip)

    assert not form.is_valid()
    assert "arrival_time" in form.errors

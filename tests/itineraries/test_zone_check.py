"""The zone check page lists rows whose zone disagrees with their city or airport."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from itineraries.models import TravelSegment
from itineraries.zone_check import zone_mismatches
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_stop_with_the_old_default_zone_is_listed():
    stop = f.StopFactory(city_ko="도쿄", city_en="Tokyo", country="JP", timezone="Africa/Abidjan")
    f.StopFactory(trip=stop.trip)  # Belgrade, right zone

    rows = zone_mismatches()

    assert [(row.kind, row.stored, row.expected) for row in rows] == [
        ("stop", "Africa/Abidjan", "Asia/Tokyo")
    ]


def test_a_flight_whose_zone_disagrees_with_its_airport_is_listed():
    TravelSegment.objects.create(
        trip=f.TripFactory(),
        origin="도쿄 (HND)",
        destination="CGK",
        departs_at=datetime(2026, 7, 8, 2, 20, tzinfo=UTC),
        departure_timezone="Asia/Tokyo",
        arrives_at=datetime(2026, 7, 8, 10, 5, tzinfo=UTC),
        arrival_timezone="Africa/Abidjan",
    )

    rows = zone_mismatches()

    assert [(row.kind, row.place, row.expected) for row in rows] == [
        ("segment-arrival", "CGK", "Asia/Jakarta")
    ]


def test_zone_check_page_shows_korean_zone_labels(client, editor):
    f.StopFactory(city_ko="도쿄", city_en="Tokyo", country="JP", timezone="Africa/Abidjan")
    client.force_login(editor)

    content = client.get(reverse("itineraries:zone_check")).content.decode()

    assert "도쿄 (UTC+9)" in content
    assert "<code>Africa/Abidjan</code>" in content


def test_zone_check_is_reached_from_the_trip_list(client, editor):
    client.force_login(editor)

    content = client.get(reverse("itineraries:trip_list")).content.decode()

    assert reverse("itineraries:zone_check") in content

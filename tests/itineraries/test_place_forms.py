"""Stop and travel-segment forms take the zone from the place, never from a default."""

import pytest
from django.urls import reverse

from itineraries.forms import StopForm, TravelSegmentForm
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


def stop_data(**overrides):
    data = {"city_ko": "도쿄", "city_en": "", "country": "JP", "timezone": ""}
    data.update(overrides)
    return data


def test_stop_zone_comes_from_a_one_zone_country():
    form = StopForm(data=stop_data(), trip=f.TripFactory())

    assert form.is_valid(), form.errors
    stop = form.save(commit=False)
    assert (stop.timezone, stop.city_en) == ("Asia/Tokyo", "Tokyo")


def test_stop_airport_code_fills_city_country_and_zone():
    form = StopForm(data=stop_data(city_ko="CGK", country=""), trip=f.TripFactory())

    assert form.is_valid(), form.errors
    stop = form.save(commit=False)
    assert (stop.city_ko, stop.city_en, stop.country.code, stop.timezone) == (
        "자카르타",
        "Jakarta",
        "ID",
        "Asia/Jakarta",
    )


def test_stop_in_a_several_zone_country_takes_the_citys_zone():
    form = StopForm(data=stop_data(city_ko="마카사르", country="ID"), trip=f.TripFactory())

    assert form.is_valid(), form.errors
    assert form.save(commit=False).timezone == "Asia/Makassar"


def test_stop_with_an_unknown_city_in_a_several_zone_country_asks_to_choose():
    form = StopForm(data=stop_data(city_ko="어느마을", country="ID"), trip=f.TripFactory())

    assert form.is_valid() is False
    assert list(form.errors) == ["timezone"]
    choices = [name for name, _label in form.fields["timezone"].widget.choices()]
    assert choices == ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]


def test_stop_zone_chosen_by_staff_from_the_picker_is_kept():
    data = stop_data(city_ko="어느마을", country="ID", timezone="마카사르 (UTC+8)")
    form = StopForm(data=data, trip=f.TripFactory())

    assert form.is_valid(), form.errors
    assert form.save(commit=False).timezone == "Asia/Makassar"


def test_changing_a_stops_city_moves_its_zone():
    stop = f.StopFactory(city_ko="도쿄", city_en="Tokyo", country="JP", timezone="Asia/Tokyo")
    data = stop_data(city_ko="자카르타", city_en="", country="ID", timezone="도쿄 (UTC+9)")
    data["revision"] = stop.revision

    form = StopForm(data=data, instance=stop, trip=stop.trip)

    assert form.is_valid(), form.errors
    assert form.save(commit=False).timezone == "Asia/Jakarta"


def segment_data(**overrides):
    data = {
        "mode": "flight",
        "carrier": "대한항공",
        "number": "KE2101",
        "origin": "HND",
        "destination": "CGK",
        "departure_date": "2026-07-08",
        "departure_time": "11:20",
        "departure_timezone": "",
        "arrival_date": "2026-07-08",
        "arrival_time": "17:05",
        "arrival_timezone": "",
    }
    data.update(overrides)
    return data


def test_segment_airport_codes_fill_places_and_zones():
    form = TravelSegmentForm(data=segment_data(), trip=f.TripFactory())

    assert form.is_valid(), form.errors
    segment = form.save(commit=False)
    assert (segment.origin, segment.departure_timezone) == ("도쿄 (HND)", "Asia/Tokyo")
    assert (segment.destination, segment.arrival_timezone) == ("자카르타 (CGK)", "Asia/Jakarta")
    assert segment.departs_at.isoformat() == "2026-07-08T11:20:00+09:00"
    assert segment.arrives_at.isoformat() == "2026-07-08T17:05:00+07:00"


def test_segment_end_at_a_stop_takes_the_stops_zone():
    stop = f.StopFactory()  # Belgrade
    data = segment_data(origin="시내 호텔", from_stop=stop.pk, destination="GVA")

    form = TravelSegmentForm(data=data, trip=stop.trip)

    assert form.is_valid(), form.errors
    assert form.save(commit=False).departure_timezone == "Europe/Belgrade"


def test_segment_end_with_no_place_known_asks_for_the_zone():
    form = TravelSegmentForm(data=segment_data(origin="어딘가"), trip=f.TripFactory())

    assert form.is_valid() is False
    assert list(form.errors) == ["departure_timezone"]


def test_stop_added_by_airport_code_is_announced_as_a_krds_alert(editor_client, belgrade_trip):
    trip, _geneva, _belgrade = belgrade_trip
    data = {"city_ko": "CAI", "country": "", "timezone": "", "arrival_date": "2026-07-12"}
    editor_client.cookies["django_language"] = "ko"

    response = editor_client.post(
        reverse("itineraries:stop_add", args=[trip.pk]), data, follow=True
    )

    content = response.content.decode()
    stop = trip.stops.get(city_en="Cairo")
    assert (stop.city_ko, stop.country.code, stop.timezone) == ("카이로", "EG", "Africa/Cairo")
    assert 'class="app-message app-alert success" role="status"' in content
    assert "방문 도시 카이로를 추가했습니다." in content


def test_stop_form_over_htmx_asks_for_the_zone_in_a_several_zone_country(
    editor_client, belgrade_trip
):
    trip, _geneva, _belgrade = belgrade_trip
    data = {"city_ko": "어느마을", "country": "ID", "timezone": "", "arrival_date": "2026-07-12"}

    response = editor_client.post(
        reverse("itineraries:stop_add", args=[trip.pk]), data, headers=htmx("new-stop")
    )

    content = response.content.decode()
    assert "<html" not in content
    assert "자야푸라 (UTC+9)" in content
    assert "Africa/Abidjan" not in content


def test_a_three_letter_city_with_its_country_is_a_city_not_an_airport():
    form = StopForm(data=stop_data(city_ko="Ulm", country="DE"), trip=f.TripFactory())

    assert form.is_valid(), form.errors
    stop = form.save(commit=False)
    assert (stop.city_ko, stop.timezone) == ("Ulm", "Europe/Berlin")

"""From a place to its zone: country, city (Korean or English) and airport codes."""

from datetime import UTC, datetime

import pytest

from planner import places
from planner.zone_fields import ZonePickerField

JANUARY = datetime(2026, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("country", "city", "expected"),
    [
        ("JP", "", "Asia/Tokyo"),  # one zone: no city needed
        ("RS", "", "Europe/Belgrade"),
        ("ID", "자카르타", "Asia/Jakarta"),
        ("ID", "Makassar", "Asia/Makassar"),
        ("US", "뉴욕", "America/New_York"),
        ("US", "Los Angeles", "America/Los_Angeles"),
        ("BR", "상파울루", "America/Sao_Paulo"),
        ("CH", "제네바", "Europe/Zurich"),
    ],
)
def test_zone_for_place_from_country_and_city(country, city, expected):
    assert places.zone_for_place(country=country, city=city) == expected


def test_zone_for_place_with_several_zones_and_no_city_is_undecided():
    assert places.zone_for_place(country="ID") is None
    assert places.zone_for_place(country="US", city="어딘가") is None


def test_zone_for_place_never_defaults_to_the_first_zone():
    assert places.zone_for_place(country="") is None


@pytest.mark.parametrize(
    ("code", "city_ko", "country", "zone"),
    [
        ("HND", "도쿄", "JP", "Asia/Tokyo"),
        ("cgk", "자카르타", "ID", "Asia/Jakarta"),
        ("GVA", "제네바", "CH", "Europe/Zurich"),
        ("ICN", "서울", "KR", "Asia/Seoul"),
    ],
)
def test_airport_gives_city_country_and_zone(code, city_ko, country, zone):
    found = places.airport(code)

    assert (found.city_ko, found.country, found.timezone) == (city_ko, country, zone)


def test_airport_in_text_reads_a_code_in_a_label():
    assert places.airport_in_text("도쿄 (HND)").code == "HND"
    assert places.airport_in_text("서울 시내") is None
    assert places.airport("ZZZZ") is None


def test_zone_label_is_korean_with_the_offset():
    assert places.zone_label("Asia/Tokyo", korean=True, at=JANUARY) == "도쿄 (UTC+9)"
    assert places.zone_label("Asia/Kolkata", korean=True, at=JANUARY) == "콜카타 (UTC+5:30)"
    assert places.zone_label("America/New_York", korean=False, at=JANUARY) == "New York (UTC−5)"


def test_zone_choices_of_a_country_are_its_zones_by_offset():
    zones = [name for name, _label in places.zone_choices("ID", korean=True)]

    assert zones == ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("도쿄 (UTC+9)", "Asia/Tokyo"), ("Asia/Seoul", "Asia/Seoul"), ("자카르타", "Asia/Jakarta")],
)
def test_zone_picker_takes_labels_or_iana_names(typed, expected):
    assert ZonePickerField().clean(typed) == expected


def test_zone_picker_refuses_an_unknown_zone():
    with pytest.raises(Exception) as error:
        ZonePickerField().clean("Atlantis (UTC+3)")

    assert error.value.code == "unknown"


def test_zone_picker_renders_a_searchable_list_of_korean_labels():
    field = ZonePickerField()
    field.limit_to_country("ID")

    html = field.widget.render("timezone", "Asia/Jakarta", {"id": "tz"})

    assert 'list="tz-zones"' in html
    assert '<option value="자카르타 (UTC+7)">' in html
    assert "Africa/Abidjan" not in html

"""Time display helpers: local time, Seoul beside it, Korean dates with the weekday."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from planner.templatetags import planner_time as pt

UTC = ZoneInfo("UTC")


@pytest.fixture
def korean():
    with translation.override("ko"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_korean_date_spells_out_year_month_day_and_weekday(korean):
    assert pt.korean_date(date(2026, 7, 10)) == "2026년 7월 10일 (금)"


def test_korean_date_in_english_follows_the_active_language(english):
    assert pt.korean_date(date(2026, 7, 10)) == "Fri 10 July 2026"


def test_date_range_writes_the_shared_year_once(korean):
    assert pt.date_range(date(2026, 7, 8), date(2026, 7, 15)) == (
        "2026년 7월 8일 (수) ~ 7월 15일 (수)"
    )


def test_date_range_in_english(english):
    assert pt.date_range(date(2026, 7, 8), date(2026, 7, 15)) == "Wed 8 July – Wed 15 July 2026"


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("day", "2025년 11월 1일 (토)"), ("month", "2025년 11월"), ("year", "2025년")],
)
def test_date_with_precision_shows_only_what_is_known(korean, precision, expected):
    assert pt.date_with_precision(date(2025, 11, 1), precision) == expected


def test_local_time_reads_the_instant_in_the_zone():
    instant = datetime(2026, 7, 10, 16, 0, tzinfo=UTC)

    assert pt.local_time(instant, "Europe/Belgrade") == "18:00"
    assert pt.local_time(instant, ZoneInfo("Africa/Cairo")) == "19:00"
    assert pt.local_time(instant) == "01:00"  # Seoul by default


@pytest.mark.parametrize(
    ("hour_utc", "zone", "marker"),
    [
        (16, "Europe/Belgrade", "+1"),  # 18:00 in Belgrade is 01:00 next day in Seoul
        (8, "Europe/Belgrade", ""),  # 10:00 in Belgrade is 17:00 the same day in Seoul
        (20, "America/New_York", "+1"),
        (1, "Pacific/Honolulu", "+1"),
        (12, "Pacific/Kiritimati", "-1"),  # 02:00 next day there is 21:00 today in Seoul
    ],
)
def test_day_offset_marker_flags_another_calendar_day_in_seoul(hour_utc, zone, marker):
    instant = datetime(2026, 7, 10, hour_utc, 0, tzinfo=UTC)

    assert pt.day_offset_marker(instant, zone) == marker


def test_local_and_seoul_shows_both_with_the_marker(korean):
    start = datetime(2026, 7, 10, 16, 0, tzinfo=UTC)
    end = datetime(2026, 7, 10, 18, 0, tzinfo=UTC)

    html = pt.local_and_seoul(start, end, "Europe/Belgrade")

    assert ">18:00~20:00</time>" in html
    assert '<span class="tz">CEST</span>' in html
    assert "서울 01:00~03:00" in html
    assert "(+1)" in html


def test_local_and_seoul_shows_one_time_when_the_place_is_seoul(korean):
    start = datetime(2024, 11, 14, 6, 0, tzinfo=UTC)

    html = pt.local_and_seoul(start, None, "Asia/Seoul")

    assert ">15:00</time>" in html
    assert "KST" in html
    assert "time-seoul" not in html


def test_local_and_seoul_renders_nothing_without_a_time():
    assert pt.local_and_seoul(None, None, "Europe/Belgrade") == ""


def test_time_range_and_minutes_label_match_the_run_of_show():
    start = datetime(2024, 11, 14, 5, 50, tzinfo=UTC)
    end = datetime(2024, 11, 14, 6, 0, tzinfo=UTC)

    assert pt.time_range(start, end, "Asia/Seoul") == "14:50~15:00"
    assert pt.minutes_label(10) == "10'"

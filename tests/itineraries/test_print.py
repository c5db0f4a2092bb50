"""The printable itinerary: A4, Korean, a page per day, local and Seoul times, no chrome."""

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from itineraries.models import Engagement
from planner.timezones import local_instant
from tests import factories as f

pytestmark = pytest.mark.django_db


def print_url(trip) -> str:
    return reverse("itineraries:trip_print", args=[trip.pk])


def test_print_view_has_no_navigation_and_its_own_a4_stylesheet(editor_client, loaded_trip):
    content = editor_client.get(print_url(loaded_trip)).content.decode()

    assert "app-nav" not in content
    assert "app-header" not in content
    assert "app-footer" not in content
    assert "css/trip_print.css" in content
    assert "<style" not in content
    assert "<script>" not in content
    assert '<html lang="ko">' in content


def test_print_view_gives_each_day_its_own_section_with_time_tbd_marked(editor_client, loaded_trip):
    content = editor_client.get(print_url(loaded_trip)).content.decode()

    days = content.count('<section class="print-day"')
    assert days == 3  # 10 July, 13 July, and the items without a date
    assert content.index("2026년 7월 10일 (금)") < content.index("2026년 7월 13일 (월)")
    assert content.count('<span class="tbd">시간 미정</span>') == 3
    assert content.count('<span class="tbd">날짜 미정</span>') == 3
    assert "시간대 변경: Europe/Belgrade → Africa/Cairo (+1h)" in content


def test_print_view_shows_counterparts_and_both_times(editor_client, loaded_trip):
    meeting = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    meeting.starts_at = local_instant(date(2026, 7, 10), time(10, 0), "Europe/Belgrade")
    meeting.save()

    content = editor_client.get(print_url(loaded_trip)).content.decode()

    assert "슈네자나 파우노비치 (Snežana Paunović)" in content
    assert "라파트 헨디" in content
    assert "10:00" in content
    assert "서울 17:00" in content
    assert "인공지능정부협력과" in content  # contacts at the foot


def test_print_view_marks_tentative_and_cancelled_items(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    f.EngagementFactory(stop=belgrade, title_ko="잠정 면담", status="tentative")
    f.EngagementFactory(
        stop=belgrade,
        title_ko="취소 면담",
        status="cancelled",
        starts_at=datetime(2026, 7, 10, 9, 0, tzinfo=ZoneInfo("Europe/Belgrade")),
    )

    content = editor_client.get(print_url(trip)).content.decode()

    assert '<tr class="print-item is-tentative">' in content
    assert '<tr class="print-item is-cancelled">' in content
    assert "[잠정]" in content
    assert "[취소]" in content


def test_print_stylesheet_sets_a4_and_a_page_per_day():
    css = Path(finders.find("css/trip_print.css")).read_text(encoding="utf-8")

    assert "size: A4" in css
    assert "break-before: page" in css
    assert "Noto Sans CJK KR" in css
    assert "display: table-header-group" in css

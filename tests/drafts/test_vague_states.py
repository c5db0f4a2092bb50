"""What a document states vaguely is shown, printed and exported as vague, never filled in."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from icalendar import Calendar

from forums.models import Forum, Session
from itineraries.models import Engagement, Trip
from planner.drafts.service import draft_import
from planner.permissions import EDITOR_GROUP
from tests import factories as f

pytestmark = pytest.mark.django_db

DRAFT = {
    "format": "planner-draft/1",
    "source": {"title": "흐릿한 문서", "language": "ko", "text": "…"},
    "kind": "mixed",
    "trips": [
        {
            "title_ko": "중앙유럽 방문",
            "start": {"value": "2026-07", "precision": "month", "as_written": "7월"},
            "end": None,
            "duration_as_written": "일주일 간",
            "stops": [{"order": 1, "place": {"country": "HU"}}],
            "engagements": [
                {"kind": "meeting", "title": "헝가리 장관 면담", "order": 1,
                 "date": {"value": "2026-07", "precision": "month", "as_written": "7월 중"},
                 "place": {"country": "HU"}},
                {"kind": "visit", "title": "기업 방문", "order": 2, "date": None,
                 "place": {"country": "HU"}},
            ],
        }
    ],
    "events": [
        {
            "kind": "ceremony",
            "title_ko": "개교 기념식",
            "start": "2026-05-04",
            "end": "2026-05-05",
            "start_time": "10:00",
            "place": {"venue": "대강당", "timezone": "floating"},
            "parts": [{"title": "제1부 (기념식)", "start": "10:00"}],
            "sessions": [
                {"day": "2026-05-04", "order": 1, "title": "개식", "start": "10:00",
                 "end": "10:10", "part": "제1부 (기념식)"},
                {"day": "2026-05-04", "order": 2, "title": "국민의례", "part": "제1부 (기념식)"},
                {"day": "2026-05-05", "order": 3, "title": "체험 행사", "start": "09:30",
                 "end": "12:00", "minutes": 60},
            ],
        }
    ],
}  # fmt: skip


@pytest.fixture
def imported():
    return draft_import(draft=DRAFT)


@pytest.fixture
def staff(client):
    user = f.UserFactory(username="editor-vague")
    user.groups.add(Group.objects.get_or_create(name=EDITOR_GROUP)[0])
    client.force_login(user)
    return client


def _text(response) -> str:
    """The page as words, tags dropped (a row's markup must not decide what it says)."""
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_trip_page_shows_month_only_dates_and_a_country_only_stop(imported, staff):
    trip = Trip.objects.get()

    page = _text(staff.get(reverse("itineraries:trip_detail", args=[trip.pk])))

    assert "2026년 7월 중 ~ 종료일 미정" in page
    assert "(일주일 간)" in page
    assert "헝가리 (도시 미정)" in page
    assert "2026년 7월 중" in page  # the meeting: a month, not the 1st
    assert "7월 1일" not in page
    assert "날짜 미정" in page  # the visit without a date


def test_trip_print_and_calendar_do_not_place_a_month_on_its_first_day(imported, staff):
    trip = Trip.objects.get()

    printed = _text(staff.get(reverse("itineraries:trip_print", args=[trip.pk])))
    calendar = Calendar.from_ical(
        staff.get(reverse("itineraries_ical:trip", args=[trip.pk])).content
    )

    assert "2026년 7월 중" in printed
    assert calendar.walk("VEVENT") == []
    assert "헝가리 장관 면담" in str(calendar.get("X-WR-CALDESC", calendar.get("DESCRIPTION")))
    assert Engagement.objects.filter(starts_at__isnull=False).count() == 0


def test_ceremony_page_shows_its_kind_days_parts_and_untimed_rows(imported, staff):
    forum = Forum.objects.get()

    page = _text(staff.get(reverse("forums:forum_detail", args=[forum.pk])))

    assert "홈 포럼 기념식 개교 기념식" in page  # breadcrumb, then the kind, not "포럼"
    assert "2026년 5월 4일 (월) ~ 2026년 5월 5일 (화) 10:00 (시간대 미상)" in page
    table = page.split("시간 계획: 개교 기념식")[1]
    assert "서울" not in table.split("시간 계획 편집")[0]
    assert table.index("2026년 5월 4일 (월) 제1부 (기념식) 10:00 10:00~10:10") < table.index("개식")
    assert "시간 미정 ▶ 국민의례" in table
    assert table.index("국민의례") < table.index("2026년 5월 5일 (화) 09:30~12:00 60'")
    assert "60' 시간 범위와 다름" in table


def test_print_view_keeps_untimed_rows_untimed_and_stated_minutes(imported, staff):
    forum = Forum.objects.get()

    printed = _text(staff.get(reverse("forums:agenda:print", args=[forum.pk])))

    assert "10:00~10:10" in printed
    assert printed.count("시간 미정") == 1
    assert "09:30~12:00 60'" in printed  # range and minutes both as written
    assert Session.objects.get(title_ko="국민의례").start_time is None


def test_floating_times_export_as_floating_and_untimed_rows_are_left_out(imported, staff):
    forum = Forum.objects.get()

    body = staff.get(reverse("forums:ical:forum", args=[forum.pk]) + "?sessions=1").content
    calendar = Calendar.from_ical(body)
    events = {str(e["SUMMARY"]).split(" · ")[0]: e for e in calendar.walk("VEVENT")}

    assert b"VTIMEZONE" not in body
    assert events["개교 기념식"].decoded("DTSTART").tzinfo is None
    assert events["개식"].decoded("DTSTART").isoformat() == "2026-05-04T10:00:00"
    assert "국민의례" not in events
    assert events["개교 기념식"]["CATEGORIES"].to_ical().decode() == "기념식"


def test_cascade_never_gives_an_untimed_row_a_time(imported):
    from forums.agenda.services import agenda_recalculate, session_update

    opening = Session.objects.get(title_ko="개식")
    session_update(session=opening, minutes=20)
    agenda_recalculate(forum=opening.forum)

    untimed = Session.objects.get(title_ko="국민의례")
    assert (untimed.start_time, untimed.starts_at) == (None, None)
    assert Session.objects.get(title_ko="체험 행사").start_time.isoformat() == "09:30:00"

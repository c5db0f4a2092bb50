"""planner.ical: building calendars that Thunderbird's ical.js, icalendar and vobject agree on."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from icalendar import Calendar

from planner.ical import (
    CANCELLED,
    CONFIRMED,
    TENTATIVE,
    CalendarEntry,
    Participant,
    build_calendar,
    build_event,
    item_uid,
)
from planner.ical_responses import calendar_response, content_disposition
from tests.ical_support import (
    assert_parsers_agree,
    assert_well_formed,
    property_values,
    unfold,
)

STAMP = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
LONG_KOREAN = (
    "슈네자나 파우노비치 세르비아 행정자치부 장관 면담 및 디지털정부 협력센터 성과 점검 회의"
)


def entry(**overrides) -> CalendarEntry:
    values = {
        "uid": item_uid("engagement", 1),
        "summary": "면담",
        "timezone": "Europe/Belgrade",
        "status": CONFIRMED,
        "stamp": STAMP,
    }
    values.update(overrides)
    return CalendarEntry(**values)


def at(zone: str, *args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))


def render(*entries: CalendarEntry, **kwargs) -> bytes:
    kwargs.setdefault("name", "테스트 달력")
    kwargs.setdefault("uid", "calendar-test@planner.mois.example")
    return build_calendar(entries, **kwargs).to_ical()


# Instants, zones and the date line -----------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "local", "expected_utc"),
    [
        # Belgrade: CEST (+02:00) in July, CET (+01:00) in January.
        ("Europe/Belgrade", (2026, 7, 10, 15, 0), "2026-07-10T13:00:00Z"),
        ("Europe/Belgrade", (2026, 1, 15, 15, 0), "2026-01-15T14:00:00Z"),
        ("Europe/Zurich", (2026, 7, 9, 10, 0), "2026-07-09T08:00:00Z"),
        ("Africa/Cairo", (2026, 7, 13, 10, 0), "2026-07-13T07:00:00Z"),
        ("Europe/London", (2026, 3, 29, 12, 0), "2026-03-29T11:00:00Z"),
        ("Asia/Seoul", (2024, 11, 14, 15, 0), "2024-11-14T06:00:00Z"),
        # The date line: Kiritimati is UTC+14, so its morning is the previous UTC day.
        ("Pacific/Kiritimati", (2026, 7, 10, 9, 0), "2026-07-09T19:00:00Z"),
        # Auckland in its summer (NZDT, +13:00) and its winter (NZST, +12:00).
        ("Pacific/Auckland", (2026, 1, 10, 9, 0), "2026-01-09T20:00:00Z"),
        ("Pacific/Auckland", (2026, 7, 10, 9, 0), "2026-07-09T21:00:00Z"),
    ],
)
def test_timed_event_is_written_in_its_local_zone_and_read_back_at_the_same_instant(
    zone, local, expected_utc
):
    start = at(zone, *local)
    body = render(entry(timezone=zone, start=start, end=start + timedelta(hours=1)))

    events = assert_parsers_agree(body)

    assert events[item_uid("engagement", 1)]["start"] == expected_utc
    assert f"DTSTART;TZID={zone}:{start:%Y%m%dT%H%M%S}" in unfold(body)
    assert_well_formed(body)


def test_every_zone_used_gets_exactly_one_vtimezone_in_a_fixed_order():
    body = render(
        entry(uid="a@x", timezone="Europe/Zurich", start=at("Europe/Zurich", 2026, 7, 9, 10)),
        entry(uid="b@x", timezone="Europe/Belgrade", start=at("Europe/Belgrade", 2026, 7, 10, 9)),
        entry(uid="c@x", timezone="Africa/Cairo", start=at("Africa/Cairo", 2026, 7, 13, 9)),
        entry(uid="d@x", timezone="Europe/Zurich", start=at("Europe/Zurich", 2026, 7, 9, 15)),
    )

    zones = [tz.tz_name for tz in Calendar.from_ical(body).timezones]

    assert zones == ["Africa/Cairo", "Europe/Belgrade", "Europe/Zurich"]
    assert_parsers_agree(body)
    assert_well_formed(body)


def test_the_same_data_gives_the_same_bytes():
    items = [
        entry(uid="a@x", start=at("Europe/Belgrade", 2026, 7, 10, 9)),
        entry(uid="b@x", timezone="Asia/Seoul", start=at("Asia/Seoul", 2026, 7, 10, 9)),
    ]

    assert render(*items) == render(*reversed(items))


# Unknown times, cancellations, unknown dates -----------------------------------------------


def test_a_date_without_a_time_is_an_all_day_tentative_event():
    body = render(entry(status=CONFIRMED, day=date(2026, 7, 10)))

    events = assert_parsers_agree(body)

    assert events[item_uid("engagement", 1)] == {
        "start": "2026-07-10",
        "all_day": True,
        "status": TENTATIVE,
        "sequence": 0,
    }
    text = unfold(body)
    assert "DTSTART;VALUE=DATE:20260710" in text
    assert "DTEND;VALUE=DATE:20260711" in text
    assert "T000000" not in text.split("BEGIN:VEVENT", 1)[1]  # never a fake midnight


def test_a_cancelled_item_stays_with_status_cancelled():
    body = render(entry(status=CANCELLED, start=at("Europe/Belgrade", 2026, 7, 10, 9)))

    events = assert_parsers_agree(body)

    assert events[item_uid("engagement", 1)]["status"] == CANCELLED
    assert "면담" in property_values(body, "SUMMARY")[0]


def test_an_item_without_a_date_is_left_out_and_named_in_the_description():
    body = render(
        entry(uid="placed@x", day=date(2026, 7, 10)),
        entry(uid="geneva@x", summary="UNCTAD 고위급 대화"),
        description="출장 일정",
    )

    events = assert_parsers_agree(body)
    description = property_values(body, "X-WR-CALDESC")[0]

    assert list(events) == ["placed@x"]
    assert description.startswith("출장 일정")
    assert "UNCTAD 고위급 대화" in description
    assert property_values(body, "DESCRIPTION")[0] == description


def test_build_event_refuses_an_item_without_a_date():
    with pytest.raises(ValueError, match="no date"):
        build_event(entry())


# Text: folding, Korean, escaping ----------------------------------------------------------


def test_long_korean_lines_are_folded_at_75_octets_and_unfold_intact():
    body = render(
        entry(
            summary=LONG_KOREAN,
            start=at("Europe/Belgrade", 2026, 7, 10, 9),
            location="세르비아 정부청사, 장관실, 베오그라드, 세르비아",
            description=f"{LONG_KOREAN}\n상대측: 슈네자나 파우노비치 (Snežana Paunović)",
        )
    )

    assert_well_formed(body)
    assert any(line.startswith(b" ") for line in body.split(b"\r\n"))  # it was folded
    event = Calendar.from_ical(body).events[0]
    assert str(event["SUMMARY"]) == LONG_KOREAN
    assert str(event["LOCATION"]) == "세르비아 정부청사, 장관실, 베오그라드, 세르비아"
    assert str(event["DESCRIPTION"]).splitlines()[1] == (
        "상대측: 슈네자나 파우노비치 (Snežana Paunović)"
    )
    assert property_values(body, "SUMMARY") == [LONG_KOREAN]


def test_stamp_sequence_url_and_stable_uid():
    body = render(
        entry(
            sequence=3,
            start=at("Europe/Belgrade", 2026, 7, 10, 9),
            url="https://planner.example/trips/1/#engagement-1",
            created=STAMP - timedelta(days=30),
        )
    )
    event = Calendar.from_ical(body).events[0]

    assert str(event["UID"]) == "engagement-1@planner.mois.example"
    assert event["SEQUENCE"] == 3
    assert event.DTSTAMP == STAMP
    assert event.LAST_MODIFIED == STAMP
    assert str(event["URL"]) == "https://planner.example/trips/1/#engagement-1"


def test_attendees_and_organizer_only_with_an_address():
    body = render(
        entry(
            start=at("Europe/Belgrade", 2026, 7, 10, 9),
            organizer=Participant(name="전창석", email="desk@mois.go.kr"),
            attendees=(
                Participant(name="김민재", email="vm@mois.go.kr", role="CHAIR"),
                Participant(name="슈네자나 파우노비치"),  # no e-mail: not an ATTENDEE
            ),
        )
    )
    event = Calendar.from_ical(body).events[0]
    attendees = event.get("ATTENDEE")

    assert str(event["ORGANIZER"]) == "mailto:desk@mois.go.kr"
    assert event["ORGANIZER"].params["CN"] == "전창석"
    assert str(attendees) == "mailto:vm@mois.go.kr"
    assert (attendees.params["CN"], attendees.params["ROLE"]) == ("김민재", "CHAIR")
    assert_parsers_agree(body)


# Responses -----------------------------------------------


def test_content_disposition_is_ascii_with_the_korean_name_in_rfc5987():
    header = content_disposition("김민재 차관 출장", "trip-1-2026-07-08")

    assert header.isascii()
    assert header.startswith('attachment; filename="trip-1-2026-07-08.ics"; ')
    assert "filename*=UTF-8''%EA%B9%80%EB%AF%BC%EC%9E%AC%20" in header


def test_calendar_response_has_type_etag_and_answers_304():
    calendar = build_calendar(
        [entry(start=at("Europe/Belgrade", 2026, 7, 10, 9))], name="달력", uid="c@x"
    )
    first = calendar_response(
        RequestFactory().get("/x.ics"), calendar, title="달력", fallback_name="c"
    )
    again = calendar_response(
        RequestFactory().get("/x.ics", headers={"If-None-Match": first["ETag"]}),
        calendar,
        title="달력",
        fallback_name="c",
    )

    assert first.status_code == 200
    assert first["Content-Type"] == "text/calendar; charset=utf-8"
    assert first["Content-Disposition"].startswith('attachment; filename="c.ics"')
    assert first.content == calendar.to_ical()
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""

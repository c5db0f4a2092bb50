"""VTIMEZONE blocks: every parser, and Outlook's reading of them, put meetings at one instant.

The zones are the hard cases of issue #13: Belgrade across both DST changes of 2026
and 2027, Cairo (DST again since 2023), Vancouver and Casablanca in 2027 (their rules
changed in the pinned tzdata 2026f: permanent -07 and permanent +00), Auckland and
Los Angeles on either side of the date line, Kathmandu's +05:45.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Timezone

from planner.ical import CONFIRMED, CalendarEntry, build_calendar
from planner.vtimezones import build_vtimezone
from tests.ical_support import assert_parsers_agree, assert_well_formed, unfold
from tests.outlook_reading import OutlookZone, events_by_outlook

MEETINGS = [
    # (zone, local wall time, the instant in UTC by the pinned tzdata)
    ("Europe/Belgrade", (2026, 3, 28, 10, 0), "2026-03-28T09:00:00Z"),
    ("Europe/Belgrade", (2026, 3, 29, 10, 0), "2026-03-29T08:00:00Z"),
    ("Europe/Belgrade", (2026, 10, 24, 10, 0), "2026-10-24T08:00:00Z"),
    ("Europe/Belgrade", (2026, 10, 25, 10, 0), "2026-10-25T09:00:00Z"),
    ("Europe/Belgrade", (2027, 3, 27, 10, 0), "2027-03-27T09:00:00Z"),
    ("Europe/Belgrade", (2027, 3, 28, 10, 0), "2027-03-28T08:00:00Z"),
    ("Europe/Belgrade", (2027, 10, 30, 10, 0), "2027-10-30T08:00:00Z"),
    ("Europe/Belgrade", (2027, 10, 31, 10, 0), "2027-10-31T09:00:00Z"),
    ("Africa/Cairo", (2026, 4, 23, 10, 0), "2026-04-23T08:00:00Z"),
    ("Africa/Cairo", (2026, 4, 24, 10, 0), "2026-04-24T07:00:00Z"),
    ("Africa/Cairo", (2026, 10, 29, 10, 0), "2026-10-29T07:00:00Z"),
    ("Africa/Cairo", (2026, 10, 30, 10, 0), "2026-10-30T08:00:00Z"),
    ("Africa/Cairo", (2027, 7, 13, 10, 0), "2027-07-13T07:00:00Z"),
    ("America/Vancouver", (2027, 1, 15, 10, 0), "2027-01-15T17:00:00Z"),
    ("America/Vancouver", (2027, 7, 15, 10, 0), "2027-07-15T17:00:00Z"),
    ("Africa/Casablanca", (2027, 1, 15, 10, 0), "2027-01-15T10:00:00Z"),
    ("Africa/Casablanca", (2027, 2, 20, 10, 0), "2027-02-20T10:00:00Z"),
    ("Pacific/Auckland", (2026, 9, 26, 10, 0), "2026-09-25T22:00:00Z"),
    ("Pacific/Auckland", (2026, 9, 27, 10, 0), "2026-09-26T21:00:00Z"),
    ("America/Los_Angeles", (2026, 9, 26, 10, 0), "2026-09-26T17:00:00Z"),
    ("Asia/Kathmandu", (2026, 7, 10, 10, 0), "2026-07-10T04:15:00Z"),
]


def _entry(number: int, zone: str, local: tuple) -> CalendarEntry:
    start = datetime(*local, tzinfo=ZoneInfo(zone))
    return CalendarEntry(
        uid=f"engagement-{number}@planner.test",
        summary=f"면담 {number}",
        timezone=zone,
        status=CONFIRMED,
        start=start,
        end=start.replace(hour=start.hour + 1),
        stamp=datetime(2026, 6, 1, tzinfo=UTC),
    )


def _render(meetings) -> bytes:
    entries = [_entry(n, zone, local) for n, (zone, local, _utc) in enumerate(meetings)]
    return build_calendar(entries, name="시간대", uid="calendar-zones@planner.test").to_ical()


def test_every_parser_and_outlook_put_each_meeting_at_the_pinned_instant():
    body = _render(MEETINGS)

    events = assert_parsers_agree(body)  # icalendar, ical.js, vobject
    assert_well_formed(body)
    expected = {f"engagement-{n}@planner.test": utc for n, (_z, _l, utc) in enumerate(MEETINGS)}
    assert {uid: event["start"] for uid, event in events.items()} == expected
    assert events_by_outlook(body) == expected


@pytest.mark.parametrize("zone", sorted({zone for zone, _local, _utc in MEETINGS}))
def test_each_zone_alone_is_read_the_same_by_outlook(zone):
    meetings = [meeting for meeting in MEETINGS if meeting[0] == zone]
    body = _render(meetings)

    events = assert_parsers_agree(body)
    assert events_by_outlook(body) == {uid: event["start"] for uid, event in events.items()}


def test_a_feed_reaching_back_to_2023_keeps_belgrades_last_sunday_rule():
    # The case: from a 2023 observance Outlook derived "4th Sunday of March".
    meetings = [
        ("Europe/Belgrade", (2023, 5, 10, 10, 0), "2023-05-10T08:00:00Z"),
        ("Europe/Belgrade", (2026, 3, 28, 10, 0), "2026-03-28T09:00:00Z"),
        ("Europe/Belgrade", (2026, 3, 29, 10, 0), "2026-03-29T08:00:00Z"),
    ]
    body = _render(meetings)

    expected = {f"engagement-{n}@planner.test": utc for n, (_z, _l, utc) in enumerate(meetings)}
    assert {uid: e["start"] for uid, e in assert_parsers_agree(body).items()} == expected
    assert events_by_outlook(body) == expected


def test_vtimezone_uses_yearly_rules_and_one_rdate_a_line():
    belgrade = build_vtimezone("Europe/Belgrade", 2026, 2027).to_ical().decode()
    casablanca = build_vtimezone("Africa/Casablanca", 2023, 2025).to_ical().decode()

    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in belgrade
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in belgrade
    assert "RDATE" not in belgrade
    rdates = [line for line in casablanca.splitlines() if line.startswith("RDATE")]
    assert rdates == [
        "RDATE:20230319T030000",
        "RDATE:20240310T030000",
        "RDATE:20230423T020000",
        "RDATE:20240414T020000",
    ]


def test_a_rule_that_stopped_gets_an_until():
    # Vancouver: the last change back to PST was 2025-11-02; from 2026-11-01, -07 all year.
    text = unfold(
        Calendar.from_ical(build_vtimezone("America/Vancouver", 2025, 2026).to_ical()).to_ical()
    )

    assert "RRULE:FREQ=YEARLY;UNTIL=20251102T090000Z;BYDAY=1SU;BYMONTH=11" in text
    assert "TZNAME:MST" in text


def test_outlook_reading_helper_can_fail():
    # The helper is not a mirror of the writer: icalendar's own block misleads it.
    legacy = Timezone.from_tzid(
        "Europe/Belgrade",
        first_date=date(2023, 1, 1),
        last_date=date(2026, 1, 1),
    )
    outlook = OutlookZone.from_vtimezone(legacy)

    wall = datetime(2026, 3, 28, 10, 0)  # noqa: DTZ001 - a wall-clock time, as Outlook reads it
    assert outlook.utc(wall) != datetime(2026, 3, 28, 9, 0, tzinfo=UTC)

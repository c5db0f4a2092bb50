"""planner.ical_import: reading the invitations counterparts send."""

from datetime import UTC, date, datetime

import pytest

from planner.ical_import import InvitationError, parse_invitation


def ics(*lines: str, method: str = "") -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    if method:
        head.append(f"METHOD:{method}")
    return ("\r\n".join([*head, *lines, "END:VCALENDAR"]) + "\r\n").encode()


def event(*lines: str) -> tuple[str, ...]:
    return (
        "BEGIN:VEVENT",
        "UID:invite-1@example.org",
        "DTSTAMP:20260601T090000Z",
        *lines,
        "END:VEVENT",
    )


@pytest.mark.parametrize(
    ("dtstart", "expected_utc", "zone_label"),
    [
        (
            "DTSTART;TZID=Europe/Belgrade:20260710T110000",
            datetime(2026, 7, 10, 9, tzinfo=UTC),
            "Europe/Belgrade",
        ),
        ("DTSTART:20260710T090000Z", datetime(2026, 7, 10, 9, tzinfo=UTC), "UTC"),
        # Outlook writes Windows zone names; without a VTIMEZONE they map to IANA (CLDR).
        (
            "DTSTART;TZID=W. Europe Standard Time:20260710T110000",
            datetime(2026, 7, 10, 9, tzinfo=UTC),
            "W. Europe Standard Time",
        ),
        (
            "DTSTART;TZID=Korea Standard Time:20260710T180000",
            datetime(2026, 7, 10, 9, tzinfo=UTC),
            "Korea Standard Time",
        ),
        (
            "DTSTART;TZID=Egypt Standard Time:20260713T100000",
            datetime(2026, 7, 13, 7, tzinfo=UTC),
            "Egypt Standard Time",
        ),
    ],
)
def test_zoned_start_times_become_instants(dtstart, expected_utc, zone_label):
    invitation = parse_invitation(ics(*event("SUMMARY:Meeting", dtstart, "DURATION:PT1H")))

    assert invitation.start == expected_utc
    assert invitation.end == invitation.start.replace(hour=invitation.start.hour + 1)
    assert invitation.zone_label == zone_label
    assert invitation.floating is False


def test_a_vtimezone_the_file_carries_is_used():
    invitation = parse_invitation(
        ics(
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone",
            "BEGIN:STANDARD",
            "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            *event("SUMMARY:x", "DTSTART;TZID=Customized Time Zone:20260710T110000"),
        )
    )

    assert invitation.start == datetime(2026, 7, 10, 9, tzinfo=UTC)
    assert invitation.floating is False


def test_a_time_without_a_zone_is_flagged_as_floating():
    invitation = parse_invitation(ics(*event("SUMMARY:x", "DTSTART:20260710T110000")))

    assert invitation.floating is True
    assert invitation.start == datetime(2026, 7, 10, 11, 0)  # noqa: DTZ001 - naive on purpose


def test_an_unknown_zone_name_is_flagged_as_floating():
    invitation = parse_invitation(
        ics(*event("SUMMARY:x", "DTSTART;TZID=Mars/Olympus:20260710T110000"))
    )

    assert invitation.floating is True
    assert invitation.zone_label == "Mars/Olympus"


def test_an_all_day_invitation_keeps_its_date():
    invitation = parse_invitation(
        ics(*event("SUMMARY:현지 일정", "DTSTART;VALUE=DATE:20260710", "DTEND;VALUE=DATE:20260711"))
    )

    assert (invitation.day, invitation.end_day, invitation.start) == (
        date(2026, 7, 10),
        date(2026, 7, 11),
        None,
    )


def test_people_text_and_flags_are_read():
    invitation = parse_invitation(
        ics(
            *event(
                "SUMMARY:Meeting with Minister Paunović",
                "DTSTART:20260710T090000Z",
                "ORGANIZER;CN=Ana Petrović:mailto:ana@mduls.gov.rs",
                "ATTENDEE;CN=Kim:mailto:kim@mois.go.kr",
                "ATTENDEE:mailto:desk@mois.go.kr",
                "LOCATION:Palace of Serbia\\, Belgrade",
                "DESCRIPTION:Line one\\nLine two",
                "RRULE:FREQ=WEEKLY;COUNT=3",
            ),
            *event("SUMMARY:second", "DTSTART:20260711T090000Z"),
            method="REQUEST",
        )
    )

    assert invitation.summary == "Meeting with Minister Paunović"
    assert invitation.organizer == "Ana Petrović <ana@mduls.gov.rs>"
    assert invitation.attendees == ["Kim <kim@mois.go.kr>", "desk@mois.go.kr"]
    assert invitation.location == "Palace of Serbia, Belgrade"
    assert invitation.description == "Line one\nLine two"
    assert (invitation.recurring, invitation.other_events, invitation.method) == (
        True,
        1,
        "REQUEST",
    )


def test_korean_text_in_euc_kr_is_read():
    content = ics(*event("SUMMARY:면담", "DTSTART:20260710T090000Z")).decode().encode("cp949")

    assert parse_invitation(content).summary == "면담"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026",
        ics(*event("SUMMARY:x")),
        ics(*event("SUMMARY:x", "DTSTART:20261310T100000")),
        ics(*event("SUMMARY:x", "DTSTART:20260710T100000Z", "DTEND:notatime")),
        ics("BEGIN:VTODO", "UID:x", "END:VTODO"),
        ics(*event("SUMMARY:x", "DTSTART:20260710T090000Z"), method="CANCEL"),
        b"BEGIN:VCALENDAR\r\n" + b"X" * (1024 * 1024),
    ],
)
def test_anything_unusable_raises_an_invitation_error(content):
    with pytest.raises(InvitationError) as raised:
        parse_invitation(content)

    assert str(raised.value)

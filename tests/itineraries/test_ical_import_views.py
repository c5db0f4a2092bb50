"""Importing a counterpart's invitation (.ics) into a trip as a tentative engagement."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from itineraries.models import Engagement
from tests.factories import StopFactory, TripFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


# Import an invitation -----------------------------------------------


def ics(*lines: str) -> bytes:
    return (
        "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR"]) + "\r\n"
    ).encode()


OUTLOOK_INVITATION = ics(
    "METHOD:REQUEST",
    "PRODID:Microsoft Exchange Server 2010",
    "BEGIN:VTIMEZONE",
    "TZID:Central Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "ORGANIZER;CN=Ana Petrović:mailto:ana.petrovic@mduls.gov.rs",
    "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN=Kim Min-jae:mailto:vm@mois.go.kr",
    "UID:040000008200E00074C5B7101A82E00800000000",
    "SUMMARY;LANGUAGE=en-US:Meeting with Minister Paunović",
    "DTSTART;TZID=Central Europe Standard Time:20260710T110000",
    "DTEND;TZID=Central Europe Standard Time:20260710T120000",
    "LOCATION:Palace of Serbia\\, Belgrade",
    "DESCRIPTION:Digital government cooperation.",
    "DTSTAMP:20260601T090000Z",
    "END:VEVENT",
)


@pytest.fixture
def belgrade_trip():
    trip = TripFactory(start_date=date(2026, 7, 8), end_date=date(2026, 7, 15))
    StopFactory(
        trip=trip,
        order=1,
        city_ko="제네바",
        city_en="Geneva",
        country="CH",
        timezone="Europe/Zurich",
        arrival_date=date(2026, 7, 8),
        departure_date=date(2026, 7, 9),
    )
    belgrade = StopFactory(
        trip=trip,
        order=2,
        city_ko="베오그라드",
        city_en="Belgrade",
        country="RS",
        timezone="Europe/Belgrade",
        arrival_date=date(2026, 7, 9),
        departure_date=date(2026, 7, 12),
    )
    return trip, belgrade


def upload(client, trip, content: bytes, name: str = "invite.ics"):
    return client.post(
        reverse("itineraries_ical:import", args=[trip.pk]),
        {"step": "upload", "file": SimpleUploadedFile(name, content, "text/calendar")},
    )


@pytest.mark.parametrize(
    ("content", "start_time", "zone_shown"),
    [
        (OUTLOOK_INVITATION, "11:00", "Central Europe Standard Time"),
        (
            ics(
                "BEGIN:VEVENT",
                "UID:x@y",
                "SUMMARY:면담",
                "DTSTART;TZID=Europe/Belgrade:20260710T110000",
                "DTEND;TZID=Europe/Belgrade:20260710T120000",
                "END:VEVENT",
            ),
            "11:00",
            "Europe/Belgrade",
        ),
        (
            ics(
                "BEGIN:VEVENT",
                "UID:x@y",
                "SUMMARY:Call",
                "DTSTART:20260710T090000Z",
                "DURATION:PT1H",
                "END:VEVENT",
            ),
            "11:00",
            "UTC",
        ),
        (  # Seoul 18:00 is 11:00 in Belgrade
            ics(
                "BEGIN:VEVENT",
                "UID:x@y",
                "SUMMARY:화상 면담",
                "DTSTART;TZID=Asia/Seoul:20260710T180000",
                "END:VEVENT",
            ),
            "11:00",
            "Asia/Seoul",
        ),
    ],
)
def test_import_shows_a_draft_in_local_time_at_the_stop(
    staff_client, belgrade_trip, content, start_time, zone_shown
):
    trip, belgrade = belgrade_trip

    response = upload(staff_client, trip, content)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["stop"] == belgrade.pk
    assert form.initial["date"] == date(2026, 7, 10)
    assert form.initial["start_time"].strftime("%H:%M") == start_time
    assert form.initial["status"] == Engagement.Status.TENTATIVE
    assert zone_shown in dict(response.context["preview"])
    assert Engagement.objects.count() == 0  # nothing saved before confirmation


def test_import_confirmation_saves_a_tentative_engagement_at_the_right_instant(
    staff_client, belgrade_trip
):
    trip, belgrade = belgrade_trip
    draft = upload(staff_client, trip, OUTLOOK_INVITATION).context["form"]
    data = {"step": "confirm", "revision": ""}
    for name, field in draft.fields.items():
        value = draft.initial.get(name, field.initial)
        data[name] = "" if value is None else value
    data["start_time"] = draft.initial["start_time"].strftime("%H:%M")
    data["end_time"] = draft.initial["end_time"].strftime("%H:%M")

    response = staff_client.post(reverse("itineraries_ical:import", args=[trip.pk]), data)

    engagement = Engagement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == engagement.get_absolute_url()
    assert engagement.stop == belgrade
    assert engagement.status == Engagement.Status.TENTATIVE
    assert engagement.starts_at == datetime(2026, 7, 10, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert engagement.ends_at == datetime(2026, 7, 10, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert engagement.title_ko == "Meeting with Minister Paunović"
    assert "Ana Petrović <ana.petrovic@mduls.gov.rs>" in engagement.notes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a calendar", "iCalendar(.ics) 파일이 아닙니다"),
        (b"\xff\xfe\x00garbage\x00", "iCalendar(.ics) 파일이 아닙니다"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026", "읽을 수 없습니다"),
        (
            ics("BEGIN:VEVENT", "UID:x", "SUMMARY:x", "DTSTART:20261310T100000", "END:VEVENT"),
            "시작",
        ),
        (ics("BEGIN:VEVENT", "UID:x", "SUMMARY:x", "END:VEVENT"), "시작 일시(DTSTART)"),
        (ics("BEGIN:VTODO", "UID:x", "END:VTODO"), "일정(VEVENT)"),
        (b"", "빈 파일"),
    ],
)
def test_import_rejects_garbage_with_a_korean_message(
    staff_client, belgrade_trip, content, message
):
    trip, _ = belgrade_trip

    response = upload(staff_client, trip, content)

    assert response.status_code == 200
    assert response.context["form"] is None
    assert message in response.content.decode()
    assert Engagement.objects.count() == 0


def test_import_is_for_editors_only(client, belgrade_trip):
    trip, _ = belgrade_trip
    viewer = UserFactory()
    viewer.groups.add(Group.objects.get_or_create(name="viewer")[0])
    client.force_login(viewer)

    assert client.get(reverse("itineraries_ical:import", args=[trip.pk])).status_code == 403
    assert upload(client, trip, OUTLOOK_INVITATION).status_code == 403

"""Defect 8 of issue #15, case by case: the inputs that were server errors get a message.

Each case here was a 500 before (the probe's list); ``test_fuzz.py`` sends these and
more to every URL pattern.
"""

from __future__ import annotations

import io
import re
import time
from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from forums.models import Attendee, Forum
from tests import factories as f
from tests.forums.attendee_support import upload, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user_in("editor"))
    client.raise_request_exception = False
    return client


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"month": "9999-12"}, "Dates from 1900-01-01 to 2199-12-31 only."),
        ({"month": "0001-01"}, "Dates from 1900-01-01 to 2199-12-31 only."),
        ({"month": "1-1"}, "month: not a month (YYYY-MM)."),
    ],
)
def test_calendar_month_out_of_range_is_a_400_with_a_message(editor, query, message):
    response = editor.get(reverse("calendar:month"), query)

    assert response.status_code == 400
    assert message in text(response)


def test_calendar_week_of_year_9999_is_a_400(editor):
    response = editor.get(reverse("calendar:week"), {"start": "9999-12-31"})

    assert response.status_code == 400
    assert "start: Dates from 1900-01-01 to 2199-12-31 only." in text(response)


def test_engagement_add_with_february_30_is_a_400(editor):
    trip = f.TripFactory()

    response = editor.get(
        reverse("itineraries:engagement_add", args=[trip.pk]), {"date": "2026-02-30"}
    )

    assert response.status_code == 400
    assert "date: not a date (YYYY-MM-DD)." in text(response)


@pytest.mark.parametrize("name", ["forums:agenda:print", "forums:agenda:pdf"])
def test_agenda_version_with_5000_digits_is_a_400(editor, name):
    forum = f.ForumFactory()

    response = editor.get(reverse(name, args=[forum.pk]), {"version": "9" * 5000})

    assert response.status_code == 400
    assert "version: not a number." in text(response)


def _xlsx(sheets: int = 1, rows=()) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    if sheets == 0:
        workbook.remove(workbook.active)
        workbook.create_chartsheet()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bom.csv", b"\xef\xbb\xbf"),
        ("bom-lines.csv", b"\xef\xbb\xbf\r\n\r\n"),
        ("empty.xlsx", _xlsx()),
        ("sheetless.xlsx", _xlsx(sheets=0)),
        ("truncated.xlsx", _xlsx(rows=[["이름", "소속"], ["김민준", "행정안전부"]])[:2000]),
    ],
)
def test_attendee_import_of_a_broken_file_is_a_form_error(editor, name, content):
    forum = f.ForumFactory()

    response = editor.post(
        reverse("forums:attendees:import_upload", args=[forum.pk]), {"file": upload(name, content)}
    )

    assert response.status_code == 400
    assert 'class="form-hint-invalid"' in text(response)
    assert Attendee.objects.count() == 0


def _ics(*lines: str) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", *lines, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


@pytest.mark.parametrize(
    "event",
    [
        ["DTSTART;VALUE=DATE:00010101"],
        ["DTSTART:00010101T090000Z", "DTEND:00010101T100000Z"],
        ["DTSTART:99991231T230000Z", "DTEND:99991231T235959Z"],
        ["DTSTART;VALUE=DATE:99991231"],
    ],
)
def test_invitation_dated_year_1_or_9999_is_refused_with_a_message(editor, event):
    trip = f.TripFactory()
    content = _ics("BEGIN:VEVENT", "UID:a@b", "SUMMARY:x", *event, "END:VEVENT")

    response = editor.post(
        reverse("itineraries_ical:import", args=[trip.pk]),
        {"step": "upload", "file": SimpleUploadedFile("a.ics", content)},
    )

    assert response.status_code in (200, 400)
    assert "Dates from 1900-01-01 to 2199-12-31 only." in text(response)
    assert trip.engagements.count() == 0


def test_invitation_with_a_misspelt_component_is_refused_with_a_message(editor):
    trip = f.TripFactory()
    content = _ics(
        "BEGIN:VTIMEZNE",
        "TZID:X",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "DTSTART:20260710T090000Z",
        "END:VEVENT",
    )

    response = editor.post(
        reverse("itineraries_ical:import", args=[trip.pk]),
        {"step": "upload", "file": SimpleUploadedFile("a.ics", content)},
    )

    assert response.status_code in (200, 400)
    assert "The calendar file could not be read" in text(response)


def test_registration_closing_in_year_1_is_a_form_error(editor):
    forum = f.ForumFactory()

    response = editor.post(
        reverse("forums:attendees:registration_settings", args=[forum.pk]),
        {"registration_open": "on", "closes_at": "0001-01-01T09:00", "capacity": "10"},
    )

    assert response.status_code in (200, 400)
    assert "Dates from 1900-01-01 to 2199-12-31 only." in text(response)
    forum.refresh_from_db()
    assert forum.registration_closes_at is None


def test_registration_closing_inside_a_dst_gap_is_a_form_error(editor):
    forum = f.ForumFactory(venue__timezone="Europe/Belgrade", timezone="Europe/Belgrade")

    response = editor.post(
        reverse("forums:attendees:registration_settings", args=[forum.pk]),
        {"registration_open": "on", "closes_at": "2026-03-29T02:30", "capacity": "10"},
    )

    assert "02:30 does not exist on 2026-03-29 in Europe/Belgrade" in text(response)
    forum.refresh_from_db()
    assert forum.registration_closes_at is None


def test_engagement_of_year_1_with_a_time_is_a_form_error(editor):
    stop = f.StopFactory()
    url = reverse("itineraries:engagement_add", args=[stop.trip_id])

    response = editor.post(
        url,
        {
            "title_ko": "면담",
            "stop": stop.pk,
            "date": "0001-01-01",
            "start_time": "00:30",
            "end_time": "01:00",
            "timezone": "Asia/Seoul",
            "status": "tentative",
        },
    )

    assert response.status_code in (200, 400)
    assert "Dates from 1900-01-01 to 2199-12-31 only." in text(response)
    assert stop.trip.engagements.count() == 0


def test_public_registration_with_a_300_character_email_is_a_form_error(client):
    cache.clear()
    forum = f.ForumFactory(
        status=Forum.Status.ANNOUNCED,
        registration_open=True,
        registration_closes_at=f.open_until(),
        capacity=10,
    )
    url = reverse("registration:register", args=[forum.pk])
    token = re.search(r'name="token" value="([^"]+)"', text(client.get(url))).group(1)
    email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".com"

    response = client.post(
        url, {"token": token, "name": "김민준", "email": email, "consent": "on", "website": ""}
    )

    assert response.status_code == 400
    assert Attendee.objects.count() == 0
    cache.clear()


def test_trip_of_thirty_years_is_a_form_error(editor):
    organisation = f.OrganisationFactory()

    response = editor.post(
        reverse("itineraries:trip_add"),
        {
            "title_ko": "장기 출장",
            "organisation": organisation.pk,
            "start_date": "2026-01-01",
            "end_date": "2056-01-01",
            "status": "planned",
            "transfer_buffer_minutes": "60",
        },
    )

    assert response.status_code in (200, 400)
    assert "A trip can last at most 370 days." in text(response)


def test_a_stored_30_year_trip_renders_at_most_370_empty_days(editor):
    trip = f.TripFactory(start_date=date(2026, 1, 1), end_date=date(2056, 1, 1))
    f.EngagementFactory(stop__trip=trip, date=date(2050, 5, 5), title_ko="먼 훗날 면담")

    started = time.monotonic()
    response = editor.get(trip.get_absolute_url())

    page = text(response)
    assert response.status_code == 200
    assert "먼 훗날 면담" in page
    assert page.count('class="day-title"') == 371  # 370 days from the start, and 2050-05-05
    assert time.monotonic() - started < 4

"""Defects 4 and 12 of issue #15: control and bidi-override characters at the edges."""

import io
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from forums.models import Attendee
from itineraries.models import Trip
from planner.text import clean_block, clean_line
from tests import factories as f
from tests.forums.attendee_support import AttendeeFactory, upload, user_in

pytestmark = pytest.mark.django_db

RLO = "\u202e"


@pytest.mark.parametrize(
    ("raw", "line", "block"),
    [
        ("김\x01민준", "김민준", "김민준"),
        (f"invoice{RLO}gpj.exe", "invoicegpj.exe", "invoicegpj.exe"),
        ("a\r\nb\tc", "a b c", "a\nb\tc"),
        ("x\u2066y\u2069z\x7f\x9f", "xyz", "xyz"),
        ("\u200f مرحبا", "\u200f مرحبا", "\u200f مرحبا"),
    ],
)
def test_clean_line_and_block(raw, line, block):
    assert (clean_line(raw), clean_block(raw)) == (line, block)


def test_a_row_saved_outside_a_form_loses_control_characters():
    trip = f.TripFactory(title_ko=f"차관{RLO} 출장\x01", title_en="Trip\x0b")

    trip.refresh_from_db()

    assert (trip.title_ko, trip.title_en) == ("차관 출장", "Trip")


@pytest.fixture
def editor(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user_in("editor"))
    return client


def test_xlsx_export_survives_a_name_stored_with_a_control_character(editor):
    forum = f.ForumFactory(capacity=10)
    attendee = AttendeeFactory(forum=forum, name="홍길동")
    # As rows stored before the cleaning existed: update() bypasses every hook.
    Attendee.objects.filter(pk=attendee.pk).update(name="홍\x01길동", notes="a\x02b")

    response = editor.get(reverse("forums:attendees:export_xlsx", args=[forum.pk]))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=1).value == "홍길동"


def test_public_registration_strips_control_and_bidi_characters(client):
    cache.clear()
    forum = f.ForumFactory(
        registration_open=True, registration_closes_at=f.open_until(), capacity=10
    )
    url = reverse("registration:register", args=[forum.pk])
    page = client.get(url).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    client.post(
        url,
        {
            "token": token,
            "name": f"김\x01민{RLO}준",
            "email": "minjun@example.com",
            "consent": "on",
            "website": "",
        },
    )

    attendee = Attendee.objects.get(forum=forum)
    assert attendee.name == "김민준"
    cache.clear()


def test_csv_import_strips_control_characters(editor):
    forum = f.ForumFactory(capacity=10)
    content = "이름,소속\n김\x01민준,행정\x02안전부\n".encode()
    editor.post(
        reverse("forums:attendees:import_upload", args=[forum.pk]),
        {"file": upload("a.csv", content)},
    )
    page = editor.get(reverse("forums:attendees:import_preview", args=[forum.pk])).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    editor.post(reverse("forums:attendees:import_confirm", args=[forum.pk]), {"token": token})

    attendee = Attendee.objects.get(forum=forum)
    assert (attendee.name, attendee.organisation_name) == ("김민준", "행정안전부")


def test_trip_form_turns_a_line_break_in_the_title_into_a_space(editor):
    organisation = f.OrganisationFactory()
    response = editor.post(
        reverse("itineraries:trip_add"),
        {
            "title_ko": f"제네바{RLO}\r\n출장",
            "start_date": "2026-07-08",
            "end_date": "2026-07-15",
            "status": Trip.Status.PLANNED,
            "transfer_buffer_minutes": "60",
            "organisation": organisation.pk,
        },
    )

    assert response.status_code == 302
    assert Trip.objects.get().title_ko == "제네바 출장"

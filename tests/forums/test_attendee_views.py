"""The staff attendee pages: list, filters, totals, exports, edits, deletion, print lists."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forums.models import Attendee
from tests import factories as f
from tests.forums.attendee_support import AttendeeFactory, user_in

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def forum():
    return f.ForumFactory(capacity=200)


def login(client, settings, group):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user_in(group))
    return client


@pytest.fixture
def editor_client(client, settings):
    return login(client, settings, "editor")


@pytest.fixture
def viewer_client(client, settings):
    return login(client, settings, "viewer")


@pytest.fixture
def sample(forum):
    return [
        AttendeeFactory(forum=forum, name="김민준", organisation_name="행정안전부"),
        AttendeeFactory(
            forum=forum,
            name="박지훈",
            organisation_name="서울특별시",
            category=Attendee.Category.LOCAL,
            status=Attendee.Status.CONFIRMED,
        ),
        AttendeeFactory(
            forum=forum,
            name="이서연",
            organisation_name="행정안전부",
            status=Attendee.Status.CANCELLED,
        ),
        AttendeeFactory(
            forum=forum,
            name="가나다",
            organisation_name="경기도",
            category=Attendee.Category.LOCAL,
            status=Attendee.Status.WAITLISTED,
        ),
    ]


def list_url(forum, **params):
    from urllib.parse import urlencode

    url = reverse("forums:attendees:list", args=[forum.pk])
    return f"{url}?{urlencode(params)}" if params else url


def test_list_needs_a_login(client, forum):
    response = client.get(list_url(forum))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_list_shows_attendees_and_totals_by_status_and_category(viewer_client, forum, sample):
    response = viewer_client.get(list_url(forum))

    content = response.content.decode()
    assert all(a.name in content for a in sample)
    totals = response.context["totals"]
    assert totals["all"] == 4
    assert totals["status"]["registered"] == 1
    assert totals["status"]["cancelled"] == 1
    assert totals["category"]["local"] == 2
    assert totals["category"]["central"] == 2


def test_contact_columns_are_for_staff_only(client, settings, forum, sample):
    login(client, settings, None)  # logged in, but in no staff group: denied by default

    response = client.get(list_url(forum))

    content = response.content.decode()
    assert response.status_code == 403
    assert "김민준" not in content
    assert sample[0].email not in content
    assert sample[0].phone not in content


def test_staff_see_contact_columns(viewer_client, forum, sample):
    content = viewer_client.get(list_url(forum)).content.decode()

    assert sample[0].email in content
    assert sample[0].phone in content


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"status": "confirmed"}, ["박지훈"]),
        ({"category": "local"}, ["가나다", "박지훈"]),
        ({"organisation": "행정안전부"}, ["김민준", "이서연"]),
        ({"q": "서울"}, ["박지훈"]),
        ({"category": "local", "status": "waitlisted"}, ["가나다"]),
    ],
)
def test_filters(viewer_client, forum, sample, params, names):
    response = viewer_client.get(list_url(forum, **params))

    assert [row.record.name for row in response.context["table"].page.object_list] == names


@pytest.mark.parametrize(
    "params", [{"status": "bogus"}, {"sort": "nope"}, {"page": "999"}, {"organisation": "없는곳"}]
)
def test_odd_parameters_do_not_break_the_list(viewer_client, forum, sample, params):
    page = viewer_client.get(list_url(forum, **params))
    export = viewer_client.get(reverse("forums:attendees:export_csv", args=[forum.pk]), params)

    assert page.status_code in (200, 404)
    assert export.status_code == 200


def test_htmx_sort_returns_only_the_table(viewer_client, forum, sample):
    response = viewer_client.get(
        list_url(forum, sort="-name"), headers={"HX-Request": "true", "HX-Target": "table-region"}
    )

    content = response.content.decode()
    assert "<html" not in content
    assert content.strip().startswith('<div id="table-region"')
    names = [row.record.name for row in response.context["table"].page.object_list]
    assert names == ["이서연", "박지훈", "김민준", "가나다"]


def test_pages_of_fifty(viewer_client, forum):
    Attendee.objects.bulk_create([Attendee(forum=forum, name=f"참석자{i:03d}") for i in range(120)])

    page3 = viewer_client.get(list_url(forum, page=3))

    table = page3.context["table"]
    assert table.paginator.num_pages == 3
    assert len(table.page.object_list) == 20


def make_attendees(forum, count):
    Attendee.objects.bulk_create(
        [
            Attendee(
                forum=forum,
                name=f"참석자{i:05d}",
                organisation_name=f"기관{i % 40}",
                email=f"p{i}@korea.kr",
                phone=f"010-2000-{i % 10000:04d}",
                category=Attendee.Category.values[i % 8],
                status=Attendee.Status.values[i % 5],
            )
            for i in range(count)
        ],
        batch_size=1000,
    )


@pytest.mark.parametrize("count", [10, 5000])
def test_list_renders_in_constant_queries(editor_client, forum, count, django_assert_num_queries):
    make_attendees(forum, count)
    editor_client.get(list_url(forum))  # warm the session and content types

    # session, user, groups, forum, organisation choices, totals, count, page rows
    with django_assert_num_queries(8):
        response = editor_client.get(list_url(forum, sort="organisation_name"))

    assert len(response.context["table"].page.object_list) == min(count, 50)


@pytest.mark.parametrize("count", [10, 5000])
def test_htmx_table_renders_in_constant_queries(
    editor_client, forum, count, django_assert_num_queries
):
    make_attendees(forum, count)

    # session, user, groups, forum, organisation choices, count, page rows
    with django_assert_num_queries(7):
        editor_client.get(
            list_url(forum, page=2), headers={"HX-Request": "true", "HX-Target": "table-region"}
        )


def test_csv_export_is_the_filtered_list_with_bom(viewer_client, forum, sample):
    response = viewer_client.get(
        reverse("forums:attendees:export_csv", args=[forum.pk]) + "?category=local"
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:7] == ["이름", "소속", "직위", "이메일", "연락처", "구분", "상태"]
    assert [row[0] for row in rows[1:]] == ["가나다", "박지훈"]
    assert rows[2][4] == sample[1].phone


def test_export_leaves_out_contacts_for_non_staff(client, settings, forum, sample):
    login(client, settings, None)

    response = client.get(reverse("forums:attendees:export_csv", args=[forum.pk]))

    text = response.content.decode("utf-8-sig")
    assert "이메일" not in text.splitlines()[0]
    assert sample[0].email not in text


def test_xlsx_export_opens_with_the_rows(viewer_client, forum, sample):
    response = viewer_client.get(
        reverse("forums:attendees:export_xlsx", args=[forum.pk]) + "?organisation=행정안전부"
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("이름", "소속", "직위")
    assert [row[0] for row in values[1:]] == ["김민준", "이서연"]
    assert values[1][4] == sample[0].phone  # text, leading 0 kept


def test_export_guards_against_formulas(viewer_client, forum):
    AttendeeFactory(forum=forum, name="=1+2", organisation_name="@SUM(A1)")

    response = viewer_client.get(reverse("forums:attendees:export_csv", args=[forum.pk]))

    row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
    assert row[:2] == ["'=1+2", "'@SUM(A1)"]


def test_editor_adds_an_attendee(editor_client, forum):
    response = editor_client.post(
        reverse("forums:attendees:create", args=[forum.pk]),
        {
            "name": "최수빈",
            "organisation_name": "경기도",
            "position": "팀장",
            "email": "Subin@GG.go.kr",
            "phone": "03180082345",
            "category": "local",
            "status": "registered",
            "notes": "",
        },
    )

    assert response.status_code == 302
    attendee = forum.attendees.get()
    assert (attendee.email, attendee.phone) == ("subin@gg.go.kr", "031-8008-2345")
    assert attendee.source == Attendee.Source.STAFF


def test_add_refuses_a_second_registration_with_the_same_email(editor_client, forum, sample):
    response = editor_client.post(
        reverse("forums:attendees:create", args=[forum.pk]),
        {
            "name": "X",
            "email": sample[0].email.upper(),
            "category": "other",
            "status": "registered",
        },
    )

    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert forum.attendees.count() == 4


def test_editor_marks_attended_by_hand_and_the_time_follows(editor_client, forum, sample):
    attendee = sample[0]
    data = {
        "name": attendee.name,
        "organisation_name": attendee.organisation_name,
        "email": attendee.email,
        "category": attendee.category,
        "status": "attended",
    }

    editor_client.post(reverse("forums:attendees:update", args=[forum.pk, attendee.pk]), data)

    attendee.refresh_from_db()
    assert attendee.status == "attended"
    assert attendee.checked_in_at is not None


def test_viewer_cannot_change_or_delete(viewer_client, forum, sample):
    attendee = sample[0]

    edit = viewer_client.post(reverse("forums:attendees:update", args=[forum.pk, attendee.pk]), {})
    erase = viewer_client.post(reverse("forums:attendees:erase", args=[forum.pk, attendee.pk]))

    assert (edit.status_code, erase.status_code) == (403, 403)
    assert Attendee.objects.filter(pk=attendee.pk).exists()


def test_delete_on_request_asks_first_then_removes_all_personal_data(editor_client, forum, sample):
    attendee = sample[0]
    url = reverse("forums:attendees:erase", args=[forum.pk, attendee.pk])

    page = editor_client.get(url)
    assert "deleted, not anonymised" in page.content.decode()
    assert Attendee.objects.filter(pk=attendee.pk).exists()

    response = editor_client.post(url)

    assert response.status_code == 302
    assert not Attendee.objects.filter(pk=attendee.pk).exists()
    assert not Attendee.objects.filter(email=attendee.email).exists()


def test_attendee_of_another_forum_is_not_found(editor_client, sample):
    other = f.ForumFactory()

    response = editor_client.get(reverse("forums:attendees:update", args=[other.pk, sample[0].pk]))

    assert response.status_code == 404


def test_sign_in_sheet_lists_seated_people_by_name_with_a_signature_column(
    viewer_client, forum, sample
):
    response = viewer_client.get(reverse("forums:attendees:sign_in_sheet", args=[forum.pk]))

    content = response.content.decode()
    assert [a.name for a in response.context["attendees"]] == ["김민준", "박지훈"]
    assert "<thead>" in content and "signature" in content
    assert "이서연" not in content  # cancelled
    assert "가나다" not in content  # waitlisted
    assert sample[0].email not in content


def test_name_list_can_be_ordered_by_organisation(viewer_client, forum, sample):
    response = viewer_client.get(
        reverse("forums:attendees:name_list", args=[forum.pk]) + "?order=organisation"
    )

    assert [a.organisation_name for a in response.context["attendees"]] == [
        "서울특별시",
        "행정안전부",
    ]


def test_registration_settings_are_saved_in_the_forum_zone(editor_client, forum):
    response = editor_client.post(
        reverse("forums:attendees:registration_settings", args=[forum.pk]),
        {
            "registration_open": "on",
            "closes_at": "2024-11-13T18:00",
            "capacity": "150",
            "registration_fields": ["organisation", "phone"],
            "privacy_purpose": "",
            "privacy_items": "",
            "privacy_retention": "행사 종료 후 6개월",
        },
    )

    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.registration_open is True
    assert forum.registration_closes_at == datetime(2024, 11, 13, 18, 0, tzinfo=SEOUL)
    assert forum.capacity == 150
    assert forum.registration_fields == ["organisation", "phone"]
    assert forum.privacy_retention == "행사 종료 후 6개월"


def test_viewer_cannot_open_registration_settings(viewer_client, forum):
    response = viewer_client.get(reverse("forums:attendees:registration_settings", args=[forum.pk]))

    assert response.status_code == 403


def test_forum_page_links_to_the_attendee_pages(viewer_client, forum):
    response = viewer_client.get(forum.get_absolute_url())

    content = response.content.decode()
    assert reverse("forums:attendees:list", args=[forum.pk]) in content
    assert reverse("forums:attendees:check_in", args=[forum.pk]) in content
    assert reverse("registration:register", args=[forum.pk]) in content


def test_organisation_filter_offers_all_once_then_each_organisation(viewer_client, forum, sample):
    response = viewer_client.get(list_url(forum))

    select = re.search(
        r'<select name="organisation".*?</select>', response.content.decode(), re.S
    ).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == [
        "All",
        "경기도",
        "서울특별시",
        "행정안전부",
    ]


def test_attendee_table_shows_email_and_phone_in_one_contact_column(viewer_client, forum, sample):
    response = viewer_client.get(list_url(forum))

    table = response.context["table"]
    assert [column.name for column in table.columns][-3:] == ["checked_in_at", "contact", "source"]
    assert f'<span class="att-email">{sample[0].email}</span>' in response.content.decode()


def _staff_add(client, forum, phone):
    data = {"name": "최수빈", "organisation_name": "경기도", "phone": phone}
    data.update(category="local", status="registered", email="", position="", notes="")
    return client.post(reverse("forums:attendees:create", args=[forum.pk]), data)


@pytest.mark.parametrize(
    ("typed", "stored"), [("+41 22 917 1234", "+41229171234"), ("1012345678", "010-1234-5678")]
)
def test_staff_form_formats_the_phone_number(editor_client, forum, typed, stored):
    _staff_add(editor_client, forum, typed)

    assert list(forum.attendees.values_list("phone", flat=True)) == [stored]


def test_staff_form_refuses_a_truncated_mobile_number(editor_client, forum):
    response = _staff_add(editor_client, forum, "010-1111-222")

    assert list(response.context["form"].errors) == ["phone"]
    assert forum.attendees.count() == 0

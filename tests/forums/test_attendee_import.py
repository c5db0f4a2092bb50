"""Importing attendee lists: reading files, checking rows, preview, confirmation, round trip."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from forums.attendees.importing import ExistingIndex, ImportFileError, preview_file
from forums.attendees.values import clean_text, normalise_phone, parse_category
from forums.models import Attendee
from tests import factories as f
from tests.forums.attendee_support import (
    AttendeeFactory,
    data_file,
    people,
    upload,
    user_in,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

CLEAN_NAMES = {"김민준", "이서연", "박지훈", "최수빈", "정우진", "강하은", "조현우", "윤서아"}
CLEAN_NAMES |= {"장도윤", "한지민"}


@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in English, the msgids; Korean comes from the translation.
    with translation.override("en"):
        yield


@pytest.fixture
def forum():
    return f.ForumFactory(capacity=200)


@pytest.fixture
def editor_client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user_in("editor"))
    return client


def upload_file(client, forum, name, content):
    url = reverse("forums:attendees:import_upload", args=[forum.pk])
    return client.post(url, {"file": upload(name, content)})


def confirm(client, forum):
    token = client.session[f"attendee-import-{forum.pk}"]["token"]
    return client.post(
        reverse("forums:attendees:import_confirm", args=[forum.pk]), {"token": token}
    )


# Values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("010-1234-5678", "010-1234-5678"),
        ("01012345678", "010-1234-5678"),
        ("010 1234 5678", "010-1234-5678"),
        ("010.1234.5678", "010-1234-5678"),
        ("011-123-4567", "011-123-4567"),
        ("02-123-4567", "02-123-4567"),
        ("0221331234", "02-2133-1234"),
        ("044-205-2781", "044-205-2781"),
        ("0442052781", "044-205-2781"),
        ("031-8008-2345", "031-8008-2345"),
        ("070-1234-5678", "070-1234-5678"),
        ("1588-1234", "1588-1234"),
        ("+82 10-3456-7890", "010-3456-7890"),
        ("+82 (0)2 123 4567", "02-123-4567"),
        ("1012345678", "010-1234-5678"),  # Excel dropped the leading 0
        ("'+82 10-3456-7890", "010-3456-7890"),  # the export's formula guard
        ("+41 22 917 1234", "+41229171234"),  # foreign numbers kept in E.164
        ("０１０－１２３４－５６７８", "010-1234-5678"),  # full-width digits
    ],
)
def test_normalise_phone_accepts_korean_formats(raw, expected):
    assert normalise_phone(clean_text(raw)) == expected


@pytest.mark.parametrize(
    "raw", ["123-45", "010-12-34", "전화 없음", "02-1234", "+1 23", "099-123", "010-1111-222"]
)
def test_normalise_phone_refuses_what_is_not_a_number(raw):
    with pytest.raises(ValueError):
        normalise_phone(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("중앙부처", Attendee.Category.CENTRAL),
        ("지자체", Attendee.Category.LOCAL),
        ("지방자치단체", Attendee.Category.LOCAL),
        ("central government", Attendee.Category.CENTRAL),
        ("public_body", Attendee.Category.PUBLIC_BODY),
        ("", Attendee.Category.OTHER),
    ],
)
def test_parse_category_reads_codes_labels_and_korean_words(raw, expected):
    assert parse_category(raw) == expected


# Reading and checking files -------------------------------------------------------


def test_clean_csv_rows_are_all_ok_and_normalised():
    preview = preview_file(data_file("clean.csv"), existing=ExistingIndex())

    assert preview.counts == {"ok": 10, "error": 0, "duplicate": 0}
    assert {row.values["name"] for row in preview.rows} == CLEAN_NAMES
    by_name = {row.values["name"]: row.values for row in preview.rows}
    assert by_name["이서연"]["phone"] == "010-1234-5678"
    assert by_name["정우진"]["phone"] == "02-2007-0501"
    assert by_name["장도윤"]["phone"] == "010-3456-7890"
    assert by_name["강하은"]["category"] == Attendee.Category.PUBLIC_BODY
    assert by_name["조현우"]["category"] == Attendee.Category.LOCAL
    assert [row.line for row in preview.rows][:2] == [2, 3]


def test_error_rows_say_why_in_plain_words():
    preview = preview_file(data_file("errors.csv"), existing=ExistingIndex())

    assert preview.counts == {"ok": 3, "error": 4, "duplicate": 2}
    messages = {row.line: row.messages for row in preview.rows}
    assert messages[3] == ["The name (이름) is empty."]
    assert messages[4] == ["The e-mail address “seoyeon.lee@@korea.kr” is not valid."]
    assert messages[5] == [
        "The phone number “123-45” is not valid. Write it like 010-1234-5678 or 02-123-4567."
    ]
    assert messages[6][0].startswith("Unknown category (구분) “우주기관”. Use one of:")
    assert messages[7] == ["Same e-mail as row 2."]
    assert messages[9] == ["Same name and organisation as row 8."]


def test_duplicates_of_people_already_registered_are_found():
    forum = f.ForumFactory()
    AttendeeFactory(forum=forum, name="다른이름", email="minjun.kim@korea.kr")
    AttendeeFactory(
        forum=forum, name="박지훈", organisation_name="서울특별시 디지털정책과", email=""
    )

    preview = preview_file(data_file("clean.csv"), existing=ExistingIndex.for_forum(forum))

    duplicates = {row.values["name"]: row.messages for row in preview.rows if not row.is_ok}
    assert duplicates == {
        "김민준": ["Already registered for this forum (same e-mail)."],
        "박지훈": ["Already registered for this forum (same name and organisation)."],
    }


def test_cp949_csv_from_korean_excel_is_read():
    content = data_file("clean.csv").decode("utf-8").encode("cp949")

    preview = preview_file(content, existing=ExistingIndex())

    assert {row.values["name"] for row in preview.rows} == CLEAN_NAMES
    assert preview.counts["ok"] == 10


def test_utf8_with_bom_and_utf16_tab_separated_are_read():
    text = data_file("clean.csv").decode("utf-8")
    tab_separated = text.replace(",", "\t")

    with_bom = preview_file(text.encode("utf-8-sig"), existing=ExistingIndex())
    utf16 = preview_file(tab_separated.encode("utf-16"), existing=ExistingIndex())

    assert {row.values["name"] for row in with_bom.rows} == CLEAN_NAMES
    assert {row.values["name"] for row in utf16.rows} == CLEAN_NAMES


def test_xlsx_with_title_row_english_headers_and_numeric_phone():
    content = xlsx_bytes(
        [
            ["제6회 정부혁신 미래전략 포럼 참석자 명단"],
            ["No.", "Name", "Organization", "Position", "E-mail", "Mobile", "Category"],
            [1, "김민준", "행정안전부", "서기관", "minjun.kim@korea.kr", 1012345678, "중앙부처"],
            [2, "박지훈", "서울특별시", "주무관", None, "02-2133-1234", "local government"],
        ]
    )

    preview = preview_file(content, existing=ExistingIndex())

    assert preview.counts == {"ok": 2, "error": 0, "duplicate": 0}
    assert preview.rows[0].values["phone"] == "010-1234-5678"
    assert preview.rows[0].line == 3
    assert preview.rows[1].values["category"] == Attendee.Category.LOCAL
    assert preview.ignored_columns == ["No."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"   \r\n", "The file is empty."),
        ("이름,직위\n김민준,과장\n".encode(), "Required columns are missing: 소속."),
        (b"name;email\nKim;kim@korea.kr\n", "Required columns are missing: 소속."),
        ("이름,소속\n".encode(), "The file has column names but no attendees below them."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Old Excel files (.xls)"),
        (b"PK\x03\x04 not really a zip", "The Excel file could not be opened."),
        (b"%PDF-1.7\n\x00\x01\x02", "This is not a CSV or Excel (.xlsx) file."),
        ("이름,소속\n김민준,행정안전부\n".encode() + b"\x80\xff\xfe", "could not be read"),
    ],
)
def test_bad_files_get_a_clear_message(content, message):
    with pytest.raises(ImportFileError) as error:
        preview_file(content, existing=ExistingIndex())

    assert message in error.value.message


def test_broken_xlsx_gets_a_clear_message():
    content = xlsx_bytes([["이름", "소속"], ["김민준", "행정안전부"]])[:300]

    with pytest.raises(ImportFileError) as error:
        preview_file(content, existing=ExistingIndex())

    assert "could not" in error.value.message


# Upload → preview → confirm ---------------------------------------------------------


def test_clean_file_is_previewed_then_saved_on_confirmation(editor_client, forum):
    response = upload_file(editor_client, forum, "clean.csv", data_file("clean.csv"))

    assert response.status_code == 302
    assert response.url == reverse("forums:attendees:import_preview", args=[forum.pk])
    assert Attendee.objects.count() == 0
    preview = editor_client.get(response.url)
    content = preview.content.decode()
    assert "김민준" in content and "010-1234-5678" in content
    assert "Import 10 attendees" in content
    assert Attendee.objects.count() == 0

    confirmed = confirm(editor_client, forum)

    assert confirmed.status_code == 302
    assert confirmed.url == reverse("forums:attendees:list", args=[forum.pk])
    assert set(forum.attendees.values_list("name", flat=True)) == CLEAN_NAMES
    assert set(forum.attendees.values_list("source", flat=True)) == {Attendee.Source.IMPORT}
    assert f"attendee-import-{forum.pk}" not in editor_client.session


def test_file_with_errors_saves_nothing_until_confirmed_then_only_valid_rows(editor_client, forum):
    upload_file(editor_client, forum, "errors.csv", data_file("errors.csv"))

    preview = editor_client.get(reverse("forums:attendees:import_preview", args=[forum.pk]))

    content = preview.content.decode()
    assert "The name (이름) is empty." in content
    assert "The e-mail address “seoyeon.lee@@korea.kr” is not valid." in content
    assert "Same name and organisation as row 8." in content
    assert Attendee.objects.count() == 0

    confirm(editor_client, forum)

    assert sorted(forum.attendees.values_list("name", flat=True)) == ["김민준", "윤서아", "한지민"]


def test_cancel_discards_the_preview(editor_client, forum):
    upload_file(editor_client, forum, "clean.csv", data_file("clean.csv"))

    editor_client.post(reverse("forums:attendees:import_cancel", args=[forum.pk]))
    response = editor_client.post(
        reverse("forums:attendees:import_confirm", args=[forum.pk]), {"token": "anything"}
    )

    assert response.url == reverse("forums:attendees:import_upload", args=[forum.pk])
    assert Attendee.objects.count() == 0


def test_confirm_with_a_stale_token_saves_nothing(editor_client, forum):
    upload_file(editor_client, forum, "clean.csv", data_file("clean.csv"))

    response = editor_client.post(
        reverse("forums:attendees:import_confirm", args=[forum.pk]), {"token": "stale"}
    )

    assert response.status_code == 302
    assert Attendee.objects.count() == 0


def test_someone_registering_between_preview_and_confirm_is_not_doubled(editor_client, forum):
    upload_file(editor_client, forum, "clean.csv", data_file("clean.csv"))
    AttendeeFactory(forum=forum, name="김민준", email="minjun.kim@korea.kr")

    confirm(editor_client, forum)

    assert forum.attendees.filter(email="minjun.kim@korea.kr").count() == 1
    assert forum.attendees.count() == 10


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "The file is empty."),
        ("list.csv", "성명,직위\n김민준,과장\n".encode(), "Required columns are missing"),
        ("list.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "Old Excel files (.xls)"),
    ],
)
def test_bad_upload_shows_the_message_on_the_form(editor_client, forum, name, content, message):
    response = upload_file(editor_client, forum, name, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert f"attendee-import-{forum.pk}" not in editor_client.session


def test_cp949_upload_through_the_page_keeps_korean(editor_client, forum):
    content = data_file("clean.csv").decode("utf-8").encode("cp949")

    upload_file(editor_client, forum, "명단.csv", content)
    confirm(editor_client, forum)

    assert set(forum.attendees.values_list("name", flat=True)) == CLEAN_NAMES


def test_xlsx_upload_through_the_page(editor_client, forum):
    content = xlsx_bytes(
        [
            ["이름", "소속", "연락처"],
            ["김민준", "행정안전부", "044-205-2781"],
            ["이서연", "행정안전부", None],
        ]
    )

    upload_file(editor_client, forum, "list.xlsx", content)
    confirm(editor_client, forum)

    assert sorted(forum.attendees.values_list("name", "phone")) == [
        ("김민준", "044-205-2781"),
        ("이서연", ""),
    ]


def test_viewers_cannot_import(client, forum):
    client.force_login(user_in("viewer"))

    response = upload_file(client, forum, "clean.csv", data_file("clean.csv"))

    assert response.status_code == 403
    assert Attendee.objects.count() == 0


# Round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_then_import_gives_the_same_people(editor_client, kind):
    source = f.ForumFactory()
    AttendeeFactory.create_batch(5, forum=source)
    AttendeeFactory(
        forum=source,
        name='=HYPERLINK("x")',
        organisation_name="Geneva Mission",
        email="",
        phone="+41229171234",  # the stored (E.164) form
        category=Attendee.Category.OTHER,
    )
    AttendeeFactory(forum=source, name="박지훈", organisation_name="", email="", phone="")
    AttendeeFactory(
        forum=source, category=Attendee.Category.LOCAL, status=Attendee.Status.WAITLISTED
    )
    target = f.ForumFactory()

    exported = editor_client.get(reverse(f"forums:attendees:export_{kind}", args=[source.pk]))
    upload_file(editor_client, target, f"export.{kind}", exported.content)
    confirm(editor_client, target)

    assert people(target.attendees.all()) == people(source.attendees.all())
    assert target.attendees.get(category=Attendee.Category.LOCAL).status == "waitlisted"

"""Defect 7 of issue #15: an upload cannot take a worker's memory or CPU."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from forums.attendees.files import MAX_CELL_CHARS, ImportFileError, read_table
from forums.attendees.importing import ExistingIndex, preview_file
from tests import factories as f
from tests.forums.attendee_support import upload, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def xlsx_with_long_cell(size: int) -> bytes:
    workbook = Workbook()
    workbook.active.append(["이름", "소속", "비고"])
    workbook.active.append(["김민준", "행정안전부", "x" * size])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_with_sheet(rows: str) -> bytes:
    """An XLSX whose first sheet's rows are the given XML (openpyxl would cut cells
    at Excel's 32,767 characters; a crafted file does not)."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(xlsx_with_long_cell(1)))
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(item, data)
    return buffer.getvalue()


def xlsx_of_empty_rows(count: int) -> bytes:
    """``count`` formatted but empty rows."""
    return xlsx_with_sheet(
        "".join(f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(1, count + 1))
    )


def test_an_xlsx_that_unpacks_to_60_mb_is_refused_before_parsing():
    cell = "x" * (60 * 1024 * 1024)
    content = xlsx_with_sheet(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>{cell}</t></is></c></row>'
    )
    assert len(content) < 1024 * 1024

    with pytest.raises(ImportFileError, match="unpacks to more than 50 MB"):
        read_table(content)


def test_a_long_cell_is_cut_and_its_row_flagged():
    content = xlsx_with_long_cell(20_000)

    preview = preview_file(content, existing=ExistingIndex())

    assert len(preview.rows[0].values["notes"]) <= MAX_CELL_CHARS + 1
    assert preview.rows[0].status == "error"
    assert "비고 is too long (at most 1000 characters)." in preview.rows[0].messages


def test_an_xlsx_of_empty_rows_is_refused_quickly():
    content = xlsx_of_empty_rows(200_000)
    started = time.monotonic()

    with pytest.raises(ImportFileError, match="more than 5000 rows"):
        read_table(content)

    assert time.monotonic() - started < 5


def test_a_csv_of_empty_lines_is_refused_as_too_long():
    with pytest.raises(ImportFileError, match="more than 5000 rows"):
        read_table("이름,소속\n".encode() + b",\n" * 20_000)


def test_the_preview_waits_on_the_server_not_in_the_session(client, settings):
    client.force_login(user_in("editor"))
    forum = f.ForumFactory(capacity=100)
    content = "이름,소속,비고\n김민준,행정안전부,메모\n".encode()

    client.post(
        reverse("forums:attendees:import_upload", args=[forum.pk]),
        {"file": upload("a.csv", content)},
    )

    pending = client.session[f"attendee-import-{forum.pk}"]
    assert sorted(pending) == ["filename", "token"]
    stored = list(settings.IMPORT_PREVIEW_ROOT.glob("*.json"))
    assert [path.stem for path in stored] == [pending["token"]]
    page = client.get(reverse("forums:attendees:import_preview", args=[forum.pk]))
    assert "김민준" in page.content.decode()

    client.post(reverse("forums:attendees:import_cancel", args=[forum.pk]))

    assert list(settings.IMPORT_PREVIEW_ROOT.glob("*.json")) == []

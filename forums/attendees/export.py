"""Attendee lists as files: CSV that Korean Excel opens (UTF-8 with BOM) and XLSX.

The columns carry the same Korean headers the import reads, so a file exported
here can be imported again (into another forum, or after corrections).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from forums.attendees.importing import HEADERS
from forums.attendees.values import FORMULA_START
from forums.models import Attendee, Forum
from planner.text import for_xml

CONTACT_FIELDS = ("email", "phone")
FILE_FIELDS = ("name", "organisation_name", "position", "email", "phone", "category", "status")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_header(*, include_contacts: bool) -> list[str]:
    fields = [f for f in FILE_FIELDS if include_contacts or f not in CONTACT_FIELDS]
    return [HEADERS[f] for f in fields] + [
        _("Checked in"),
        _("Registered through"),
        HEADERS["notes"],
    ]


def export_rows(
    attendees: Iterable[Attendee], *, forum: Forum, include_contacts: bool
) -> Iterator[list[str]]:
    fields = [f for f in FILE_FIELDS if include_contacts or f not in CONTACT_FIELDS]
    for attendee in attendees:
        row = []
        for name in fields:
            if name in ("category", "status"):
                row.append(str(getattr(attendee, f"get_{name}_display")()))
            else:
                row.append(getattr(attendee, name))
        checked = attendee.checked_in_at
        row.append(checked.astimezone(forum.clock_tz).strftime("%Y-%m-%d %H:%M") if checked else "")
        row.append(str(attendee.get_source_display()))
        row.append(attendee.notes)
        yield row


def _guard(value: str, starts: tuple[str, ...] = FORMULA_START) -> str:
    """A quote before text a spreadsheet would run as a formula (CSV injection)."""
    return "'" + value if value and value.startswith(starts) else value


def filename(forum: Forum, extension: str) -> str:
    return f"참석자명단_{forum.date:%Y%m%d}_{forum.pk}_{timezone.localdate():%Y%m%d}.{extension}"


def csv_response(header: list[str], rows: Iterable[list[str]], *, name: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_guard(for_xml(str(value))) for value in row])
    # The BOM tells Korean Excel the file is UTF-8 (otherwise it reads CP949).
    body = buffer.getvalue().encode("utf-8-sig")
    return HttpResponse(
        body,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, name)},
    )


def xlsx_response(
    header: list[str], rows: Iterable[list[str]], *, name: str, title: str
) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Attendees")[:31])
    for index, width in enumerate((14, 28, 20, 28, 16, 14, 10, 18, 18, 30), start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        # Strings stay strings (phone numbers keep their leading 0); only "=" would be a formula.
        # for_xml: rows stored before text was cleaned may hold characters XML refuses.
        sheet.append([_guard(for_xml(str(value)), ("=",)) for value in row])
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return HttpResponse(
        buffer.getvalue(),
        content_type=XLSX_TYPE,
        headers={"Content-Disposition": content_disposition_header(True, name)},
    )


def template_response() -> HttpResponse:
    """An empty list with the column names and one example row, for staff to fill in."""
    header = [HEADERS[f] for f in FILE_FIELDS[:6]]
    example = ["홍길동", "행정안전부", "사무관", "hong@example.go.kr", "044-205-0000", "중앙부처"]
    return csv_response(header, [example], name="참석자명단_양식.csv")

"""Reading the bytes of an attendee list into rows of text cells, within bounds.

An upload is small but may unpack to a lot: a 106 kB XLSX can hold one 100 MB cell,
and a sheet of empty rows costs seconds of CPU per hundred thousand. So before any
parsing the file's size and, for XLSX, its unpacked size are checked; XLSX is read
with openpyxl's streaming (read-only) reader under a time bound; every cell is cut
at ``MAX_CELL_CHARS`` (the row check then reports it as too long); and reading stops
once more rows were seen than an import may have. Anything wrong raises
``ImportFileError`` with a message for the user, never anything else.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 5 * 1024 * 1024
# What the XLSX members may unpack to, together (shared strings and sheets included).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10
# The longest cell kept; longer ones are cut one past it, so the row is flagged.
MAX_CELL_CHARS = 2000
# Rows looked at (empty ones included) before a file is refused as too long.
MAX_SCANNED_ROWS = 2 * MAX_ROWS + HEADER_SEARCH_ROWS
READ_SECONDS = 10.0


class ImportFileError(Exception):
    """The file as a whole cannot be read; ``message`` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(max)d rows. Split it into smaller files.") % {"max": MAX_ROWS}
    )


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[: MAX_CELL_CHARS + 1]


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else CP949 (Korean Excel); or ImportFileError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "cp949"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise ImportFileError(
        _(
            "The file could not be read as text. Save it from Excel as “CSV UTF-8” "
            "(or plain “CSV”) and upload it again."
        )
    )


def read_csv(text: str) -> list[list[str]]:
    # The separator is the one the first line uses most (Excel: "," or, as text, tab).
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    rows = []
    try:
        for scanned, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter)):
            if scanned > MAX_SCANNED_ROWS:
                raise _too_many_rows()
            if any(cell.strip() for cell in row):
                rows.append([cell[: MAX_CELL_CHARS + 1] for cell in row])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break  # enough for validate_table to say "too many rows"
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file is malformed (%(error)s).") % {"error": error}
        ) from error
    return rows


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise _damaged() from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _(
                "The Excel file unpacks to more than %(size)d MB. Remove long texts or "
                "empty formatted rows, or save it as CSV."
            )
            % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _damaged() -> ImportFileError:
    return ImportFileError(
        _("The Excel file could not be opened. It may be damaged or password-protected.")
    )


def read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _damaged() from error
    deadline = time.monotonic() + READ_SECONDS
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("The Excel file has no worksheet."))
        rows = []
        sheet = workbook.worksheets[0]
        for scanned, values in enumerate(sheet.iter_rows(values_only=True)):
            if scanned > MAX_SCANNED_ROWS:
                raise _too_many_rows()
            if time.monotonic() > deadline:
                raise ImportFileError(
                    _("The Excel file takes too long to read. Save it as CSV and try again.")
                )
            cells = [cell_text(value) for value in values]
            if any(cell.strip() for cell in cells):
                rows.append(cells)
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break  # enough for validate_table to say "too many rows"
        return rows
    except ImportFileError:
        raise
    except Exception as error:  # a damaged sheet shows only while it is read
        raise _damaged() from error
    finally:
        workbook.close()


def read_table(data: bytes) -> list[list[str]]:
    """The non-empty rows of a CSV or XLSX file, as text cells."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)d MB. Split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if data.startswith(b"PK\x03\x04"):  # a zip container: XLSX, or a damaged one
        rows = read_xlsx(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV.")
        )
    elif b"\x00" in data[:1024] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(_("This is not a CSV or Excel (.xlsx) file."))
    else:
        rows = read_csv(decode_text(data))
    if not rows:
        raise ImportFileError(_("The file is empty."))
    return rows

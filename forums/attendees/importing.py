"""Reading attendee lists from CSV and Excel files, and checking each row.

Nothing here writes to the database: ``preview_file`` turns the bytes of an
upload into rows, each ``ok``, ``error`` (with the reasons in plain words) or
``duplicate`` (of an earlier row or of someone already registered). The
service ``attendees_import`` in ``forums.attendees.services`` saves the ``ok`` rows.

Files: CSV in UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or
CP949 (Korean Excel's "CSV"), comma/semicolon/tab separated; XLSX (first
sheet). The header row may sit below a title row. A bad file raises
``ImportFileError`` with a message for the user, never anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from forums.attendees.files import (  # noqa: F401 (re-exported: the import's one entry point)
    HEADER_SEARCH_ROWS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportFileError,
    read_table,
)
from forums.attendees.values import (
    clean_text,
    match_key,
    normalise_email,
    normalise_phone,
    parse_category,
    parse_status,
    person_key,
)
from forums.models import Attendee

# Canonical column names: exports write these, imports read them (and the aliases).
HEADERS = {
    "name": "이름",
    "organisation_name": "소속",
    "position": "직위",
    "email": "이메일",
    "phone": "연락처",
    "category": "구분",
    "status": "상태",
    "notes": "비고",
}
FIELDS = tuple(HEADERS)
REQUIRED_COLUMNS = ("name", "organisation_name")
MAX_LENGTHS = {
    "name": 100,
    "organisation_name": 200,
    "position": 200,
    "phone": 40,
    "notes": 1000,
}

ALIASES = {
    "name": ("성명", "성함", "참석자", "참석자명", "name", "fullname", "attendee"),
    "organisation_name": (
        "소속기관",
        "기관",
        "기관명",
        "소속기관명",
        "organisation",
        "organization",
        "affiliation",
        "org",
    ),
    "position": ("직급", "직책", "직함", "position", "title", "jobtitle", "rank"),
    "email": ("이메일주소", "전자우편", "메일", "e-mail", "email", "emailaddress", "mail"),
    "phone": (
        "전화",
        "전화번호",
        "휴대폰",
        "휴대전화",
        "핸드폰",
        "휴대폰번호",
        "phone",
        "mobile",
        "tel",
        "telephone",
    ),
    "category": ("분류", "참석구분", "참가구분", "category", "type", "group"),
    "status": ("등록상태", "신청상태", "status"),
    "notes": ("메모", "note", "notes", "remarks", "memo"),
}


@dataclass
class ImportRow:
    line: int
    values: dict[str, str]
    status: str = "ok"  # ok | error | duplicate
    messages: list[str] = field(default_factory=list)

    @property
    def is_ok(self) -> bool:
        return self.status == "ok"


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    columns: list[str]
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"ok": 0, "error": 0, "duplicate": 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def ok_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.is_ok]

    def to_data(self) -> dict[str, Any]:
        return {
            "rows": [asdict(row) for row in self.rows],
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ImportPreview:
        return cls(
            rows=[ImportRow(**row) for row in data["rows"]],
            columns=list(data["columns"]),
            ignored_columns=list(data.get("ignored_columns", [])),
        )


# Columns and rows --------------------------------------------------------------


def _header_key(text: str) -> str:
    key = match_key(clean_text(text)).replace("*", "").replace(":", "")
    return re.sub(r"[(\[].*?[)\]]", "", key) or key


def _column_lookup() -> dict[str, str]:
    lookup = {}
    for name, header in HEADERS.items():
        lookup[match_key(header)] = name
        for alias in ALIASES[name]:
            lookup[match_key(alias)] = name
    return lookup


def map_columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Field name → column index, and the headers that are not imported."""
    lookup = _column_lookup()
    mapping: dict[str, int] = {}
    ignored = []
    for index, text in enumerate(header):
        name = lookup.get(_header_key(text))
        if name and name not in mapping:
            mapping[name] = index
        elif text.strip():
            ignored.append(clean_text(text))
    return mapping, ignored


def find_header(table: list[list[str]]) -> tuple[int, dict[str, int], list[str]]:
    if not table:
        raise ImportFileError(_("The file is empty."))
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        mapping, ignored = map_columns(row)
        if all(name in mapping for name in REQUIRED_COLUMNS):
            return index, mapping, ignored
    mapping, _ignored = map_columns(table[0])
    missing = ", ".join(HEADERS[name] for name in REQUIRED_COLUMNS if name not in mapping)
    raise ImportFileError(
        _(
            "Required columns are missing: %(missing)s. The first row must hold the column "
            "names, e.g. %(example)s."
        )
        % {"missing": missing, "example": ", ".join(HEADERS[name] for name in FIELDS[:6])}
    )


class ExistingIndex:
    """Who is already registered for the forum: e-mails and (name, organisation) keys."""

    def __init__(self, people: Iterable[tuple[str, str, str]] = ()) -> None:
        self.emails: set[str] = set()
        self.people: set[tuple[str, str]] = set()
        for name, organisation, email in people:
            self.add(name=name, organisation=organisation, email=email)

    @classmethod
    def for_forum(cls, forum: Any) -> ExistingIndex:
        return cls(forum.attendees.values_list("name", "organisation_name", "email"))

    def add(self, *, name: str, organisation: str, email: str) -> None:
        if email:
            self.emails.add(email.lower())
        self.people.add(person_key(name, organisation))

    def reason(self, values: dict[str, str]) -> str:
        """Why these values duplicate someone already registered, or ""."""
        if values.get("email"):
            if values["email"].lower() in self.emails:
                return "email"
            return ""
        if person_key(values["name"], values.get("organisation_name", "")) in self.people:
            return "person"
        return ""


def check_row(raw: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Cleaned values and the problems found, in plain words."""
    values = {name: clean_text(raw.get(name, "")) for name in FIELDS}
    problems = []
    if not values["name"]:
        problems.append(_("The name (이름) is empty."))
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            problems.append(
                _("%(column)s is too long (at most %(limit)d characters).")
                % {"column": HEADERS[name], "limit": limit}
            )
    if values["email"]:
        try:
            values["email"] = normalise_email(values["email"])
        except ValidationError:
            problems.append(
                _("The e-mail address “%(value)s” is not valid.") % {"value": values["email"]}
            )
    if values["phone"]:
        try:
            values["phone"] = normalise_phone(values["phone"])
        except ValueError:
            problems.append(
                _(
                    "The phone number “%(value)s” is not valid. Write it like 010-1234-5678 "
                    "or 02-123-4567."
                )
                % {"value": values["phone"]}
            )
    try:
        values["category"] = parse_category(values["category"])
    except KeyError:
        problems.append(
            _("Unknown category (구분) “%(value)s”. Use one of: %(choices)s.")
            % {"value": values["category"], "choices": _choice_list(Attendee.Category)}
        )
    try:
        values["status"] = parse_status(values["status"])
    except KeyError:
        problems.append(
            _("Unknown status (상태) “%(value)s”. Use one of: %(choices)s.")
            % {"value": values["status"], "choices": _choice_list(Attendee.Status)}
        )
    return values, problems


def _choice_list(choices: Any) -> str:
    return ", ".join(str(label) for label in choices.labels)


def validate_table(table: list[list[str]], *, existing: ExistingIndex) -> ImportPreview:
    header_index, mapping, ignored = find_header(table)
    data_rows = table[header_index + 1 :]
    if not any(any(cell.strip() for cell in row) for row in data_rows):
        raise ImportFileError(_("The file has column names but no attendees below them."))
    if len(data_rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)d rows. Split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    seen_emails: dict[str, int] = {}
    seen_people: dict[tuple[str, str], int] = {}
    rows = []
    for offset, cells in enumerate(data_rows):
        raw = {name: (cells[i] if i < len(cells) else "") for name, i in mapping.items()}
        if not any(value.strip() for value in raw.values()):
            continue
        line = header_index + offset + 2  # as the spreadsheet numbers it
        values, problems = check_row(raw)
        row = ImportRow(line=line, values=values)
        if problems:
            row.status, row.messages = "error", problems
        else:
            _mark_duplicate(row, existing, seen_emails, seen_people)
        rows.append(row)
    columns = [HEADERS[name] for name in FIELDS if name in mapping]
    return ImportPreview(rows=rows, columns=columns, ignored_columns=ignored)


def _mark_duplicate(
    row: ImportRow,
    existing: ExistingIndex,
    seen_emails: dict[str, int],
    seen_people: dict[tuple[str, str], int],
) -> None:
    values = row.values
    key = person_key(values["name"], values["organisation_name"])
    earlier = seen_emails.get(values["email"]) if values["email"] else seen_people.get(key)
    reason = existing.reason(values)
    if earlier:
        row.status = "duplicate"
        message = (
            _("Same e-mail as row %(line)d.")
            if values["email"]
            else _("Same name and organisation as row %(line)d.")
        )
        row.messages.append(message % {"line": earlier})
    elif reason:
        row.status = "duplicate"
        row.messages.append(
            _("Already registered for this forum (same e-mail).")
            if reason == "email"
            else _("Already registered for this forum (same name and organisation).")
        )
    else:
        if values["email"]:
            seen_emails[values["email"]] = row.line
        seen_people.setdefault(key, row.line)


def preview_file(data: bytes, *, existing: ExistingIndex) -> ImportPreview:
    """Read and check an uploaded file; raises ImportFileError for a bad file."""
    return validate_table(read_table(data), existing=existing)

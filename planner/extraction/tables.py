"""Programme tables: timed rows in every shape (pipe/tab cells, one cell per line, times on
their own line with the title below, minutes in the time cell or a column, day markers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planner.extraction import people as people_mod
from planner.extraction.dates import Mention, find_dates, resolve
from planner.extraction.times import TimeRange, leading_time

BULLETS = "▶▷►○●◦◆◇■□•·‧-–※*ㆍ "
SEPARATOR = re.compile(r"^[\s|:\-–—=+]*$")
DAY_MARK = re.compile(
    r"^\s*(?:\[?\s*(?:day|DAY|Day)\s*(?P<n>\d+)\s*\]?\s*:?|(?P<k>\d+)\s*일\s*차|제\s*(?P<j>\d+)\s*일)"
)
HEADER_WORDS = {
    "time": ("시간", "시 간", "time", "일시", "시간계획"),
    "title": (
        "프로그램",
        "행사명",
        "세부일정",
        "주요 내용",
        "주요내용",
        "내용",
        "구분",
        "programme",
        "program",
        "session",
        "세 부 내 용",
    ),
    "room": ("장소", "장 소", "venue", "room", "place"),
    "remark": ("비고", "비 고", "remarks", "note", "notes"),
    "minutes": ("소요", "소요시간", "분", "minutes", "duration"),
}
SESSION_KINDS = [
    ("reception", ("사전환담", "티타임", "환담", "reception", "welcome coffee")),
    ("opening", ("개회사", "개회", "개식", "opening")),
    ("welcome", ("환영사", "welcome")),
    ("congratulatory", ("축사", "congratulatory")),
    ("introductions", ("인사·소개", "내빈소개", "소개", "introduction")),
    ("keynote", ("기조", "keynote")),
    ("presentation", ("발제", "발표", "presentation", "briefing")),
    ("discussion", ("토론", "패널", "panel", "discussion", "roundtable")),
    ("qa", ("질의응답", "q&a", "질의")),
    ("break", ("휴식", "break", "lunch", "오찬", "만찬", "dinner", "식사")),
    ("performance", ("공연", "performance", "연주")),
    ("closing", ("폐회", "폐식", "closing")),
]


@dataclass
class Row:
    time: TimeRange
    cells: list[str]
    span: tuple[int, int]
    day: Mention | None = None
    part: str | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)


def split_cells(line: str) -> list[str]:
    if "|" in line:
        cells = [c.strip() for c in line.split("|")]
        while cells and not cells[0]:
            cells.pop(0)
        while cells and not cells[-1]:
            cells.pop()
        return cells
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return [line.strip()]


def _header_map(cells: list[str]) -> dict[int, str] | None:
    found: dict[int, str] = {}
    for i, cell in enumerate(cells):
        low = cell.lower().strip()
        for role, words in HEADER_WORDS.items():
            if low in words and role not in found.values():
                found[i] = role
                break
    if "time" in found.values() and len(found) >= 2:
        return found
    return None


def _is_time_cell(cell: str) -> TimeRange | None:
    t = leading_time(cell)
    if t is None:
        return None
    rest = cell[t.span[1] :].strip()
    return t if len(rest) <= len(cell) else None


PART_MARK = re.compile(r"^\s*(?:(?:Session|Part|Segment)\s+\d+(?:-\d+)?|제\s*\d+\s*부)\s*$", re.I)


def find_rows(text: str, year: int | None = None) -> list[Row]:
    """Timed rows in text order, each with its cells (the time cell removed), day and part."""
    rows: list[Row] = []
    part: str | None = None
    header: dict[int, str] | None = None
    day: Mention | None = None
    offset = 0
    current: Row | None = None
    blank_run = 0
    for raw in text.split("\n"):
        start, offset = offset, offset + len(raw) + 1
        line = raw.rstrip()
        if not line.strip():
            blank_run += 1
            if current and blank_run >= 2:
                current = None
            continue
        blank_run = 0
        if SEPARATOR.match(line):
            continue
        cells = split_cells(line)
        hm = _header_map(cells)
        if hm:
            header, current = hm, None
            continue
        mark = DAY_MARK.match(line)
        dated = _leading_date(line, start)
        if mark and not leading_time(line[mark.end() :].lstrip(" |:")):
            label = line[mark.start() : mark.end()].strip(" |:")
            dates = find_dates(line)
            day = dates[0] if dates else Mention(start + mark.start(), start + mark.end(), label)
            if dates:
                resolve(day, year=year, month=None)
                day.as_written = line.strip(" |")
                day.start, day.end = start, start + len(line)
            else:
                day.start = start + line.index(label)
                day.end = day.start + len(label)
            current = None
            continue
        if PART_MARK.match(line):
            part, current = line.strip(), None
            continue
        if dated is not None:
            day, line_rest, shift = dated
            line, start, cells = line_rest, start + shift, split_cells(line_rest)
        time_at = None
        for i, cell in enumerate(cells[:2]):
            t = _is_time_cell(cell)
            if t is not None:
                time_at = (i, t)
                break
        if time_at is None:
            if current is not None:
                current.lines.append((start, line))
                if "|" in line or "\t" in line:
                    current.cells = _merge(current.cells, cells)
                else:
                    current.cells.append(line.strip())
            continue
        i, t = time_at
        cell_start = start + line.find(cells[i])
        first = cells[i][t.span[1] :].strip()
        others = cells[:i] + ([first] if first else []) + cells[i + 1 :]
        if header and i != _role_index(header, "time"):
            header = None
        if header is not None:
            others = _by_header(cells, i, first, header)
        tr = TimeRange(
            t.start, t.end, t.minutes, t.zone, (cell_start + t.span[0], cell_start + t.span[1])
        )
        current = Row(tr, others, (start, start + len(line)), day, part, [(start, line)])
        rows.append(current)
    return rows


def _role_index(header: dict[int, str], role: str) -> int | None:
    return next((i for i, r in header.items() if r == role), None)


def _by_header(cells: list[str], time_index: int, first: str, header: dict) -> list[str]:
    """Reorder cells as [title, then the rest], with room/remark tagged by prefixing."""
    out = {"title": None, "room": None, "remark": None}
    rest = []
    for i, cell in enumerate(cells):
        if i == time_index:
            if first:
                rest.append(first)
            continue
        role = header.get(i)
        if role in out and out[role] is None and cell:
            out[role] = cell
        elif cell:
            rest.append(cell)
    result = [out["title"] or (rest.pop(0) if rest else "")]
    result += rest
    if out["room"]:
        result.append("\x01room:" + out["room"])
    if out["remark"]:
        result.append("\x01remark:" + out["remark"])
    return result


def _merge(cells: list[str], more: list[str]) -> list[str]:
    return cells + [c for c in more if c]


def _leading_date(line: str, start: int) -> tuple[Mention, str, int] | None:
    """`February 14, 202308:30 - 09:00`: a date glued to the row's first time."""
    dates = find_dates(line)
    if not dates or dates[0].start > 1 or dates[0].day is None:
        return None
    rest = line[dates[0].end :]
    if leading_time(rest) is None:
        return None
    d = dates[0]
    resolve(d, year=None, month=None)
    shift = d.end
    d.start, d.end = start + d.start, start + d.end
    return d, rest, shift


def clean_title(text: str) -> str:
    text = text.strip().lstrip(BULLETS).strip()
    return re.sub(r"\s+", " ", text)


def session_kind(title: str) -> str | None:
    low = title.lower().replace(" ", "")
    for kind, words in SESSION_KINDS:
        if any(w.replace(" ", "") in low for w in words):
            return kind
    return None


_SUBITEM = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]")
_DASH_PART = re.compile(r"\s+-\s+")
_LABEL = re.compile(
    r"^(좌장|사회|진행|발표|발제|토론|패널|moderator|chair|speaker)\s*[:：]\s*", re.I
)


def split_title(cell: str) -> tuple[str, list[dict], list[dict]]:
    """A title cell → (title, items, people): `발제 ① A - 홍길동 교수 ② B`, `토론 - 좌장: …`."""
    cell = clean_title(cell)
    items: list[dict] = []
    people: list[dict] = []
    if _SUBITEM.search(cell):
        head, *parts = _SUBITEM.split(cell)
        for part in parts:
            bits = _DASH_PART.split(part.strip(), maxsplit=1)
            item = {"title": bits[0].strip(), "people": []}
            if len(bits) > 1 and people_mod.looks_like_person(bits[1]):
                ref = {"role": "presenter", "as_written": bits[1].strip()}
                item["people"].append({"as_written": bits[1].strip()})
                people.append(ref)
            items.append(item)
        return head.strip(), items, people
    bits = _DASH_PART.split(cell)
    title = bits[0]
    for k, bit in enumerate(bits[1:], start=1):
        label = _LABEL.match(bit)
        if label or people_mod.looks_like_person(bit) or people_mod.person_list(bit):
            for j, rest in enumerate(bits[k:]):
                lab = _LABEL.match(rest)
                role = _label_role(lab.group(1)) if lab else ("panelist" if j else "speaker")
                if lab:
                    people.append({"role": role, "as_written": rest.strip()})
                    continue
                listed = people_mod.person_list(rest)
                for item in listed or [rest.strip()]:
                    people.append({"role": role, "as_written": item})
            break
        title = f"{title} - {bit}"
    return title.strip(), items, people


def _label_role(label: str) -> str:
    label = label.lower()
    if label in ("좌장", "moderator", "chair"):
        return "moderator"
    if label in ("사회", "진행"):
        return "mc"
    if label in ("토론", "패널"):
        return "panelist"
    return "presenter" if label in ("발표", "발제") else "speaker"

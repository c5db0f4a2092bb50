"""Labelled lines: 일시/장소/주제/주최/주관/후원/참석 in the shapes announcements use.

`(일시) …`, `일 시 : …`, `1. 일 시 : …` (several on one line), a label alone on its line
with the value on the next, and English `Date:`/`Venue:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = {
    "일시": "when",
    "기간": "when",
    "일자": "when",
    "date": "when",
    "dates": "when",
    "장소": "where",
    "venue": "where",
    "place": "where",
    "location": "where",
    "주제": "theme",
    "theme": "theme",
    "주최": "host",
    "공동주최": "co_host",
    "hostedby": "host",
    "host": "host",
    "주관": "organiser",
    "organiser": "organiser",
    "organizer": "organiser",
    "후원": "supporter",
    "협찬": "sponsor",
    "참석": "attendance",
    "참석대상": "attendance",
    "참여인원": "attendance",
    "참가인원": "attendance",
    "참가대상": "attendance",
    "규모": "attendance",
    "참가인": "attendance",
    "대회명": "title",
    "행사명": "title",
    "제목": "title",
    "회의명": "title",
}


def _spaced(word: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in word)


_LABEL_RE = "|".join(sorted((_spaced(w) for w in LABELS if not w.isascii()), key=len, reverse=True))
INLINE = re.compile(
    r"(?:^|(?<=[\s.ㆍ•\-]))(?:\d+\.\s*)?[(\[]?(?P<label>" + _LABEL_RE + r")[)\]]?\s*(?::|：|\))\s*",
    re.M,
)
PAREN = re.compile(r"^[\s\-•·○□▶]*\((?P<label>" + _LABEL_RE + r")\)\s*", re.M)
ALONE = re.compile(r"^[\s\-•·○□▶]*(?P<label>" + _LABEL_RE + r")\s*$", re.M)
CELL = re.compile(r"^[\s|]*(?P<label>" + _LABEL_RE + r")\s*(?:\||\t)\s*", re.M)
EN = re.compile(
    r"^\s*(?P<label>Date|Dates|Venue|Place|Location|Theme|Hosted by)\s*:\s*", re.M | re.I
)


@dataclass
class Field:
    role: str
    value: str
    span: tuple[int, int]


def _role(label: str) -> str:
    return LABELS.get(re.sub(r"\s+", "", label).lower(), "")


def find_fields(text: str) -> list[Field]:
    fields: list[Field] = []
    starts = []
    for pattern in (CELL, PAREN, INLINE, EN):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e, _ in starts):
                continue
            starts.append((m.start(), m.end(), _role(m.group("label"))))
    starts.sort()
    for k, (_s, e, role) in enumerate(starts):
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        nxt = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        stop = min(line_end, nxt)
        value = text[e:stop]
        if "|" in value or "\t" in value:
            value = re.split(r"\s*[|\t]", value)[0]
        numbered = re.search(r"\s\d+\.\s*(?=[가-힣])", value)
        if numbered:
            value = value[: numbered.start()]
        value = re.sub(r"[\s|ㆍ]+$", "", value)
        value = re.sub(r"\s*\d+\.\s*$", "", value)
        if value.strip():
            lead = len(value) - len(value.lstrip())
            fields.append(Field(role, value.strip(), (e + lead, e + lead + len(value.strip()))))
    for m in ALONE.finditer(text):
        nl = text.find("\n", m.end())
        if nl < 0:
            continue
        nxt_end = text.find("\n", nl + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        raw = text[nl + 1 : nxt_end]
        value = raw.strip()
        if value and not ALONE.match(raw) and value != "-":
            s = nl + 1 + raw.index(value)
            fields.append(Field(_role(m.group("label")), value, (s, s + len(value))))
    fields.sort(key=lambda f: f.span)
    return [f for f in fields if f.role]


def organiser_names(value: str) -> list[tuple[str, str | None]]:
    """`행정안전부, 한국행정연구원 공동 주최` → [(name, qualifier)]; `(사)` stays in the name."""
    co = bool(re.search(r"공동\s*주최|공동", value))
    value = re.sub(r"\s*공동\s*(?:주최|주관)?\s*$", "", value)
    names = [
        n.strip() for n in re.split(r"\s*[,，、]\s*|\s+[․·ㆍ]\s+|\s+및\s+", value) if n.strip()
    ]
    return [(n, "co" if co and i else None) for i, n in enumerate(names)]


ATTENDANCE = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*(?P<unit>명|여\s*명|people|participants)"
    r"(?P<approx>\s*(?:내외|정도|안팎|가량|이상))?"
)


def attendance(value: str, at: int) -> dict | None:
    m = ATTENDANCE.search(value)
    if not m:
        return None
    approx = bool(m.group("approx")) or "여" in m.group("unit")
    written_end = len(value) if value[m.end() :].startswith("(") else m.end()
    as_written = value[m.start() : written_end].strip()
    return {
        "expected": int(m.group("n").replace(",", "")),
        "approximate": approx,
        "as_written": as_written,
        "breakdown": [],
        "span": [at + m.start(), at + m.start() + len(as_written)],
        "confidence": 0.8,
    }

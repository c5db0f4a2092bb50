"""Clock times and ranges: 15:00~17:00, 14:50~15:00 10', 09.00 - 09.10, 0925GMT, 15시~17시."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HM = r"(?:[01]?\d|2[0-4])\s?[:.]\s?[0-5]\d"
_DASH = r"\s*(?:~|∼|〜|–|—|-|부터|to)\s*"
_ZONE = r"(?:\s*(?P<zone>GMT|UTC|CET|CEST|KST|EST|EDT|BST)(?:\s*[+-]\s*\d{1,2})?)?"

TIME_RANGE = re.compile(
    r"(?:(?<![\d.:])|(?<=(?:19|20)\d\d))(?P<a>" + _HM + r")(?:" + _DASH + r"(?P<b>" + _HM + r"))?"
    r"(?![\d])"
    r"(?:\s*\(?\s*(?P<min>\d{1,3})\s*(?:분|'|′|’|min\.?|minutes)\s*\)?)?" + _ZONE
)
# 0925GMT, 1000-1050GMT: four digits glued to a zone
COMPACT = re.compile(
    r"(?<!\d)(?P<a>[0-2]\d[0-5]\d)(?:\s*[-–]\s*(?P<b>[0-2]\d[0-5]\d))?\s*(?P<zone>GMT|UTC|CET|KST)"
)
# 15시부터 17시까지, 오후 3시, 11시 30분, 10 : 30분
KO_HOUR = re.compile(
    r"(?P<pm>오전|오후)?\s*(?<![\d:])(?P<h>[01]?\d|2[0-4])\s*시(?:\s*(?P<m>[0-5]?\d)\s*분)?"
    r"(?:\s*(?:부터|~|∼)\s*(?P<pm2>오전|오후)?\s*(?P<h2>[01]?\d|2[0-4])\s*시"
    r"(?:\s*(?P<m2>[0-5]?\d)\s*분)?(?:\s*까지)?)?"
)
KO_COLON_MIN = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-4])\s*:\s*(?P<m>[0-5]\d)\s*분")

ZONE_NAMES = {"GMT": "Etc/GMT", "UTC": "UTC", "CET": "CET", "CEST": "CET", "KST": "Asia/Seoul"}


@dataclass
class TimeRange:
    start: str | None
    end: str | None
    minutes: int | None
    zone: str | None
    span: tuple[int, int]


def hm(text: str) -> str:
    h, m = re.split(r"\s?[:.]\s?", text.strip())
    return f"{int(h):02d}:{m}"


def _pm(hour: int, marker: str | None) -> int:
    return hour + 12 if marker == "오후" and hour < 12 else hour


def find_times(text: str, start_at: int = 0) -> list[TimeRange]:
    found: list[TimeRange] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in COMPACT.finditer(text):
        a = f"{m.group('a')[:2]}:{m.group('a')[2:]}"
        b = f"{m.group('b')[:2]}:{m.group('b')[2:]}" if m.group("b") else None
        found.append(TimeRange(a, b, None, ZONE_NAMES[m.group("zone")], m.span()))
        taken.append(m.span())
    for m in TIME_RANGE.finditer(text):
        if not free(*m.span()) or _is_date_like(text, m):
            continue
        minutes = int(m.group("min")) if m.group("min") else None
        zone = ZONE_NAMES.get(m.group("zone") or "")
        b = hm(m.group("b")) if m.group("b") else None
        found.append(TimeRange(hm(m.group("a")), b, minutes, zone, m.span()))
        taken.append(m.span())
    for m in KO_COLON_MIN.finditer(text):
        if free(*m.span()):
            found.append(
                TimeRange(f"{int(m.group('h')):02d}:{m.group('m')}", None, None, None, m.span())
            )
            taken.append(m.span())
    for m in KO_HOUR.finditer(text):
        if not free(*m.span()) or re.match(r"\s*간", text[m.end() : m.end() + 2]):
            continue
        a = f"{_pm(int(m.group('h')), m.group('pm')):02d}:{int(m.group('m') or 0):02d}"
        b = None
        if m.group("h2"):
            pm2 = m.group("pm2") or m.group("pm")
            b = f"{_pm(int(m.group('h2')), pm2):02d}:{int(m.group('m2') or 0):02d}"
        found.append(TimeRange(a, b, None, None, m.span()))
        taken.append(m.span())
    found.sort(key=lambda t: t.span)
    return [
        TimeRange(t.start, t.end, t.minutes, t.zone, (t.span[0] + start_at, t.span[1] + start_at))
        for t in found
    ]


def _is_date_like(text: str, m: re.Match) -> bool:
    """09.10 in 2024.09.10 or 3.15.(금) is a date, not a time."""
    a = m.group("a")
    if ":" in a:
        return False
    before = text[max(0, m.start() - 1) : m.start()]
    after = text[m.end() : m.end() + 2]
    return before == "." or after.startswith(".") or after.startswith("(") or "." in after[:1]


def leading_time(text: str) -> TimeRange | None:
    """A time (range) at the very start of a cell or line."""
    stripped = text.lstrip(" |\t")
    offset = len(text) - len(stripped)
    for t in find_times(stripped):
        if t.span[0] == 0:
            return TimeRange(t.start, t.end, t.minutes, t.zone, (offset, offset + t.span[1]))
        break
    m = re.match(r"(?:~|∼|-)\s*(" + _HM + r")(?!\d)", stripped)
    if m:
        return TimeRange(None, hm(m.group(1)), None, None, (offset, offset + m.end()))
    return None

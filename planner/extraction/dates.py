"""Dates as documents write them, and the year each one may (or may not) be given.

A mention keeps what the text states (year, month, day, weekday) and its span; ``resolve``
fills in a missing month or year only from the context the draft module passes in, and
otherwise leaves the value null with ``as_written`` kept. A year is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

KO_WEEKDAYS = "월화수목금토일"
EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_WD_EN = "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"

WD = r"(?:\s*\(\s*(?P<wd>[월화수목금토일])\s*(?:요일)?\s*\))"
SEP = r"\s*(?:~|∼|〜|–|—|-|부터|에서)\s*"


@dataclass
class Mention:
    start: int
    end: int
    as_written: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None  # as stated: 월…일 or Monday…
    relative: str | None = None  # "past" (지난/작년) or "last_year"
    value: str | None = None
    precision: str = "day"
    notes: list[str] = field(default_factory=list)

    def draft(self) -> dict:
        return {
            "value": self.value,
            "precision": self.precision,
            "as_written": self.as_written,
            "weekday_stated": self.weekday,
            "span": [self.start, self.end],
            "confidence": 0.9 if self.value else 0.5,
            **({"notes": self.notes} if self.notes else {}),
        }


def _weekday_index(stated: str | None) -> int | None:
    if not stated:
        return None
    if stated in KO_WEEKDAYS:
        return KO_WEEKDAYS.index(stated)
    low = stated.lower()
    for i, name in enumerate(EN_WEEKDAYS):
        if low[:3] == name[:3]:
            return i
    return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 2024.11.14.(목)  2026. 4. 12.(일)  2019-03-01
    (
        "ymd",
        re.compile(
            r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*[.\-/]\s*(?P<m>1[0-2]|0?[1-9])\s*[.\-/]\s*"
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d])\.?" + WD + "?"
        ),
    ),
    # 2024년 11월 1일(금)  ’24년 11월  1991년 7월
    (
        "ko_ymd",
        re.compile(
            r"(?P<y>(?:19|20)\d\d|[’'‘]\d\d)\s*년\s*(?:도\s*)?(?P<m>1[0-2]|0?[1-9])\s*월"
            r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?" + WD + "?"
        ),
    ),
    # 2023년 (a year alone, not followed by a month)
    ("ko_y", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*년(?!\s*도?\s*\d{1,2}\s*월)")),
    # 7월 8일(수)  지난 3월  11월
    (
        "ko_md",
        re.compile(
            r"(?P<rel>지난\s*|작년\s*|올해\s*|내년\s*)?(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*월"
            r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?" + WD + "?"
        ),
    ),
    # 12.6.(목)  10.24(월)  (a weekday is required: 3.1운동 is not a date)
    (
        "md",
        re.compile(r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\.\s?(?P<d>3[01]|[12]\d|0?[1-9])\.?" + WD),
    ),
    # 6.26~7.4 (a month.day range, no weekday needed: the range marks it as dates)
    (
        "md_range",
        re.compile(
            r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\.(?P<d>3[01]|[12]\d|0?[1-9])(?=\s*[~∼]\s*"
            r"(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?![\d]))"
        ),
    ),
    # Wednesday 10 October 2018 / 10 October 2018 / 26-28 Oct 2011
    (
        "en_dmy",
        re.compile(
            r"(?:(?P<wd>" + _WD_EN + r"),?\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+"
            r"(?P<mon>" + _MONTH_RE + r")\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
            re.I,
        ),
    ),
    # February 14, 2023 / Tuesday, June 10th / December last year
    (
        "en_mdy",
        re.compile(
            r"(?:(?P<wd>" + _WD_EN + r"),?\s+)?(?P<mon>" + _MONTH_RE + r")\.?\s+"
            r"(?:(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?:,?\s*(?P<y>(?:19|20)\d\d))?"
            r"|(?P<rel>last year)|(?P<y2>(?:19|20)\d\d))",
            re.I,
        ),
    ),
]

# the day (or month.day) closing a range: ~ 17.(금)  부터 11.(화)까지  ~29(토)  ~11.5.(수)  8~10일
_RANGE_END = re.compile(
    SEP + r"(?:(?P<m>1[0-2]|0?[1-9])\.\s?)?(?P<d>3[01]|[12]\d|0?[1-9])(?:\s*일|\.)?" + WD + "?"
)
_DAY_ONLY = re.compile(
    r"(?<![\d.:~∼\-])(?P<d>3[01]|[12]\d|0?[1-9])\s*일(?P<rng>\s*(?:~|∼|-|부터)\s*"
    r"(?P<d2>3[01]|[12]\d|0?[1-9])\s*(?:일|까지)?)?" + WD + "?"
)
_DAY_RANGE_FIRST = re.compile(
    r"(?<![\d.:])(?P<d>3[01]|[12]\d|0?[1-9])\s*(?:~|∼)\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*일"
)


def find_dates(text: str) -> list[Mention]:
    """Every date mention, in text order; a range gives two mentions (the second ``ends`` one)."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _EN_DAY_RANGE.finditer(text):
        mon, y = EN_MONTHS[m.group("mon").lower()], int(m.group("y")) if m.group("y") else None
        a = Mention(
            m.start("d"), m.end("d"), m.group("d"), year=y, month=mon, day=int(m.group("d"))
        )
        b = Mention(m.start("d2"), m.end(), text[m.start("d2") : m.end()], year=y, month=mon)
        b.day, b.notes = int(m.group("d2")), ["ends"]
        taken.append((m.start(), m.end()))
        found += [a, b]
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            if kind == "ko_md" and not g.get("d") and not g.get("rel"):
                # a bare month: only with a following verb-free context, e.g. "11월 개최"
                tail = text[m.end() : m.end() + 1]
                if tail.isdigit():
                    continue
            mention = Mention(m.start(), m.end(), m.group(0).strip())
            if g.get("y"):
                mention.year = _year(g["y"].lstrip("’'‘"))
            elif g.get("y2"):
                mention.year = int(g["y2"])
            mon = g.get("m") or g.get("mon")
            if mon:
                mention.month = int(mon) if mon.isdigit() else EN_MONTHS[mon.lower().rstrip(".")]
            if g.get("d"):
                mention.day = int(g["d"])
            mention.weekday = g.get("wd")
            rel = (g.get("rel") or "").strip()
            if rel in ("지난", "작년", "last year"):
                mention.relative = "last_year" if rel != "지난" else "past"
            if rel and m.group(0).startswith(rel):
                mention.start += len(m.group(0)) - len(m.group(0).lstrip()) + len(rel)
                mention.start = m.start() + m.group(0).index(rel) + len(rel)
                while text[mention.start] == " ":
                    mention.start += 1
                mention.as_written = text[mention.start : mention.end].strip()
            mention.end = mention.start + len(mention.as_written)
            taken.append((m.start(), m.end()))
            found.append(mention)
            if mention.day is not None:
                rng = _RANGE_END.match(text, m.end())
                if rng and free(rng.start(), rng.end()) and _plausible_end(mention, rng):
                    end = Mention(
                        rng.start()
                        + len(rng.group(0))
                        - len(rng.group(0).lstrip(" ~∼〜–—-부터에서")),
                        rng.end(),
                        "",
                    )
                    end.as_written = text[end.start : end.end].strip()
                    end.end = end.start + len(end.as_written)
                    end.month = int(rng.group("m")) if rng.group("m") else None
                    end.day = int(rng.group("d"))
                    end.weekday = rng.group("wd")
                    end.notes = ["ends"]
                    taken.append((rng.start(), rng.end()))
                    found.append(end)
    for m in _DAY_RANGE_FIRST.finditer(text):
        if free(m.start(), m.end()):
            a = Mention(m.start(), m.end(), m.group(0), day=int(m.group("d")))
            b = Mention(m.start(), m.end(), m.group(0), day=int(m.group("d2")), notes=["ends"])
            taken.append((m.start(), m.end()))
            found += [a, b]
    for m in _DAY_ONLY.finditer(text):
        if not free(m.start(), m.end()) or _is_counted_day(text, m):
            continue
        a = Mention(m.start(), m.end(), m.group(0).strip(), day=int(m.group("d")))
        a.weekday = m.group("wd")
        taken.append((m.start(), m.end()))
        found.append(a)
        if m.group("rng"):
            a.as_written = text[m.start() : m.start("rng")].strip()
            a.end = a.start + len(a.as_written)
            b = Mention(m.start("rng"), m.end(), "", day=int(m.group("d2")), notes=["ends"])
            b.as_written = text[m.start("d2") : m.end()].strip()
            b.start = m.start("d2")
            found.append(b)
    found.sort(key=lambda x: (x.start, "ends" in x.notes))
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.end : b.start]
        if "ends" not in b.notes and b.start >= a.end and _JOIN.fullmatch(between):
            b.notes.append("ends")
    return found


_JOIN = re.compile(r"\s*(?:~|∼|〜|–|—|-|부터|에서|to|until)\s*")
_EN_DAY_RANGE = re.compile(
    r"(?<!\d)(?P<d>3[01]|[12]\d|0?[1-9])\s*[-–]\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s+"
    r"(?P<mon>" + _MONTH_RE + r")\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    re.I,
)


def _plausible_end(first: Mention, rng: re.Match) -> bool:
    """A range end must be later than the start (a day range) or carry its own month."""
    if rng.group("m"):
        return True
    if not rng.group("wd") and not re.search(r"일|까지", rng.group(0)) and "." not in rng.group(0):
        return False
    return int(rng.group("d")) > (first.day or 0)


def _is_counted_day(text: str, m: re.Match) -> bool:
    """`3일간`, `1 일 차`, `매일`: a count of days or a day number, not a calendar day."""
    after = text[m.end() : m.end() + 3]
    before = text[max(0, m.start() - 1) : m.start()]
    if re.search(r"\d\s*박\s*$", text[max(0, m.start() - 4) : m.start()]):
        return True
    return after.lstrip().startswith(("간", "차", "째", "동안")) or before in ("매", "제")


def weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def resolve(
    mention: Mention, *, year: int | None, month: int | None, year_source: str = ""
) -> None:
    """Fill value/precision from the mention and the context year/month; never guess."""
    y = mention.year
    m = mention.month if mention.month is not None else (month if mention.day else None)
    d = mention.day
    if y is None and mention.relative == "last_year" and year:
        y = year - 1
    elif y is None and (m is not None or d is not None):
        y = year
        if y is not None and year_source:
            mention.notes.append(f"연도 추정: {year_source} / year from {year_source}")
    wd = _weekday_index(mention.weekday)
    if y is None and wd is not None and m is not None and d is not None:
        y = None  # the caller tried year candidates already; stay null
    if d is not None and m is not None and y is not None:
        real = weekday_of(y, m, d)
        if real is None:
            mention.value = None
            return
        mention.value = f"{y:04d}-{m:02d}-{d:02d}"
        mention.precision = "day"
        if wd is not None and real != wd:
            mention.notes.append(
                f"요일 불일치: {mention.as_written}은 실제 {KO_WEEKDAYS[real]}요일 / "
                f"weekday mismatch: {mention.as_written} is a {EN_WEEKDAYS[real].title()}"
            )
    elif m is not None and y is not None and d is None:
        mention.value = f"{y:04d}-{m:02d}"
        mention.precision = "month"
    elif y is not None and m is None and d is None:
        mention.value = f"{y:04d}"
        mention.precision = "year"
    else:
        mention.value = None
        mention.precision = "day" if d is not None else ("month" if m is not None else "year")


def years_fitting(month: int, day: int, stated: str, candidates: range) -> list[int]:
    wd = _weekday_index(stated)
    return [y for y in candidates if wd is not None and weekday_of(y, month, day) == wd]

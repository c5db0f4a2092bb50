"""Assemble a planner-draft/1 dict from a document's text."""

from __future__ import annotations

import re

from planner.extraction import agreements, contacts, dates, fields, people, tables, trips
from planner.extraction.events import build_event
from planner.extraction.prose_events import find_prose_events

DATELINE = re.compile(
    r"(date|배포|등록|작성|게시|입력|수정|기사입력|발행|posted|published)[^\n]{0,12}$", re.I
)
NOISE = re.compile(
    r"^(skip|본문|메뉴|로그인|home|홈|검색|공유|인쇄|목록|이전글|다음글|source:)", re.I
)


def language(text: str) -> str:
    hangul = len(re.findall(r"[가-힣]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul >= latin * 0.3 else "en"


def doc_title(text: str, lang: str) -> str | None:
    """The headline: a short line near the top that is not a sentence, nav or a date; a line
    repeated (page title and headline) wins."""
    candidates = []
    for line in text.split("\n")[:40]:
        s = line.strip().strip("#").strip()
        if s.startswith("title:"):
            s = s.split(":", 1)[1].strip()
        if (
            "|" in s
            or NOISE.match(s)
            or len(s) < 8
            or len(s) > 90
            or s[0] in "•-–*□○▶※<>("
            or s.endswith(("다.", "니다", "."))
            or re.match(r"^[\d\s.\-:/()월화수목금토일]+$", s)
        ):
            continue
        if (lang == "ko" and not re.search(r"[가-힣]", s)) or fields.find_fields(s):
            continue
        candidates.append(s)
    for s in candidates:
        if candidates.count(s) > 1:
            return s
    return candidates[0] if candidates else None


class Resolver:
    """Resolves date mentions in text order: month carried forward, year from context."""

    def __init__(self, text: str):
        self.text = text
        self.mentions = dates.find_dates(text)
        self.year, self.source = self._context_year(text)
        candidates = self._candidate_years(text)
        month, known = None, None
        for m in self.mentions:
            if m.month is None and m.day is not None and month is not None and "ends" in m.notes:
                m.month = month
            year = self.year or known
            if (
                self.year
                and m.year is None
                and m.weekday
                and m.month
                and m.day
                and self.year not in dates.years_fitting(m.month, m.day, m.weekday, [self.year])
            ):
                # The weekday refutes the page's year: a year the text implies may fit it.
                fits = dates.years_fitting(m.month, m.day, m.weekday, candidates)
                if len(fits) == 1:
                    year = fits[0]
                    m.notes.append(f"연도 추정: {candidates[year]} + 요일 / year from {year}")
                    dates.resolve(m, year=year, month=month, year_source=candidates[year])
                    month = m.month
                    continue
            if self.year is None and m.year is None and m.weekday and m.month and m.day:
                fits = dates.years_fitting(m.month, m.day, m.weekday, range(1990, 2036))
                inferred = [y for y in fits if y in candidates]
                if len(inferred) == 1:
                    year = known = inferred[0]
                    m.notes.append(f"연도 추정: {candidates[year]} + 요일 / year from {year}")
                else:
                    year = None
                    m.notes.append("연도 불명: 요일이 여러 해에 맞음 / year unknown")
            if m.year is None and m.month is None and m.day is not None and month is not None:
                m.month = month
            dates.resolve(m, year=year, month=month, year_source=self.source if year else "")
            if m.month is not None and not m.relative:
                month = m.month  # `지난 2월` is looked back on: later days stay in their month

    def _candidate_years(self, text: str) -> dict[int, str]:
        """Years the text itself implies: `작년 9월` beside a dated `2009.9.29` → 2010;
        `10주년` of something `2016년 … 출범` → 2026. Each is only a candidate: the stated
        weekday must fit it."""
        found: dict[int, str] = {}
        full = [m for m in self.mentions if m.year and m.month]
        for m in self.mentions:
            if m.relative == "last_year" and m.month:
                for f in full:
                    if f.month == m.month:
                        found[f.year + 1] = f"작년 {m.month}월 = {f.as_written}"
        for n in re.finditer(r"(\d{1,3})\s*주년", text):
            for y in re.finditer(
                r"((?:19|20)\d\d)\s*년[^.\n]{0,40}?(?:출범|창설|설립|개소|수교|체결)", text
            ):
                found[int(y.group(1)) + int(n.group(1))] = f"{y.group(1)}년 + {n.group(0)}"
        head = "\n".join([line for line in text.split("\n") if line.strip()][:3])
        for y in re.finditer(r"(?<![\d.\-])((?:19|20)\d\d)(?![\d.\-])", head):
            found.setdefault(int(y.group(1)), f"제목의 {y.group(1)}")
        return found

    def _context_year(self, text: str) -> tuple[int | None, str]:
        head = text[: max(600, len(text) // 4)]
        for m in self.mentions:
            if m.start > len(head):
                break
            line_start = text.rfind("\n", 0, m.start) + 1
            before = text[line_start : m.start]
            if (
                m.year
                and m.month
                and m.day
                and (not before.strip(" |:-[(•") or DATELINE.search(before))
            ):
                return m.year, "게시일/dateline"
        return None, ""

    def published(self):
        for m in self.mentions[:3]:
            if m.year and m.month and m.day and m.start < 600:
                return m.draft()
        return None

    def between(self, start: int, end: int) -> list[dict]:
        return [m.draft() for m in self.mentions if start <= m.start < end]


def build(text: str) -> dict:
    lang = language(text)
    title = doc_title(text, lang)
    resolver = Resolver(text)
    orgs: list[dict] = []

    def org_ref(name: str) -> str:
        for o in orgs:
            if o["name_ko"] == name or o.get("name_en") == name:
                return o["ref"]
        o = {
            "ref": f"o{len(orgs) + 1}",
            "name_ko": name if lang == "ko" else None,
            "name_en": None if lang == "ko" else name,
            "acronym": None,
            "kind": "ministry" if name.endswith(("부", "Ministry")) else None,
            "country": None,
            "parent": None,
        }
        orgs.append(o)
        return o["ref"]

    found_fields = fields.find_fields(text)
    rows = tables.find_rows(text, resolver.year)
    event_title = _event_title(text, found_fields, title)
    event = build_event(text, found_fields, rows, resolver.between, event_title, lang, org_ref)
    trip = trips.build_trip(text, resolver, title, lang) if lang == "ko" else None
    agreement = agreements.build_agreement(text, resolver, org_ref)
    events = [event] if event else []
    if not event and not trip:
        events = find_prose_events(text, resolver, lang, org_ref)
    if trip:
        for e in trip.pop("_events", []):
            for o in e["organisers"]:
                o["organisation"] = org_ref(o["organisation"])
            if not event:
                events.append(e)
        for e in trip["engagements"]:
            e.pop("host", None)
    kind = "trip" if trip else ("event" if event else ("agreement" if agreement else "event"))
    if agreement and not rows and not trip:
        kind = "agreement"
    person_list = []
    for k, p in enumerate(people.find_people(text)):
        person_list.append(
            {"ref": f"p{k + 1}", "position_en": None, "organisation": None, "confidence": 0.6, **p}
        )
    return {
        "format": "planner-draft/1",
        "source": {
            "title": title,
            "kind": "press_release" if re.search(r"밝혔다|보도자료", text) else None,
            "publisher": None,
            "language": lang,
            "published_on": resolver.published(),
            "embargo_until": None,
            "url": None,
            "text": text,
        },
        "kind": kind,
        "organisations": orgs,
        "people": person_list,
        "trips": [trip] if trip else [],
        "events": events,
        "agreements": [agreement] if agreement else [],
        "contacts": contacts.find_contacts(text),
    }


GENERIC_TITLE = re.compile(r"^(?:draft\s+)?(?:agenda|programme|program|schedule)$", re.I)
NAMED_MEETING = re.compile(
    r"\bthe ((?:[A-Z][\w\-]*\s){1,6}(?:Meeting|Forum|Conference|Summit|Workshop|Symposium))\b"
)


def _event_title(text: str, found, title: str | None) -> str | None:
    named = next((f.value for f in found if f.role == "title"), None)
    if title and GENERIC_TITLE.match(title.strip()):
        # `Draft Agenda` names the page, not the event: `Opening of the Ministerial Meeting`.
        meeting = NAMED_MEETING.search(text)
        if meeting:
            return meeting.group(1)
    quoted = re.search(r"[‘'「“\"](제\s*\d+\s*회[^’'」”\"\n]{2,40})[’'」”\"]", text)
    if quoted:
        return quoted.group(1)
    line = re.search(r"^\s*(?:\d{4}년도?\s*)?제\s*\d+\s*회[^\n|]{2,60}$", text, re.M)
    if line:
        return line.group(0).strip()
    if named and title and named in title:
        return title
    return title or named

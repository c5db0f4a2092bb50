"""Events told only in prose, with no 일시/장소 lines and no programme table.

Shapes read:
- `행정안전부는 15일 오후 정부서울청사에서 '…서명식'을 개최했다` (a quoted or bracketed
  title, a holding verb, a date, a venue `…에서`, the subject as host);
- `… 2.11(목) 오전 한·일 외교장관 회담을 가질 예정` (an unquoted title ending in an event
  word, read back from the verb);
- `the 7th OECD … Meeting is taking place in Seoul from September 4th to September 5th`;
- `On September 4, Minister X met with Deputy Secretary-General Y` (a meeting).
A visit to Korea (`방한`) places the event in KR.
"""

from __future__ import annotations

import re

from planner.extraction import places
from planner.extraction.events import PLACE_KEYS, empty_event

SENTENCE = re.compile(r"[^\n]+?(?:다\.(?=\s|$)|\.(?=\s+[A-Z])|$)", re.M)
KO_HOLD = re.compile(
    r"(?:을|를)\s*(?:개최|가질|가졌|갖는|갖고|가진|실시|열었|연다|열린다|진행|마련)"
)
QUOTE_END = re.compile(r"[‘'「“\"]([^’'」”\"\n]{4,90})[’'」”\"]\s*$")
EVENT_WORDS = [
    ("meeting", ("면담", "회담", "회의", "위원회", "협의회", "간담회", "meeting", "talks")),
    ("forum", ("포럼", "forum")),
    ("seminar", ("세미나", "워크숍", "라운드테이블", "설명회", "seminar", "workshop")),
    ("conference", ("컨퍼런스", "학술대회", "총회", "conference", "summit", "dialogue")),
    ("festival", ("축제", "페스티벌", "festival")),
    ("ceremony", ("기념식", "개소식", "서명식", "협약식", "개막식", "ceremony")),
    ("other", ("초청사업", "행사", "사업", "대회", "연수")),
]
# A word that ends the title when reading back from the verb: a date, a time of day,
# or a word carrying a case ending (`외무대신과`, `정부서울청사에서`).
STOP_WORD = re.compile(
    r"^(?:오전|오후|저녁|밤|새벽|\d.*|.*(?:에서|에게|와|과|은|는|이|가|에|로|께서|\)))$"
)
HOST = re.compile(r"^\s*[□○ㅇ▶-]?\s*([가-힣]{2,12}(?:부|청|처|원|위원회|시|도|군|구))[은는]\s")
ATTEND = re.compile(
    r"(?P<who>[가-힣・·\s]{0,16}?)\(?(?P<n>\d[\d,]*)\s*명\)?\s*(?:이|가|을|를)?\s*"
    r"(?:참석|참가|대상|초청)"
)
EN_HELD = re.compile(
    r"(?:the\s+)?(?P<title>(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w\-&]*\s+){1,8}?"
    r"(?:Meeting|Forum|Conference|Summit|Workshop|Seminar|Ceremony|Dialogue|Symposium))\s+"
    r"(?:is taking place|takes place|took place|will take place|was held|will be held|"
    r"is held|is being held|opened)"
)
EN_MET = re.compile(
    r"(?P<title>[A-Z][^,.;\n]{2,60}? met with [^,.;\n]{3,80}?)(?= to | on |[,.;]|$)"
)
EN_HOST = re.compile(
    r"\b(?:is|was|will be) hosted by (?:the )?([A-Z][\w .\-]{1,60}?)(?=[.,;]| on | in |$)"
)


def prose_kind(title: str) -> str:
    """The kind named first in the title (`양자 면담 및 … 서명식` is a meeting)."""
    low = title.lower()
    hits = [(low.find(w), kind) for kind, words in EVENT_WORDS for w in words if w in low]
    return min(hits)[1] if hits else "other"


def find_prose_events(text: str, resolver, lang: str, org_ref) -> list[dict]:
    found = []
    for m in SENTENCE.finditer(text):
        sentence, at = m.group(0), m.start()
        event = (
            _korean(sentence, at, text, resolver, org_ref)
            if lang == "ko"
            else _english(sentence, at, text, resolver, org_ref)
        )
        if event and not any(_same(event, other) for other in found):
            found.append(event)
    return found


def _same(a: dict, b: dict) -> bool:
    return (a["title_ko"] or a["title_en"]) == (b["title_ko"] or b["title_en"])


def _dated(resolver, start: int, end: int) -> list[dict]:
    return [d for d in resolver.between(start, end) if d.get("precision") != "year"]


def _korean(sentence: str, at: int, text: str, resolver, org_ref) -> dict | None:
    hold = KO_HOLD.search(sentence)
    if not hold:
        return None
    before = sentence[: hold.start()]
    quoted = QUOTE_END.search(before)
    if quoted:
        title, t_at = quoted.group(1).strip(), at + quoted.start(1)
    else:
        words = before.split()
        kept = []
        for word in reversed(words[-7:]):
            if STOP_WORD.match(word) or places.find_places(word) and not kept:
                break
            kept.insert(0, word)
        title = " ".join(kept)
        if not kept or prose_kind(title) == "other" and not re.search(r"사업|행사", title):
            return None
        t_at = at + before.rfind(kept[0])
    dated = _dated(resolver, at, at + len(sentence))
    if not dated:
        return None
    event = _event(title, "ko", dated, [t_at, t_at + len(title)], text)
    venue = re.search(
        r"([가-힣A-Za-z0-9]{3,20})에서\s",
        before[: before.find(title) if title in before else len(before)],
    )
    if venue and not places.find_places(venue.group(1)):
        event["place"]["venue"] = venue.group(1)
    if re.search(r"방한", text):
        event["place"]["country"] = "KR"
    host = HOST.match(sentence)
    if host:
        event["organisers"].append(
            {"organisation": org_ref(host.group(1)), "role": "host", "confidence": 0.5}
        )
    window = text[at : at + len(sentence) + 400]
    attend = ATTEND.search(window)
    if attend:
        n = attend.group("n").replace(",", "")
        written = attend.group(0).strip()
        event["attendance"] = {
            "expected": int(n),
            "approximate": bool(re.search(r"약|내외|여명", written)),
            "as_written": written,
            "breakdown": [],
            "span": [at + attend.start(), at + attend.end()],
            "confidence": 0.5,
        }
    return event


def _english(sentence: str, at: int, text: str, resolver, org_ref) -> dict | None:
    held = EN_HELD.search(sentence)
    met = None if held else EN_MET.search(sentence)
    hit = held or met
    if not hit:
        return None
    # The dates after `is taking place`, not a dateline that opens the sentence.
    dated = _dated(resolver, at + (held.end() if held else 0), at + len(sentence))
    if not dated:
        return None
    title = hit.group("title").strip()
    event = _event(title, "en", dated, [at + hit.start("title"), at + hit.end("title")], text)
    if met:
        event["kind"], event["end"] = "meeting", None
        return event
    tail = sentence[held.end() :]
    city = re.search(r"\bin ([A-Z][a-z]+)\b", tail)
    where = places.find_places(city.group(1)) if city else []
    if where:
        event["place"].update(
            city=city.group(1), country=where[0]["country"], timezone=where[0]["timezone"]
        )
    host = EN_HOST.search(text)
    if host:
        event["organisers"].append(
            {"organisation": org_ref(host.group(1).strip()), "role": "host", "confidence": 0.5}
        )
    return event


def _event(title: str, lang: str, dated: list[dict], span: list[int], text: str) -> dict:
    ends = [
        d
        for d in dated[1:]
        if "ends" in d.get("notes", [])
        or re.search(r"(?:to|until|through|~|∼|–|-)\s*$", text[: d["span"][0]][-10:])
    ]
    edition = re.search(r"제\s*(\d+)\s*(?:회|차)|\b(\d+)(?:st|nd|rd|th)\b", title)
    return empty_event(
        kind=prose_kind(title),
        title_ko=title if lang == "ko" else None,
        title_en=title if lang == "en" else None,
        edition={
            "number": int(edition.group(1) or edition.group(2)),
            "as_written": edition.group(0),
        }
        if edition
        else None,
        start=dated[0],
        end=ends[0] if ends else None,
        place=dict.fromkeys(PLACE_KEYS),
        span=span,
        confidence=0.5,
    )

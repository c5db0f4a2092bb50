"""What a delegation does on a trip, clause by clause: meetings, forums, visits, the
people met, where and on which day."""

from __future__ import annotations

import re

from planner.extraction import counterparts as C
from planner.extraction import people as P
from planner.extraction import places

SENTENCE = re.compile(r"[^\n]+?(?:다\.(?=\s|$)|$)", re.M)


def sentences(text: str):
    for m in SENTENCE.finditer(text):
        yield m.start(), m.group(0)


def foreign_places(sentence: str) -> list[dict]:
    return [p for p in places.find_places(sentence) if p["country"] != "KR"]


ENGAGEMENTS = [
    ("forum", ("포럼",)),
    ("seminar", ("워크숍", "라운드테이블", "세미나")),
    ("ceremony", ("기념식", "개소식", "개막식")),
    ("signing", ("서명식",)),
    (
        "meeting",
        ("면담", "회담", "예방", "간담회", "회의", "공동위원회", "위원회", "과 만나", "와 만나"),
    ),
    ("other", ("리셉션", "만찬", "오찬")),
]


CLAUSE = re.compile(r"(?<=[고며서]),\s+")
VISIT = re.compile(r"(?:를|을)\s*방문(?:해|하여|하고)")


def find_engagements(text, resolver, stops, sent_at: int, after: int) -> list[dict]:
    """One engagement per clause that names a meeting, forum, visit…; one per person met.
    Before the sentence that sends the delegation, only a dated sentence set in one of its
    stops counts (a photo caption: `27일 오전 모스크바 타스 통신사를 방문해`)."""
    out = []
    current_stop = stops[0]["place"] if stops else None
    earlier = [
        (at, sentence)
        for at, sentence in sentences(text[:sent_at])
        if _stop_named(sentence, stops) and _clause_dates(sentence, at, resolver)
    ]
    later = [(at + after, sentence) for at, sentence in sentences(text[after:])]
    # `협력단은 8~10일 체코를 방문해 ‘…라운드테이블’을 개최한다`: what the sending sentence
    # says is done there, after the visiting verb.
    sending = text[sent_at:after]
    then = re.search(r"(?:방문|파견)(?:해|하여|하고)\s+", sending)
    own = [(sent_at + then.end(), sending[then.end() :])] if then else []
    last_host = None
    for at, sentence in earlier + own + later:
        if re.search(r"지난|작년|당시", sentence[:30]) and not re.search(
            r"(한다|된다|예정이다|계획이다|갖는다)\.?\s*$", sentence
        ):
            continue
        pos = 0
        for clause in CLAUSE.split(sentence):
            c_at = at + sentence.find(clause, pos)
            pos = c_at - at + len(clause)
            current_stop = _stop_named(clause, stops) or current_stop
            found = _clause_engagements(clause, c_at, resolver, current_stop, len(out))
            for e in found:
                # `이어, 10일에는 … 워크숍을 가질 예정이다`: the last one named still acts.
                if not e["_host"] and re.match(r"\s*[ㅇ○□-]?\s*(?:이어|또|아울러)", sentence):
                    e["_host"] = last_host
                last_host = e["_host"] or last_host
            out += found
    return _merged(out)


def _merged(engagements: list[dict]) -> list[dict]:
    """One engagement per name: `워싱턴에서는 제8차 …위원회를 개최하는 등` and `20일에는 제 8차
    …위원회를 개최해` are the same meeting; the dated mention is kept."""
    kept: list[dict] = []
    for e in engagements:
        key = re.sub(r"\s", "", e["title"] or "")
        named = len(key) >= 6  # a bare `면담` names no one meeting
        same = next((k for k in kept if named and re.sub(r"\s", "", k["title"] or "") == key), None)
        if same is None:
            kept.append(e)
        elif e["date"] and not same["date"]:
            kept[kept.index(same)] = e
    for order, e in enumerate(kept, 1):
        e["order"] = order
    return kept


def _stop_named(clause: str, stops) -> dict | None:
    for p in foreign_places(clause):
        tail = clause[p["span"][1] : p["span"][1] + 12]
        if re.match(r"\s*(?:를|을|에서|에|\s[가-힣]+에서)", tail) or p["kind"] == "city":
            for s in stops:
                if s["place"]["country"] == p["country"]:
                    return s["place"]
    return None


def _kind_hits(clause: str) -> list[tuple[int, str]]:
    """(where, kind) of each engagement word; `사회의 날` holds no 회의."""
    return [
        (m.start(), k, m.end())
        for k, words in ENGAGEMENTS
        for w in words
        for m in [re.search(("(?<!사)" if w == "회의" else "") + re.escape(w), clause)]
        if m
    ]


def _clause_engagements(clause, at, resolver, stop, n) -> list[dict]:
    visit = C.visited_venue(clause)
    if visit:
        venue, end = visit
        met = C.titled_counterparts(clause)
        kind = "meeting" if met and re.search(r"만나|만났|면담", clause[end:]) else "other"
        dated = _clause_dates(clause, at, resolver)
        place = dict(stop) if stop else dict.fromkeys(("country", "city", "timezone"))
        place["venue"] = venue
        called = {
            "_host": None,
            "kind": kind,
            "title": f"{venue} 방문",
            "date": dated[0] if dated else None,
            "start": None,
            "end": None,
            "place": place,
            "status": None,
            "participants": [],
            "purpose": None,
            "order": n + 1,
            "counterparts": [{"as_written": who} for who in met],
            "span": [at, at + end],
            "confidence": 0.5,
        }
        rest = [
            e
            for e in _clause_engagements(clause[end:], at + end, resolver, stop, n + 1)
            if not (kind == "meeting" and e["kind"] == "meeting")
        ]
        for e in rest:
            e["date"] = e["date"] or called["date"]
        return [called, *rest]
    hits = _kind_hits(clause)
    kind = min(hits)[1] if hits else None
    walked = _walked_title(clause, min(hits)[2]) if hits and "만나" not in clause else None
    attend = re.search(r"(?:열리는|개최되는|열릴)\s+(.{4,60}?)에\s*참석", clause)
    if kind is None and attend:
        kind = "event"
    if kind is None and VISIT.search(clause) and re.search(r"점검|시찰|견학|둘러", clause):
        kind = "visit"
    if kind is None:
        return []
    if kind in ("forum", "seminar", "ceremony", "event") and not re.search(
        r"개최|참석|열리|가질|갖|진행|참가|연다", clause
    ):
        return []
    dated = _clause_dates(clause, at, resolver)
    # A quoted name that is the subject (`‘…협력단’은`) is who acts, not what is held.
    quoted = re.search(r"[‘'「“](.{4,40}?)[’'」”](?![은는이가]\s)", clause)
    plain = re.search(
        r"([가-힣A-Za-z\-·․]+(?:포럼|워크숍|라운드테이블|세미나|기념식|개소식|위원회))", clause
    )
    title = (
        quoted.group(1)
        if quoted and kind in ("forum", "seminar", "ceremony")
        else (plain.group(1) if plain else None)
    )
    if kind == "event" and attend:
        title = attend.group(1).strip()
    elif walked and (not title or (title in walked and len(walked) > len(title))):
        title = walked
    host = re.search(r"(\S+)\s+(주최|주관)\s", clause)
    # A name with no title or Latin spelling beside it is no one met (`정보통신(IT)`).
    found = [
        p
        for p in (P.find_people(clause) if kind == "meeting" else [])
        if p.get("position_ko") or p.get("name_latin")
    ]
    subject = re.match(
        r"^[^가-힣‘']*(?:[‘']([^’'\n]{2,30}(?:단|부|청|처|원|회))[’']|"
        r"([가-힣\-·]{2,20}(?:단|부|청|처|원|회)))[은는이가]\s",
        clause,
    )
    base = {
        "_host": host.group(1)
        if host
        else (subject.group(1) or subject.group(2) if subject else None),
        "kind": kind,
        "date": dated[0] if dated else None,
        "start": None,
        "end": None,
        "place": dict(stop) if stop else None,
        "status": None,
        "participants": [],
        "purpose": None,
        "span": [at, at + len(clause)],
        "confidence": 0.5,
    }
    if not found:
        titled = C.titled_counterparts(clause)
        return [
            {
                **base,
                "title": title,
                "order": n + 1,
                "counterparts": [{"as_written": who} for who in titled],
            }
        ]
    return [
        {
            **base,
            "order": n + k + 1,
            "counterparts": [{"as_written": p["name_ko"]}],
            "title": f"{p['name_ko']} {p['position_ko'] or ''} 면담".replace("  ", " "),
        }
        for k, p in enumerate(found)
    ]


def _clause_dates(clause, at, resolver) -> list[dict]:
    """The days a clause names, less years and days looked back on (`지난 2월`)."""
    return [
        d
        for d in resolver.between(at, at + len(clause))
        if d["precision"] != "year"
        and not re.search(
            r"(?:지난|작년|당시)\s*$", resolver.text[max(0, d["span"][0] - 4) : d["span"][0]]
        )
    ]


TITLE_STOP = re.compile(
    r"^(?:\d+\s*(?:일|월|시)\S*|오전|오후|주최|주관|가운데|계기로|[‘'“].*|.*(?:한|된|하는|되는)"
    r"|.*(?:에는|에서는|에서|께서|은|는|이|가|을|를|와|과|에|도|로|해|고|며|여|서))$"
)


def _walked_title(clause: str, end: int) -> str | None:
    """The name that ends with the engagement word, read back to a date, a place `…에서는`
    or a word with a case ending: `20일에는 제 8차 한․미 과학기술공동위원회` → from 제."""
    kept: list[str] = []
    for word in reversed(clause[:end].split()[-8:]):
        if kept and (TITLE_STOP.match(word) or word.endswith((",", "."))):
            break
        kept.insert(0, word)
    return " ".join(kept) or None

"""An outbound trip: the sentence that sends someone abroad, its dates, stops and meetings."""

from __future__ import annotations

import re

from planner.extraction import counterparts as C
from planner.extraction import people as P
from planner.extraction import places

TRIP_VERB = re.compile(r"방문(?!객|단)|파견|순방|출장|출국|찾는다")
SENTENCE = re.compile(r"[^\n]+?(?:다\.(?=\s|$)|$)", re.M)
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


def _sentences(text: str):
    for m in SENTENCE.finditer(text):
        yield m.start(), m.group(0)


def build_trip(text: str, resolver, title: str | None, lang: str) -> dict | None:
    """The first sentence that sends someone abroad with a date range (else with a date)."""
    sentences = list(_sentences(text))
    found = []
    for k, (at, sentence) in enumerate(sentences):
        if not TRIP_VERB.search(sentence):
            continue
        dated = resolver.between(at, at + len(sentence))
        if not dated:
            continue
        foreign = _foreign(sentence)
        if not foreign:
            nearby = [s for _, s in sentences[k + 1 : k + 3]] + [title or ""]
            foreign = next((f for f in map(_foreign, nearby) if f), [])
        if foreign:
            ranged = any("ends" in d.get("notes", []) for d in dated)
            found.append((not ranged, k, at, sentence, foreign, dated))
    if not found:
        return None
    _, k, at, sentence, foreign, dated = min(found, key=lambda f: (f[0], f[1]))
    for _at, other in sentences:
        if (
            other != sentence
            and TRIP_VERB.search(other)
            and not re.search(r"지난|작년|당시|순방\s*시", other)
        ):
            foreign += [p for p in _foreign(other) if p not in foreign]
    # Countries in the order the sending sentence names them (`스위스와 미국을 순차로`);
    # a city named earlier in passing (`워싱턴 글로벌혁신센터`) does not lead.
    foreign.sort(key=lambda p: (_named_at(sentence, p), _first_at(text, p)))
    return _trip(text, at, sentence, foreign, dated, resolver, title)


def _named_at(sentence: str, p: dict) -> int:
    countries = [q for q in _foreign(sentence) if q["kind"] == "country"]
    at = next((q["span"][0] for q in countries if q["country"] == p["country"]), None)
    return at if at is not None else len(sentence)


def _first_at(text: str, p: dict) -> int:
    return text.find(p["name"])


def _foreign(sentence: str) -> list[dict]:
    return [p for p in places.find_places(sentence) if p["country"] != "KR"]


def _trip(text, at, sentence, foreign, dated, resolver, title) -> dict:
    ends = [d for d in dated if "ends" in d.get("notes", [])]
    trip = {
        "title_ko": title,
        "title_en": None,
        "subtitle": None,
        "purpose": None,
        "head": None,
        "start": dated[0],
        "end": ends[0] if ends else None,
        "duration_as_written": None,
        "stops": [],
        "segments": [],
        "engagements": [],
        "delegation": [],
        "agreements": [],
        "span": [at, at + len(sentence)],
        "confidence": 0.6,
    }
    head = re.search(r"단장\s*[:：]?\s*([가-힣]{2,4})\s+([^)]+)\)", sentence)
    if head:
        trip["head"] = {"as_written": f"{head.group(1)} {head.group(2).strip()}"}
    else:
        subject = re.search(
            r"(?<![가-힣])([가-힣]{1,4})\s+((?:[가-힣]+\s+)?[가-힣]*?(?:"
            + P._POS_RE
            + r"))[은는이가]\s",
            sentence,
        )
        if subject:
            trip["head"] = {"as_written": f"{subject.group(1)} {subject.group(2)}"}
            if len(subject.group(1)) == 1:
                # `박 시장이`: the full name written elsewhere (`박원순 서울시장은`).
                full = re.search(
                    subject.group(1)
                    + r"[가-힣]{1,3}\s+[가-힣]*"
                    + subject.group(2)
                    + r"(?=[은는이가\s])",
                    text,
                )
                if full:
                    trip["head"] = {"as_written": full.group(0)}
    all_places = places.find_places(text)
    for p, city in _stop_places(foreign, all_places, text):
        place = {
            "country": p["country"],
            "city": city["city"] if city else None,
            "locality": None,
            "venue": None,
            "building": None,
            "room": None,
            "address": None,
            "timezone": (city or p)["timezone"] or places.country_zone(p["country"]),
            "span": (city or p)["span"],
        }
        trip["stops"].append(
            {"order": len(trip["stops"]) + 1, "place": place, "arrive": None, "depart": None}
        )
    for airport in places.find_airports(text):
        for stop in trip["stops"]:
            if stop["place"]["country"] == airport["country"] and not stop["place"].get("airport"):
                stop["place"]["airport"] = airport["airport"]
    trip["engagements"] = _engagements(text, resolver, trip["stops"], at, at + len(sentence))
    lead = re.search(r"([가-힣]{2,10}부)\s*\(\s*장관", text)
    for e in trip["engagements"]:
        e["host"] = e.pop("_host", None) or (lead.group(1) if lead else None)
    trip["_events"] = [
        _as_event(e, text)
        for e in trip["engagements"]
        if e["title"]
        and (
            e["kind"] in ("forum", "seminar", "ceremony", "event")
            or (e["kind"] == "meeting" and not e["counterparts"])
        )
    ]
    return trip


ORGANISED = re.compile(r"^\s*이번\s*(?:행사|회의|포럼|대화)[은는]\s*([^\s,]+?)[이가]\s*(주관|주최)")


def _as_event(e: dict, text: str) -> dict:
    from planner.extraction.events import empty_event, event_kind

    after = text[e["span"][1] : e["span"][1] + 200].lstrip(" .\n")
    by = ORGANISED.match(after)
    if by:
        e["host"] = None
    kind = e["kind"] if e["kind"] != "event" else event_kind(e["title"])
    organisers = (
        [{"organisation": by.group(1), "role": "organiser" if by.group(2) == "주관" else "host"}]
        if by
        else []
    )
    return empty_event(
        kind=kind,
        title_ko=e["title"],
        start=e["date"],
        end=dict(e["date"]) if e["date"] else None,
        place=e["place"],
        organisers=organisers
        or ([{"organisation": e["host"], "role": "host"}] if e.get("host") else []),
        span=e["span"],
        confidence=0.5,
    )


def _stop_places(foreign, all_places, text):
    """(country mention, city mention or None) per stop: one per city where the visiting
    sentences list several cities of a country (`모스크바·울랴놉스크`), else one per country."""
    out, seen = [], []
    for p in foreign:
        if p["country"] in seen:
            continue
        seen.append(p["country"])
        cities = []
        for c in foreign:
            if (
                c["kind"] == "city"
                and c["country"] == p["country"]
                and c["city"] not in [x["city"] for x in cities]
            ):
                cities.append(c)
        if len(cities) >= 2:
            out += [(c, c) for c in cities]
        else:
            out.append((p, cities[0] if cities else _city_of(all_places, p["country"], text)))
    return out


def _city_of(all_places, iso, text):
    """A city of that country named where something happens there (`베오그라드에서`)."""
    for p in all_places:
        if p["kind"] == "city" and p["country"] == iso:
            after = text[p["span"][1] : p["span"][1] + 3]
            if after.startswith(("에서", "를", "을", "에 ", "시")):
                return p
    return None


CLAUSE = re.compile(r"(?<=[고며서]),\s+")
VISIT = re.compile(r"(?:를|을)\s*방문(?:해|하여|하고)")


def _engagements(text, resolver, stops, sent_at: int, after: int) -> list[dict]:
    """One engagement per clause that names a meeting, forum, visit…; one per person met.
    Before the sentence that sends the delegation, only a dated sentence set in one of its
    stops counts (a photo caption: `27일 오전 모스크바 타스 통신사를 방문해`)."""
    out = []
    current_stop = stops[0]["place"] if stops else None
    earlier = [
        (at, sentence)
        for at, sentence in _sentences(text[:sent_at])
        if _stop_named(sentence, stops) and _clause_dates(sentence, at, resolver)
    ]
    later = [(at + after, sentence) for at, sentence in _sentences(text[after:])]
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
    for p in _foreign(clause):
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

"""An outbound trip: the sentence that sends someone abroad, its dates, stops and meetings."""

from __future__ import annotations

import re

from planner.extraction import people as P
from planner.extraction import places
from planner.extraction.engagements import find_engagements, foreign_places, sentences

TRIP_VERB = re.compile(r"방문(?!객|단)|파견|순방|출장|출국|찾는다")


def build_trip(text: str, resolver, title: str | None, lang: str) -> dict | None:
    """The first sentence that sends someone abroad with a date range (else with a date)."""
    told = list(sentences(text))
    found = []
    for k, (at, sentence) in enumerate(told):
        if not TRIP_VERB.search(sentence):
            continue
        dated = resolver.between(at, at + len(sentence))
        if not dated:
            continue
        foreign = foreign_places(sentence)
        if not foreign:
            nearby = [s for _, s in told[k + 1 : k + 3]] + [title or ""]
            foreign = next((f for f in map(foreign_places, nearby) if f), [])
        if foreign:
            ranged = any("ends" in d.get("notes", []) for d in dated)
            found.append((not ranged, k, at, sentence, foreign, dated))
    if not found:
        return None
    _, k, at, sentence, foreign, dated = min(found, key=lambda f: (f[0], f[1]))
    for _at, other in told:
        if (
            other != sentence
            and TRIP_VERB.search(other)
            and not re.search(r"지난|작년|당시|순방\s*시", other)
        ):
            foreign += [p for p in foreign_places(other) if p not in foreign]
    # Countries in the order the sending sentence names them (`스위스와 미국을 순차로`);
    # a city named earlier in passing (`워싱턴 글로벌혁신센터`) does not lead.
    foreign.sort(key=lambda p: (_named_at(sentence, p), _first_at(text, p)))
    return _trip(text, at, sentence, foreign, dated, resolver, title)


def _named_at(sentence: str, p: dict) -> int:
    countries = [q for q in foreign_places(sentence) if q["kind"] == "country"]
    at = next((q["span"][0] for q in countries if q["country"] == p["country"]), None)
    return at if at is not None else len(sentence)


def _first_at(text: str, p: dict) -> int:
    return text.find(p["name"])


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
    trip["engagements"] = find_engagements(text, resolver, trip["stops"], at, at + len(sentence))
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

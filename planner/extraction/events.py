"""An event (forum, ceremony, agenda…) from the labelled lines and the programme table."""

from __future__ import annotations

import re

from planner.extraction import fields as F
from planner.extraction import order as order_mod
from planner.extraction import places, tables
from planner.extraction.sessions import people_by_surname, session, with_parallel
from planner.extraction.times import find_times

EVENT_KINDS = [
    ("forum", ("포럼", "forum")),
    ("seminar", ("세미나", "워크숍", "workshop", "seminar", "study mission", "라운드테이블")),
    ("festival", ("축제", "페스티벌", "festival", "민속", "대보름")),
    ("conference", ("conference", "컨퍼런스", "학술대회", "총회", "고위급 대화", "dialogue")),
    ("ceremony", ("기념식", "위령제", "추모식", "폐회식", "개회식", "개막식", "ceremony", "식")),
    ("meeting", ("회의", "meeting", "회담")),
]
ROOM_WORD = re.compile(
    r"(?:\d+(?:~\d+)?호|[가-힣A-Za-z]*(?:공연장|회의실|강당|홀|룸|실|관|쉼터|앞))$"
)


def event_kind(title: str) -> str:
    low = (title or "").lower()
    for kind, words in EVENT_KINDS:
        if any(w in low for w in words):
            return kind
    return "other"


def parse_place(value: str, at: int, lang: str) -> tuple[dict, list[str]]:
    place = {
        "country": None,
        "city": None,
        "locality": None,
        "venue": None,
        "building": None,
        "room": None,
        "address": None,
        "timezone": None,
        "span": [at, at + len(value)],
        "confidence": 0.7,
    }
    rooms: list[str] = []
    addr = re.search(r"\(([^)]*\d[^)]*)\)", value)
    if addr:
        place["address"] = addr.group(1).strip()
        bits = addr.group(1).split()
        if bits and bits[0].endswith(("시", "군", "구")):
            place["city"] = bits[0]
        if len(bits) > 1 and bits[1].endswith(("면", "읍", "동")):
            place["locality"] = bits[1]
        value = value[: addr.start()] + value[addr.end() :]
    words = value.split()
    if words and words[0] in places.KO_CITIES:
        iso, zone = places.KO_CITIES[words[0]]
        place.update(city=words[0], country=iso, timezone=zone)
        words = words[1:]
    elif words and re.sub(r",$", "", words[-1]) in ("Korea",):
        place["country"] = "KR"
    if len(words) >= 2 and ROOM_WORD.search(words[-1]):
        rooms.append(words[-1])
        place["room"] = words[-1]
        words = words[:-1]
    english = re.match(r"^([^,]+),\s*([A-Z][a-z]+)(?:,\s*(.+))?$", " ".join(words))
    if english:
        found = places.find_places(english.group(2)) or places.find_places(english.group(3) or "")
        if found:
            place.update(
                venue=english.group(1),
                city=english.group(2),
                country=found[0]["country"],
                timezone=found[0]["timezone"],
            )
            return place, rooms
    place["venue"] = " ".join(words) or None
    return place, rooms


def empty_event(**values) -> dict:
    """An EVENT with every key of the format, the given values set."""
    event = dict.fromkeys(
        (
            "title_ko",
            "title_en",
            "subtitle",
            "series",
            "edition",
            "theme",
            "start",
            "end",
            "start_time",
            "end_time",
            "place",
            "attendance",
            "livestream",
            "mc",
        ),
    )
    event.update(alt_titles=[], rooms=[], organisers=[], parts=[], sessions=[], confidence=0.6)
    event.update(values)
    return event


def build_event(
    text: str,
    fields: list[F.Field],
    rows: list[tables.Row],
    resolve_date,
    title: str | None,
    lang: str,
    orgs,
) -> dict | None:
    when = next((f for f in fields if f.role == "when"), None)
    where = next((f for f in fields if f.role == "where"), None)
    own = _own_label(text, title)
    if own:
        when, where = own
    if len(rows) == 1 and rows[0].day is not None:
        rows = []  # one dated clock line (a dateline, `2014-05-15 09:35`) is not a programme
    ordered, parts = order_mod.find_order(text) if not rows else ([], [])
    if not rows and not ordered and not (when and where):
        return None
    event = empty_event(kind=event_kind(title or ""))
    if title:
        event["title_ko" if lang == "ko" else "title_en"] = title
        ed = re.search(r"제\s*(\d+)\s*회|(\d+)(?:st|nd|rd|th)\b", title)
        if ed:
            event["edition"] = {
                "number": int(ed.group(1) or ed.group(2)),
                "as_written": ed.group(0),
            }
    if when:
        dates = resolve_date(when.span[0], when.span[1])
        if dates:
            event["start"] = dates[0]
            ends = [d for d in dates[1:] if "ends" in d.get("notes", [])]
            event["end"] = ends[0] if ends else dict(dates[0])
        times = find_times(text[when.span[0] : when.span[1]], when.span[0])
        if times:
            event["start_time"], event["end_time"] = times[0].start, times[0].end
    if where:
        event["place"], event["rooms"] = parse_place(where.value, where.span[0], lang)
    for f in fields:
        if f.role in ("host", "co_host", "organiser", "supporter", "sponsor"):
            for name, qual in F.organiser_names(f.value):
                role = "co_host" if qual == "co" or f.role == "co_host" else f.role
                event["organisers"].append(
                    {
                        "organisation": orgs(name),
                        "role": role,
                        "span": list(f.span),
                        "confidence": 0.8,
                    }
                )
        elif f.role == "theme" and not event["theme"]:
            event["theme"] = f.value
        elif f.role == "attendance" and not event["attendance"]:
            event["attendance"] = F.attendance(f.value, f.span[0])
    live = re.search(
        r"(?:유튜브|생중계|livestream|live stream|YouTube)[^\n]{0,80}?"
        r"((?:https?://)?(?:www\.)?(?:youtube\.com|youtu\.be)/[\w/@\-]+)",
        text,
        re.I,
    )
    if live:
        url = live.group(1)
        event["livestream"] = url if url.startswith("http") else "https://" + url
    event["sessions"] = [session(r, k + 1, text) for k, r in enumerate(rows)] + ordered
    if not event["sessions"]:
        event["sessions"] = _field_blocks(text, fields, resolve_date)
    event["parts"] = [{k: v for k, v in p.items() if k != "room"} for p in parts]
    for p in parts:
        if p.get("room") and p["room"] not in event["rooms"]:
            event["rooms"].append(p["room"])
    for s in event["sessions"]:
        if s["room"] and s["room"] not in event["rooms"]:
            event["rooms"].append(s["room"])
    timed = [s for s in event["sessions"] if s["start"] or s["end"]]
    if timed and not event["start_time"]:
        event["start_time"] = timed[0]["start"]
    if timed and not event["end_time"] and rows:

        def day_key(s):
            return ((s["day"] or {}).get("value") or "", (s["day"] or {}).get("as_written") or "")

        last_day = max(day_key(s) for s in timed)
        last = [s for s in timed if day_key(s) == last_day][-1]
        event["end_time"] = last["end"] or (last["start"] if len(timed) > 1 else None)
    days = [s["day"] for s in event["sessions"] if s["day"]]
    if days and not event["start"]:
        event["start"] = days[0]
        if days[-1] != days[0]:
            event["end"] = days[-1]
    if not event["start"] and lang == "en":
        _english_lead(text, event, resolve_date, orgs)
    single_day = event["start"] and (
        not event["end"] or event["end"].get("value") == event["start"].get("value")
    )
    if single_day and event["start"].get("value"):
        for s in event["sessions"]:
            s["day"] = s["day"] or dict(event["start"])
    people_by_surname(text, event["sessions"])
    event["sessions"] = with_parallel(text, event["sessions"])
    zones = {r.time.zone for r in rows if r.time.zone}
    if event["place"] is None:
        event["place"] = dict.fromkeys(PLACE_KEYS)
    place = event["place"]
    dateline = re.search(r"^([A-Z]{3,}(?: [A-Z]{3,})?)\s*(?:,|[-–—]{1,2})\s", text, re.M)
    if dateline and not place.get("city") and places.find_places(dateline.group(1).title()):
        place["city"] = dateline.group(1).title()  # a news dateline: `PARIS - Leaders of…`
    if zones:
        place["timezone"] = zones.pop()
    elif re.search(r"local time zone|현지\s*시간\s*기준", text, re.I):
        place["timezone"] = "floating"
    elif not place.get("timezone"):
        if place.get("country"):
            place["timezone"] = places.country_zone(place["country"])
        elif lang == "ko" and (place.get("venue") or place.get("city")):
            place["timezone"] = "Asia/Seoul"
        elif timed:
            place["timezone"] = "floating"
    return event


PLACE_KEYS = ("country", "city", "locality", "venue", "building", "room", "address", "timezone")
EN_LEAD = re.compile(
    r"[^.\n]*\b(?:held|hosted|take place|took place|will be held|convened)\b[^.\n]*", re.I
)


def _english_lead(text: str, event: dict, resolve_date, orgs) -> None:
    """`… was hosted by the X on Tuesday, June 10th, in Vienna at the Y Office.`"""
    for m in EN_LEAD.finditer(text):
        dated = [d for d in resolve_date(m.start(), m.end()) if d.get("value")]
        if not dated:
            continue
        sentence = m.group(0)
        event["start"] = dated[0]
        host = re.search(r"hosted by (?:the )?(.+?)(?= on | in | at |,|$)", sentence)
        if host and not event["organisers"]:
            event["organisers"].append(
                {"organisation": orgs(host.group(1).strip()), "role": "host", "confidence": 0.6}
            )
        city = re.search(r"\bin ([A-Z][a-z]+)\b", sentence)
        found = places.find_places(city.group(1)) if city else []
        venue = re.search(r"\bat (?:the )?([A-Z][^,.]+)", sentence)
        place = event.get("place") or dict.fromkeys(PLACE_KEYS)
        if found and not place.get("city"):
            place.update(
                city=city.group(1),
                country=place.get("country") or found[0]["country"],
                timezone=found[0]["timezone"],
            )
        if venue and not place.get("venue"):
            place["venue"] = venue.group(1).strip()
        event["place"] = place
        return


def _own_label(text: str, title: str | None):
    """`폐 회 식` on its own line, then `2025.11.05.(수) 15:00 사직실내체육관`: the event's own
    name as a label, with its date, time and venue on the next line."""
    if not title:
        return None
    squeezed = title.replace(" ", "")
    for m in re.finditer(r"^(?P<label>[^\n]{2,12})\n(?P<value>[^\n]+)", text, re.M):
        label = m.group("label").replace(" ", "")
        if len(label) < 2 or not squeezed.endswith(label) or label == squeezed:
            continue
        value = m.group("value")
        t = find_times(value)
        if not t or not re.match(r"\s*(?:19|20)\d\d[.\-]", value):
            continue
        at = m.start("value")
        venue = value[t[0].span[1] :].strip()
        when = F.Field("when", value[: t[0].span[1]], (at, at + t[0].span[1]))
        where = F.Field("where", venue, (at + len(value) - len(venue), at + len(value)))
        return when, (where if venue else None)
    return None


HEADING = re.compile(r"^\s*[○●■□▶◆◇]\s*(?P<title>[^\n:：]{2,60}?)\s*$", re.M)


def _field_blocks(text: str, fields: list[F.Field], resolve_date) -> list[dict]:
    """`○ 기념식` headings, each with its own `일 시 : … 10:00` and `장 소 : …`, as sessions."""
    out = []
    headings = [(m.start(), m.group("title").strip()) for m in HEADING.finditer(text)]
    for f in fields:
        if f.role != "when":
            continue
        times = find_times(text[f.span[0] : f.span[1]], f.span[0])
        before = [h for h in headings if h[0] < f.span[0]]
        if not times or not before or F.find_fields(before[-1][1]):
            continue
        at, title = before[-1]
        if out and out[-1]["title"] == title:
            continue
        dated = resolve_date(f.span[0], f.span[1])
        where = next((g for g in fields if g.role == "where" and g.span[0] > f.span[0]), None)
        nxt = [h for h in headings if h[0] > at]
        room = None
        if where and (not nxt or where.span[0] < nxt[0][0]):
            words = where.value.split()
            room = words[-1] if len(words) > 1 and ROOM_WORD.search(words[-1]) else None
        out.append(
            {
                "day": dated[0] if dated else None,
                "order": len(out) + 1,
                "start": times[0].start,
                "end": times[0].end,
                "minutes": times[0].minutes,
                "title": title,
                "kind": tables.session_kind(title),
                "part": None,
                "room": room,
                "notes": None,
                "people": [],
                "items": [],
                "span": [at, f.span[1]],
                "confidence": 0.6,
            }
        )
    return out if len(out) >= 2 else []

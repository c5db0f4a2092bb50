"""Run-of-show rows as sessions: a table row's cells, people named in its title, and
parallel breakouts that share a time slot."""

from __future__ import annotations

import re

from planner.extraction import people as P
from planner.extraction import tables


def session(row: tables.Row, order: int, text: str) -> dict:
    cells = [c for c in row.cells if c and not c.startswith("\x01")]
    tagged = {
        c[1:].split(":", 1)[0]: c[1:].split(":", 1)[1] for c in row.cells if c.startswith("\x01")
    }
    title_cell = cells[0] if cells else ""
    title, items, people = tables.split_title(title_cell)
    notes, room = [], tagged.get("room")
    for extra in cells[1:] + ([tagged["remark"]] if "remark" in tagged else []):
        if P.is_role(extra):
            people.append({"role": _role_for(title), "as_written": extra.strip()})
        elif P.person_list(extra) or (P.looks_like_person(extra) and len(extra) < 40):
            for who in P.person_list(extra) or [extra]:
                people.append({"role": _role_for(title), "as_written": who})
        elif P.LATIN_NAME.match(re.sub(r"^(?:\d+\.|[-–•])\s*", "", extra)) and len(extra) < 160:
            who = re.sub(r"^(?:\d+\.|[-–•])\s*", "", extra).strip()
            people.append({"role": _role_for(title), "as_written": who})
        notes.append(extra)
    if room in ("-", ""):
        room = None
    if not room:
        inline = re.search(r"\(([가-힣]{2,6}(?:무대|마당|홀|장))\)", " ".join(cells))
        room = inline.group(1) if inline else None
    if not title and notes:
        title = tables.clean_title(notes.pop(0))
    minutes = row.time.minutes
    return {
        "day": row.day.draft() if row.day else None,
        "order": order,
        "start": row.time.start,
        "end": row.time.end,
        "minutes": minutes,
        "title": title,
        "kind": tables.session_kind(title),
        "part": row.part,
        "room": room,
        "notes": " ".join(notes) or None,
        "people": people,
        "items": items,
        "span": list(row.span),
        "confidence": 0.8 if title else 0.4,
    }


def _role_for(title: str) -> str:
    kind = tables.session_kind(title)
    return {
        "discussion": "panelist",
        "qa": "moderator",
        "closing": "mc",
        "presentation": "presenter",
    }.get(kind or "", "speaker")


def people_by_surname(text: str, sessions: list[dict]) -> None:
    """`0925GMT Macron arrives at OECD, welcomed by Gurria`: a surname in a row's title names
    the person written in full elsewhere (`led by Emmanuel Macron`)."""
    for s in sessions:
        for word in re.findall(r"\b[A-Z][a-zà-ÿ]{3,}\b", s["title"] or ""):
            full = re.search(r"\b([A-Z][a-zà-ÿ]+)\s+" + word + r"\b", text)
            if not full or full.group(1) in ("The", "By", "With", "And", "Secretary", "Minister"):
                continue
            name = full.group(0)
            if not any(name in (p.get("as_written") or "") for p in s["people"]):
                s["people"].append({"role": _role_for(s["title"]), "as_written": name})


PARALLEL = re.compile(r"^(?P<label>(?:breakout|parallel|break-out)\s+session\s+\d+)[a-z]\b", re.I)


def with_parallel(text: str, sessions: list[dict]) -> list[dict]:
    """`Breakout session 1a` at 13:00, then `Breakout Session 1b - …` on a line of its own
    before the next time: the two run side by side, at the same time."""
    out = []
    for k, s in enumerate(sessions):
        out.append(s)
        label = PARALLEL.match(s["title"] or "")
        if not label:
            continue
        end = sessions[k + 1]["span"][0] if k + 1 < len(sessions) else len(text)
        pattern = re.escape(label.group("label")).replace(r"\ ", r"\s+") + r"[a-z]\b[^\n]*"
        for m in re.finditer(r"(?im)^" + pattern, text[s["span"][1] : end]):
            at = s["span"][1] + m.start()
            out.append(
                {
                    **s,
                    "title": m.group(0).strip(),
                    "people": [],
                    "items": [],
                    "notes": None,
                    "span": [at, at + len(m.group(0))],
                }
            )
    for order, s in enumerate(out, 1):
        s["order"] = order
    return out

"""Untimed orders of ceremony (식순): bulleted items, parts (제1부 …), roles under an item.

`6. 식 순 가. 제1부 (합동위령제) ◆ 개제선언(김재생 유족회장) ◆ 헌 작 ▶ 초헌관 : 진병영 군수 …`
The start of each part is read where the document states it (`합동위령제 10 : 30분 봉안각`).
"""

from __future__ import annotations

import re

from planner.extraction import people as P
from planner.extraction.times import find_times

LABEL = re.compile(r"(?:식\s*순|진\s*행\s*순\s*서|행\s*사\s*순\s*서)\s*[:：]?")
PART = re.compile(r"(?:[가-하]\.\s*)?(?P<title>제\s*\d+\s*부\s*(?:\([^)]*\))?)")
ITEM_BULLETS = "◆◇■●○"
SUB_BULLETS = "▶▷►-"
MC_TITLES = ("집례", "사회", "진행")


def find_order(text: str) -> tuple[list[dict], list[dict]]:
    """(sessions, parts) of the first 식순 list, or ([], [])."""
    m = LABEL.search(text)
    if not m:
        return [], []
    end = text.find("\n\n", m.end())
    line_end = text.find("\n", m.end())
    stop = len(text) if line_end < 0 else line_end
    body_start = m.end()
    if text[m.end() : stop].strip(" |") == "" and end > 0:
        stop = end
    body = text[body_start:stop]
    bullet = next((b for b in ITEM_BULLETS if body.count(b) >= 3), None)
    if bullet is None:
        return [], []
    parts: list[dict] = []
    sessions: list[dict] = []
    marks = list(PART.finditer(body))
    bounds = [(0, None)] + [(pm.end(), pm) for pm in marks]
    for k, (seg_start, pm) in enumerate(bounds):
        seg_end = marks[k].start() if k < len(marks) else len(body)
        current_part = None
        if pm is not None:
            current_part = _part(text, pm.group("title").strip(), body_start)
            parts.append(current_part)
        segment = body[seg_start:seg_end]
        cursor = body_start + seg_start
        for raw in segment.split(bullet)[1:]:
            at = text.find(raw, cursor)
            cursor = at + len(raw) if at >= 0 else cursor
            sessions.append(_item(raw.strip(" |"), at, len(sessions) + 1, current_part))
    return [s for s in sessions if s["title"]], parts


def _item(raw: str, at: int, order: int, part: dict | None) -> dict:
    head, *subs = re.split(r"\s*[" + SUB_BULLETS[:3] + r"]\s*", raw)
    title, people = head.strip(), []
    paren = re.match(r"^(?P<t>[^()]+?)\s*\((?P<who>[^()]+)\)$", title)
    if paren and (P.looks_like_person(paren.group("who")) or P.is_role(paren.group("who"))):
        title = paren.group("t").strip()
        squeezed = title.replace(" ", "")
        role = "mc" if squeezed in MC_TITLES else ("speaker" if "보고" in squeezed else "other")
        people.append({"role": role, "as_written": paren.group("who").strip()})
    for sub in subs:
        if sub.strip():
            people.append({"role": "other", "as_written": sub.strip()})
    return {
        "day": None,
        "order": order,
        "start": None,
        "end": None,
        "minutes": None,
        "title": title,
        "kind": None,
        "part": part["title"] if part else None,
        "room": part.get("room") if part else None,
        "notes": None,
        "people": people,
        "items": [],
        "span": [at, at + len(raw)] if at >= 0 else None,
        "confidence": 0.6,
    }


def _part(text: str, title: str, before: int) -> dict:
    part = {"title": title, "day": None, "start": None, "end": None}
    name = re.search(r"\(([^)]+)\)", title)
    if not name:
        return part
    squeezed = name.group(1).replace(" ", "")
    pattern = r"\s*".join(map(re.escape, squeezed))
    for m in re.finditer(pattern, text[:before]):
        tail = text[m.end() : m.end() + 40]
        times = find_times(tail)
        if times and times[0].span[0] <= 2:
            part["start"] = times[0].start
            rest = re.sub(r"^\s*분", "", tail[times[0].span[1] :])
            room = re.match(r"\s*([^ㆍ·\d\n|]+?)\s*(?=ㆍ|·|\d+\.|\n|\||$)", rest)
            if room and room.group(1).strip():
                part["room"] = room.group(1).strip()
            break
    return part

"""Who a delegation meets when the text names them by title, and where it calls.

- `세르비아 행정자치부(…) 차관, 경찰청장이 참석한 가운데` → 차관, 경찰청장;
- `국무조정실장(부총리급), 경제혁신부장관 등 고위급과 면담` → each title of the list;
- `총리를 예방하고`, `외교부장관과 면담을 갖고`;
- `모스크바 부시장과 주요 언론사 사장들을 만나` → both;
- `미 국립보건원(NIH)을 방문해` → a visit whose venue is the object.
"""

from __future__ import annotations

import re

from planner.extraction import people as P
from planner.extraction import places

TITLE = re.compile(r"(?:" + P._POS_RE + r"|사장)(?:들)?(?:\([^)]{1,12}\))?$")
LISTED = [
    re.compile(r"(?P<list>[^.]{2,120}?)(?:이|가)\s*참석한\s*가운데"),
    re.compile(r"(?P<list>[^.]{2,120}?)\s*(?:등\s*[가-힣]+)?(?:과|와)\s*(?:면담|회담|만나|만났)"),
    re.compile(r"(?P<list>[^.\s]{2,20})(?:을|를)\s*(?:예방|접견)"),
    re.compile(r"(?:과|와)\s+(?P<list>[^.]{2,30}?)(?:을|를)\s*만나"),
    re.compile(r"(?P<list>[^.\s]{2,20})(?:과|와)\s+[^.]{2,30}?(?:을|를)\s*만나"),
]
VISIT = re.compile(r"(?P<object>[^.]{2,60}?)(?:을|를)\s*방문(?:해|하여|하고|했|한다)")
STOP_WORD = re.compile(r"^(?:오전|오후|\d.*|.*(?:에는|에서는|에서|은|는|이|가|께서|와|과))$")


def titled_counterparts(clause: str) -> list[str]:
    """Counterparts named by title only, as written (`차관`, `국무조정실장(부총리급)`)."""
    found: list[str] = []
    for pattern in LISTED:
        for m in pattern.finditer(clause):
            for item in re.split(r",\s*|·", m.group("list")):
                item = re.sub(r"\s*등\s*[가-힣]+$", "", item.strip())
                words = item.split()
                if not words:
                    continue
                last = words[-1]
                # `주요 언론사 사장들`: a plural title keeps the words that qualify it.
                who = " ".join(words[-3:]) if last.endswith("들") else last
                named = P.find_people(" ".join(words[-2:]))  # `김민재 차관` is no title-only
                if TITLE.search(last) and who not in found and not named:
                    found.append(who)
    return found


def visited_venue(clause: str) -> tuple[str, int] | None:
    """The place called at (`미 국립보건원(NIH)을 방문해`) and where it ends in the clause;
    a country or city visited is a stop, not a venue."""
    m = VISIT.search(clause)
    if not m:
        return None
    kept: list[str] = []
    for word in reversed(m.group("object").split()[-4:]):
        if STOP_WORD.match(word) or places.find_places(word):
            break
        kept.insert(0, word)
    if not kept:
        return None
    return " ".join(kept), m.end()

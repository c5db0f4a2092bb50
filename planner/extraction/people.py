"""People, positions and roles without a name.

Korean names are read with a surname list and a position that follows; ``kiwipiepy`` tags
proper nouns (NNP) where the rule alone is unsure. The analyser is loaded once per process,
on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
POSITIONS = (
    "장관",
    "차관",
    "차관보",
    "총리",
    "대통령",
    "부총리",
    "대사",
    "영사",
    "시장",
    "부시장",
    "도지사",
    "군수",
    "구청장",
    "의장",
    "의원",
    "회장",
    "부회장",
    "이사장",
    "이사",
    "원장",
    "부원장",
    "총장",
    "사무총장",
    "국장",
    "실장",
    "과장",
    "본부장",
    "센터장",
    "단장",
    "처장",
    "청장",
    "차장",
    "부장",
    "팀장",
    "교수",
    "연구위원",
    "선임연구위원",
    "위원장",
    "위원",
    "대표",
    "사무관",
    "주무관",
    "서기관",
    "협력관",
    "기획관",
    "정책관",
    "관장",
    "소장",
    "면장",
    "유족회장",
    "사회자",
    "좌장",
    "장",
    "관",
    "청장",
    "외교부장관",
    "장관급",
    "부위원장",
    "사장",
    "행정관",
    "심의관",
)
_POS_RE = "|".join(sorted(set(POSITIONS), key=len, reverse=True))
# 홍길동 한국행정연구원 선임연구위원 / 홍길동 교수(순천대학교) / 홍길동 부회장
NAME_FIRST = re.compile(
    r"(?P<name>[가-힣]{2,4})(?:\s*\((?P<latin>[A-Za-zÀ-ž .'\-]+)\))?"
    r"(?P<pos>(?:\s+[가-힣A-Za-z·()]+){0,4}?\s*(?:" + _POS_RE + r"))(?![가-힣])"
    r"(?:\s*\((?P<org>[^)]{2,30})\))?"
)
# 유족회 부회장 윤성근 / 한국행정연구원 엄지선 연구위원
POS_FIRST = re.compile(
    r"(?P<pos>[가-힣A-Za-z ]{0,20}?(?:" + _POS_RE + r"))\s+(?P<name>[가-힣]{2,4})$"
)
LATIN_NAME = re.compile(
    r"^(?P<name>[A-Z][a-zà-ž'\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ž'\-]+|von der|de|van)){1,3})"
    r"\s*,\s*(?P<pos>.+)$"
)


@lru_cache(maxsize=1)
def kiwi():
    from kiwipiepy import Kiwi

    analyser = Kiwi()
    analyser.tokenize("홍길동 씨가 왔다")  # the first call builds the model's caches
    return analyser


def is_korean_name(word: str) -> bool:
    if not re.fullmatch(r"[가-힣]{2,4}", word) or word[0] not in SURNAMES:
        return False
    if word.endswith(POSITIONS) or any(word.endswith(s) for s in ("부", "청", "원", "처", "회")):
        return False
    return _nnp(word)


@lru_cache(maxsize=4096)
def _nnp(word: str) -> bool:
    tokens = kiwi().tokenize(word + " 씨")
    return (
        bool(tokens)
        and tokens[0].tag in ("NNP", "NNG")
        and tokens[0].form == word
        or (len(tokens) >= 2 and tokens[0].tag == "NNP" and len(word) == 3)
    )


def _plain_name(word: str) -> bool:
    """A surname-led 2-4 syllable word that is not an organisation or a position."""
    return (
        bool(re.fullmatch(r"[가-힣]{2,4}", word))
        and word[0] in SURNAMES
        and not word.endswith(POSITIONS + ("부", "청", "원", "처", "회", "과", "단"))
    )


def looks_like_person(text: str) -> bool:
    """`조세현 한국행정연구원 선임연구위원`, `Angel Gurría, Secretary-General`, `좌장: …`."""
    text = text.strip()
    if re.match(r"^(좌장|사회|진행)\s*[:：]", text):
        return True
    m = NAME_FIRST.match(text)
    if m and (
        _plain_name(m.group("name"))
        if len(m.group("name")) == 3
        else is_korean_name(m.group("name"))
    ):
        return True
    m = POS_FIRST.search(text)
    if m and is_korean_name(m.group("name")):
        return True
    return bool(LATIN_NAME.match(text))


def person_list(text: str) -> list[str]:
    """`박소아 원장(오케스트라), 김준형 교수(순천대학교)` → each person as written."""
    parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", text) if p.strip()]
    if len(parts) >= 2 and all(looks_like_person(p) for p in parts):
        return parts
    return []


def is_role(text: str) -> bool:
    """A role without a name: `NIA 부원장`, `정부혁신국장`, `한국행정 연구원장`, `좌장`."""
    text = text.strip()
    if not text or len(text) > 25 or re.search(r"\d", text):
        return False
    last = text.split()[-1]
    return last.endswith(POSITIONS) and not looks_like_person(text) or text in ("좌장", "사회자")


def split_person(as_written: str) -> dict | None:
    """A person entry (name, latin, position) from an as_written mention, or None."""
    text = re.sub(r"^(좌장|사회|진행|Moderator)\s*[:：]\s*", "", as_written.strip())
    m = NAME_FIRST.match(text)
    if m and looks_like_person(m.group(0)):
        pos = m.group("pos").strip()
        org = m.group("org")
        return {
            "name_ko": m.group("name"),
            "name_latin": m.group("latin"),
            "position_ko": f"{pos}({org})" if org else pos,
        }
    m = POS_FIRST.search(text)
    if m and is_korean_name(m.group("name")):
        return {
            "name_ko": m.group("name"),
            "name_latin": None,
            "position_ko": m.group("pos").strip(),
        }
    m = LATIN_NAME.match(text)
    if m:
        return {"name_ko": None, "name_latin": m.group("name"), "position_en": m.group("pos")}
    return None


# prose: 슈네자나 파우노비치(Snežana Paunović) 행정자치부 장관 / 김민재 차관
PROSE_PERSON = re.compile(
    r"(?P<name>[가-힣]{2,5}(?:\s[가-힣]{2,5})?)\s*\((?P<latin>[A-Z][A-Za-zÀ-ž .'\-]+)\)"
    r"(?P<pos>(?:\s+[가-힣A-Za-z·]+){0,3}?\s*(?:" + _POS_RE + r"))?(?![가-힣]{2})"
)
PROSE_KO = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{3})\s+(?P<pos>(?:[가-힣A-Za-z·]+\s+){0,3}?(?:" + _POS_RE + r"))"
    r"(?![가-힣]{2})"
)


def find_people(text: str) -> list[dict]:
    """Named people in prose with their spans, in text order, one entry per name."""
    seen: dict[str, dict] = {}
    for m in PROSE_PERSON.finditer(text):
        name = m.group("name").strip()
        if name not in seen:
            seen[name] = {
                "name_ko": name,
                "name_latin": m.group("latin").strip(),
                "position_ko": (m.group("pos") or "").strip() or None,
                "span": [m.start(), m.end()],
            }
    for m in PROSE_KO.finditer(text):
        name = m.group("name")
        if name in seen or not is_korean_name(name):
            continue
        seen[name] = {
            "name_ko": name,
            "name_latin": None,
            "position_ko": m.group("pos").strip(),
            "span": [m.start(), m.end()],
        }
    return sorted(seen.values(), key=lambda p: p["span"][0])

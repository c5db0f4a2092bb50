"""Press-release contacts: `담당 부서 … 책임자 과 장 홍길동 (044-…) 담당자 사무관 …`,
run together on one line or split over table rows, and `(담당자:홍길동 052-…)`."""

from __future__ import annotations

import re

PHONE = r"(?:\+?82[\s-]?)?\(?0?\d{1,3}\)?[\s-]?\d{3,4}[\s-]\d{4}"
BLOCK = re.compile(
    r"담\s*당\s*부\s*서\s*[:：]?\s*(?P<dept>[^\t\n]+?)\s*(?=\t|책임자|담당자|$)", re.M
)
PERSON = re.compile(
    r"(?P<role>책임자|담당자)\s*[:：]?\s*(?P<pos>(?:[가-힣]\s?){1,5}?)\s+"
    r"(?P<name>[가-힣]{2,4})\s*\(?\s*(?P<phone>" + PHONE + r")\s*\)?"
)
INLINE = re.compile(
    r"(?P<dept>[가-힣]+(?:과|팀|실|국|센터|담당관))?\s*\(?\s*담당자?\s*[:：]\s*(?P<name>[가-힣]{2,4})\s*"
    r"(?P<phone>" + PHONE + r")\s*\)?"
)
# 담당자 차웅기 재외국민안전과장(02-2100-8201)
NAME_POS_PHONE = re.compile(
    r"담당자\s*[:：]?\s*(?P<name>[가-힣]{2,4})\s+(?P<pos>[가-힣]+(?:과장|팀장|관|사무관|주무관))"
    r"\s*\(\s*(?P<phone>" + PHONE + r")\s*\)"
)


# 연락처 / 외교통상부 일본과 / 2100-7337: a heading, the department, the phone, one a line
HEADED = re.compile(
    r"^\s*(?:연락처|문의)\s*[:：]?\s*\n\s*(?P<dept>[가-힣][^\n\d]{1,40}?)\s*\n\s*"
    r"(?P<phone>" + PHONE + r")\s*$",
    re.M,
)


def find_contacts(text: str) -> list[dict]:
    contacts: list[dict] = []
    seen: set[str] = set()

    def add(entry: dict):
        key = re.sub(r"\D", "", entry.get("phone") or "") or entry.get("name")
        if key not in seen:
            seen.add(key)
            contacts.append(entry)

    for block in BLOCK.finditer(text):
        dept = re.sub(r"\s+", " ", block.group("dept")).strip()
        window = text[block.end() : block.end() + 400]
        for m in PERSON.finditer(window):
            add(
                {
                    "department": dept,
                    "role": "responsible" if m.group("role") == "책임자" else "desk",
                    "position": m.group("pos").replace(" ", ""),
                    "name": m.group("name"),
                    "phone": m.group("phone").strip(),
                    "span": [block.start(), block.end() + m.end()],
                    "confidence": 0.9,
                }
            )
    for m in NAME_POS_PHONE.finditer(text):
        pos = m.group("pos")
        dept = re.match(r"(.+?(?:과|팀))(?:장)$", pos)
        # A 담당부서 stated just before is the department; the position is kept whole.
        stated = [b for b in BLOCK.finditer(text, 0, m.start()) if m.start() - b.end() < 120]
        add(
            {
                "department": stated[-1].group("dept").strip()
                if stated
                else (dept.group(1) if dept else None),
                "role": "desk",
                "position": pos if stated or not dept else pos[len(dept.group(1)) :],
                "name": m.group("name"),
                "phone": m.group("phone"),
                "span": list(m.span()),
                "confidence": 0.8,
            }
        )
    for m in INLINE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        dept = m.group("dept")
        if not dept:
            d = re.search(r"([가-힣]+(?:과|팀|센터|담당관))\s*\(?\s*$", before)
            dept = d.group(1) if d else None
        add(
            {
                "department": dept,
                "role": "desk",
                "position": None,
                "name": m.group("name"),
                "phone": m.group("phone"),
                "span": list(m.span()),
                "confidence": 0.8,
            }
        )
    for m in HEADED.finditer(text):
        add(
            {
                "department": m.group("dept").strip(),
                "role": None,
                "position": None,
                "name": None,
                "phone": m.group("phone").strip(),
                "span": list(m.span()),
                "confidence": 0.6,
            }
        )
    return contacts

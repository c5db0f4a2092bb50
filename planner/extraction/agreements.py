"""MOU facts: signed on, in force on signature, `5년간 유효`, parties, follow-ups."""

from __future__ import annotations

import re
from datetime import date, timedelta

from planner.extraction.dates import EN_WEEKDAYS

MOU = re.compile(r"양해각서|MOU|협정서?|협약|memorandum of understanding|agreement", re.I)
MOU_WORD = re.compile(r"양해각서|MOU|협정|memorandum of understanding", re.I)
SIGNED = re.compile(r"체결|서명|맺|signed|signing", re.I)
# Past forms: `지난 2월에 체결된 … MOU`, `협정서를 맺었다`, `have signed`.
DONE = re.compile(r"체결된|체결한|체결했|체결하였|맺은|맺었|서명했|signed", re.I)
_EN_NAME = r"(?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}"
EN_PARTIES = re.compile(
    rf"(?P<a>{_EN_NAME}) and (?P<b>{_EN_NAME})"
    r" (?:have |has )?signed (?:a|an) (?:memorandum|MOU|agreement)"
)
ON_WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
PLANNED = re.compile(r"체결할|체결 예정|추진|계획|will sign", re.I)
PARTY = re.compile(r"([가-힣]{2,12}(?:부|처|청|위원회|연구원|기구|내각부))(?=[와과은는이가,\s])")


def _score(m, resolver) -> int:
    sentence = m.group(0)
    dated = any(d.get("value") for d in resolver.between(m.start(), m.end()))
    return 2 * dated + len(set(PARTY.findall(sentence))) - ("href" in sentence) * 3


def build_agreement(text: str, resolver, org_ref) -> dict | None:
    # Each run of text between full stops and line ends that names an agreement and a
    # signing (a run is matched whole, then tested: no backtracking over the whole text).
    found = [
        m
        for m in re.finditer(r"[^.\n]+", text)
        if MOU_WORD.search(m.group(0)) and SIGNED.search(m.group(0))
    ]
    for m in sorted(found, key=lambda m: -_score(m, resolver))[:1]:
        sentence = m.group(0)
        title = re.search(r"[‘'「“]([^’'」”]*(?:양해각서|협정|MOU)[^’'」”]*)[’'」”]", sentence)
        planned = PLANNED.search(sentence) or re.search(r"맺는다|맺을|체결한다|체결할", sentence)
        status = "planned" if planned and not DONE.search(sentence) else "signed"
        window = text
        in_force = re.search(r"서명\s*즉시\s*발효|발효|entered into force|took effect", window)
        if in_force:
            status = "in_force"
        # `SEOUL, March 5 (Yonhap) -- …`: the dispatch's own date is not the signing date.
        lead = re.match(r"[^\n]{0,60}?\s--?\s", sentence)
        dated = resolver.between(m.start() + (lead.end() if lead else 0), m.end())
        signed_on = _date_before_verb(sentence, m.start(), dated) or next(
            (d for d in dated if d.get("value")), None
        )
        signed_on = signed_on or _weekday_signed(text, m.end(), resolver)
        validity = re.search(r"(\d+)\s*년간\s*유효|valid for (\d+) years", window)
        parties = []
        pair = EN_PARTIES.search(sentence)
        for name in (pair.group("a"), pair.group("b")) if pair else ():
            parties.append(org_ref(re.sub(r"^the ", "", name)))
        for p in PARTY.finditer(sentence):
            if p.group(1).endswith("정부"):
                continue
            ref = org_ref(p.group(1))
            if ref not in parties:
                parties.append(ref)
        return {
            "title": title.group(1) if title else sentence.strip()[:60],
            "kind": "mou",
            "parties": parties,
            "status": status,
            "signed_on": signed_on,
            "signed_at": None,
            "in_force_from": signed_on if in_force and "즉시" in in_force.group(0) else None,
            "validity": {
                "years": int(validity.group(1) or validity.group(2)),
                "as_written": validity.group(0),
            }
            if validity
            else None,
            "renews": None,
            "areas": [],
            "follow_ups": [],
            "span": [m.start(), m.end()],
            "confidence": 0.6,
        }
    return None


def _date_before_verb(sentence: str, at: int, dated: list[dict]) -> dict | None:
    """`지난 2월에 체결된`: the date written just before the signing verb."""
    verb = SIGNED.search(sentence)
    if not verb:
        return None
    for d in dated:
        gap = at + verb.start() - d["span"][1]
        if d.get("value") and 0 <= gap <= 4:
            return d
    return None


def _weekday_signed(text: str, start: int, resolver) -> dict | None:
    """`signed … in Washington on Monday (U.S. time)` in a dispatch dated Tuesday 1 October:
    the last Monday on or before the dispatch date. Without a dated dispatch, nothing."""
    published = resolver.published()
    # The next paragraph that tells of the signing (`The agreement was signed … on Monday`).
    line_end = text.find("\n", start + 2)
    after = text[start : line_end if line_end > 0 else len(text)][:600]
    near = ON_WEEKDAY.search(after) if re.search(r"\bsigned\b", after) else None
    if not published or not published.get("value") or not near:
        return None
    on = date.fromisoformat(published["value"][:10])
    back = (on.weekday() - EN_WEEKDAYS.index(near.group(1).lower())) % 7
    return {
        "value": (on - timedelta(days=back)).isoformat(),
        "precision": "day",
        "as_written": near.group(0),
        "weekday_stated": near.group(1),
        "notes": [
            f"요일로 추정: {published['as_written']} 이전의 {near.group(1)} / from the dispatch"
        ],
    }

"""MOU facts: signed on, in force on signature, `5년간 유효`, parties, follow-ups."""

from __future__ import annotations

import re

MOU = re.compile(r"양해각서|MOU|협정서?|협약|memorandum of understanding|agreement", re.I)
SIGNED = re.compile(r"체결|서명|signed|signing", re.I)
PLANNED = re.compile(r"체결할|체결 예정|추진|계획|will sign", re.I)
PARTY = re.compile(r"([가-힣]{2,12}(?:부|처|청|위원회|연구원|기구|내각부))(?=[와과은는이가,\s])")


def _score(m, resolver) -> int:
    sentence = m.group(0)
    dated = any(d.get("value") for d in resolver.between(m.start(), m.end()))
    return 2 * dated + len(set(PARTY.findall(sentence))) - ("href" in sentence) * 3


def build_agreement(text: str, resolver, org_ref) -> dict | None:
    found = [
        m
        for m in re.finditer(
            r"[^.\n]*(?:양해각서|MOU|협정|memorandum of understanding)[^.\n]*", text, re.I
        )
        if SIGNED.search(m.group(0))
    ]
    for m in sorted(found, key=lambda m: -_score(m, resolver))[:1]:
        sentence = m.group(0)
        title = re.search(r"[‘'「“]([^’'」”]*(?:양해각서|협정|MOU)[^’'」”]*)[’'」”]", sentence)
        status = (
            "planned"
            if PLANNED.search(sentence)
            and not re.search(r"체결했|체결하였|체결한|signed", sentence)
            else "signed"
        )
        window = text
        in_force = re.search(r"서명\s*즉시\s*발효|발효|entered into force|took effect", window)
        if in_force:
            status = "in_force"
        dated = resolver.between(m.start(), m.end())
        signed_on = next((d for d in dated if d.get("value")), None)
        validity = re.search(r"(\d+)\s*년간\s*유효|valid for (\d+) years", window)
        parties = []
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

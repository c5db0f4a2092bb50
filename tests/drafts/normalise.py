"""Compare two planner-draft/1 documents as facts: refs renamed, list order ignored."""

from __future__ import annotations

import json
from typing import Any

DATE_KEYS = frozenset(
    {"start", "end", "date", "day", "arrive", "depart", "signed_on", "in_force_from",
     "published_on", "due", "negotiations_began"}
)  # fmt: skip


def _canon(value: Any) -> Any:
    """Drop what carries no fact (nulls, empty lists) so absent and null compare equal."""
    if isinstance(value, dict):
        out = {k: _canon(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {}, "")}
    if isinstance(value, list):
        return [_canon(v) for v in value]
    return value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        return {"value": value}
    return value


class Resolver:
    """Replace refs with the names they stand for, so two drafts' refs need not agree."""

    def __init__(self, draft: dict):
        self.orgs = {o["ref"]: o for o in draft.get("organisations") or []}
        self.people = {p["ref"]: p for p in draft.get("people") or []}

    def org(self, ref: str | None) -> Any:
        if ref is None:
            return None
        entry = dict(self.orgs[ref])
        entry.pop("ref", None)
        entry["parent"] = self.org(entry.get("parent"))
        return _canon(entry)

    def person(self, ref: str | None) -> Any:
        if ref is None:
            return None
        entry = dict(self.people[ref])
        entry.pop("ref", None)
        entry["organisation"] = self.org(entry.get("organisation"))
        return _canon(entry)

    def resolve(self, value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                if k == "person" and isinstance(v, str):
                    out[k] = self.person(v)
                elif k in ("organisation", "partner") and isinstance(v, str):
                    out[k] = self.org(v)
                elif k == "extra" and isinstance(v, dict):
                    out[k] = {
                        name: self.org(x)
                        if x in self.orgs
                        else self.person(x)
                        if x in self.people
                        else x
                        for name, x in v.items()
                    }
                elif k == "parties":
                    out[k] = [self.org(p) if isinstance(p, str) else p for p in v]
                elif k in DATE_KEYS:
                    out[k] = self.resolve(_date(v))
                else:
                    out[k] = self.resolve(v, k)
            return out
        if isinstance(value, list):
            return [self.resolve(v, key) for v in value]
        return value


def facts(draft: dict) -> dict:
    """The draft with refs resolved, nulls dropped and every list sorted."""
    resolver = Resolver(draft)
    body = {k: v for k, v in draft.items() if k not in ("organisations", "people")}
    resolved = _canon(resolver.resolve(body))
    # Organisations and people count as facts too, whoever refers to them.
    resolved["organisations"] = sorted(
        json.dumps(resolver.org(r), sort_keys=True, ensure_ascii=False) for r in resolver.orgs
    )
    resolved["people"] = sorted(
        json.dumps(resolver.person(r), sort_keys=True, ensure_ascii=False) for r in resolver.people
    )
    return _sort_lists(resolved)


def _sort_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sort_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_lists(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in sorted(set(expected) | set(actual)):
            out += differences(expected.get(key), actual.get(key), f"{path}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        out = []
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out += differences(e, a, f"{path}[{index}]")
        return out
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []

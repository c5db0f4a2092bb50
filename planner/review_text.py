"""The document text cut into pieces around the facts read from it, and the way back.

Pieces are plain strings: templates escape them, and the ``<mark>`` around a fact is
written by the template, never built here as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planner.drafts.registry import sections
from planner.models import Organisation, Person, SourceDocument
from planner.review_draft import LOW_CONFIDENCE


@dataclass
class Piece:
    text: str
    start: int
    facts: list[str] = field(default_factory=list)
    low: bool = False

    @property
    def label(self) -> str:
        return ", ".join(self.facts)


def _label(path: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)[1:]


def draft_spans(draft: Any, path: tuple = ()) -> list[tuple[int, int, str, bool]]:
    """(start, end, where in the draft, low confidence) for every fact that has a span."""
    found = []
    if isinstance(draft, dict):
        span = draft.get("span")
        if isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span):
            confidence = draft.get("confidence")
            low = isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE
            found.append((span[0], span[1], _label(path), low))
        for key, value in draft.items():
            if key != "source":
                found += draft_spans(value, (*path, key))
    elif isinstance(draft, list):
        for index, value in enumerate(draft):
            found += draft_spans(value, (*path, index))
    return found


def highlighted(text: str, draft: dict) -> list[Piece]:
    """``text`` cut at every span boundary; each piece knows the facts that cover it."""
    spans = [
        (max(0, a), min(len(text), b), label, low)
        for a, b, label, low in draft_spans(draft)
        if a < b
    ]
    cuts = sorted({0, len(text), *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [span for span in spans if span[0] <= start and end <= span[1]]
        pieces.append(
            Piece(
                text=text[start:end],
                start=start,
                facts=sorted({label for _, _, label, _ in covering}),
                low=any(low for *_, low in covering),
            )
        )
    return pieces


# --- possible matches with what is already stored -------------------------------


def by_names(model, items: list, pairs: list[tuple[str, str]], related=()) -> list[list]:
    """For each draft item, the stored rows with the same name in one of ``pairs``."""
    query = Q()
    for draft_key, column in pairs:
        names = {item.get(draft_key) for item in items if item.get(draft_key)}
        if names:
            query |= Q(**{f"{column}__in": names})
    if not query:
        return [[] for _ in items]
    found = list(model.objects.filter(query).select_related(*related).order_by("pk")[:200])
    return [
        [
            row
            for row in found
            if any(item.get(key) and getattr(row, column) == item[key] for key, column in pairs)
        ]
        for item in items
    ]


def matches(draft: dict) -> dict[str, list[list]]:
    """Existing people, organisations, trips and forums a draft may mean (same names).
    Trips and forums are asked of the sections their apps registered."""
    found = {
        "people": by_names(
            Person,
            draft.get("people") or [],
            [("name_ko", "name_ko"), ("name_latin", "name_latin")],
            ("organisation",),
        ),
        "organisations": by_names(
            Organisation,
            draft.get("organisations") or [],
            [("name_ko", "name_ko"), ("name_en", "name_en")],
        ),
    }
    for section in sections():
        if section.matches:
            found[section.key] = section.matches(draft.get(section.key) or [])
    return found


# --- the document page: which fact came from where -----------------------------


KINDS = {
    "forum": _("forum"),
    "session": _("run-of-show row"),
    "trip": _("trip"),
    "stop": _("stop"),
    "engagement": _("engagement"),
    "agreement": _("agreement"),
    "person": _("person"),
    "organisation": _("organisation"),
    "contact": _("contact"),
}


@dataclass
class Quote:
    kind: Any
    row: Any
    part: str
    quote: str
    confidence: float | None


def _quotes(text: str, kind: str, rows) -> list[Quote]:
    found = []
    for row in rows:
        for part, meta in sorted((row.provenance or {}).items()):
            span = meta.get("span") if isinstance(meta, dict) else None
            if isinstance(span, list) and len(span) == 2:
                quote = text[span[0] : span[1]]
                found.append(Quote(KINDS[kind], row, part, quote, meta.get("confidence")))
    return found


def document_quotes(document: SourceDocument) -> list[Quote]:
    """Every stored row of ``document`` with a span, with the words of the span."""
    text = document.text
    quotes = []
    for section in sections():
        for kind, rows in section.quotes(document) if section.quotes else []:
            quotes += _quotes(text, kind, rows)
    quotes += _quotes(text, "agreement", document.agreements.all())
    quotes += _quotes(text, "person", document.people.all())
    quotes += _quotes(text, "organisation", document.organisations.all())
    quotes += _quotes(text, "contact", document.contacts.all())
    return quotes

"""The sections of a draft that the apps own, registered in their ``AppConfig.ready()``.

A section reads its part of a draft into rows (``importer(ctx)``) and writes the
rows of a document back (``exporter(ctx)``). Sections run by ``order``: events
before trips, because a trip's engagement points to an event by index.

A section may also offer the review screen what it stores: ``matches(items)`` gives, for
each draft item of its key, the stored rows that may be the same thing, and
``quotes(document)`` gives ``(kind, rows)`` pairs of rows created from a document. Planner
asks these instead of naming the apps' models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DraftSection:
    key: str
    order: int
    importer: Callable
    exporter: Callable
    matches: Callable | None = None
    quotes: Callable | None = None


_SECTIONS: dict[str, DraftSection] = {}


def register_section(
    *,
    key: str,
    order: int,
    importer: Callable,
    exporter: Callable,
    matches: Callable | None = None,
    quotes: Callable | None = None,
) -> None:
    _SECTIONS[key] = DraftSection(key, order, importer, exporter, matches, quotes)


def sections() -> list[DraftSection]:
    return sorted(_SECTIONS.values(), key=lambda section: section.order)

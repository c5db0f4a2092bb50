"""The sections of a draft that the apps own, registered in their ``AppConfig.ready()``.

A section reads its part of a draft into rows (``importer(ctx)``) and writes the
rows of a document back (``exporter(ctx)``). Sections run by ``order``: events
before trips, because a trip's engagement points to an event by index.
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


_SECTIONS: dict[str, DraftSection] = {}


def register_section(*, key: str, order: int, importer: Callable, exporter: Callable) -> None:
    _SECTIONS[key] = DraftSection(key, order, importer, exporter)


def sections() -> list[DraftSection]:
    return sorted(_SECTIONS.values(), key=lambda section: section.order)

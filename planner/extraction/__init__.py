"""Reading documents into planner-draft/1 drafts (shared/DRAFT_FORMAT.md)."""

from __future__ import annotations


def extract(path) -> dict:
    from planner.extraction.draft import build
    from planner.extraction.text import read_document

    return build(read_document(path))


def warm_up() -> None:
    """Load the analyser and the place tables once (a server may call this at start)."""
    from planner.extraction import people, places

    people.kiwi()
    places._geo()

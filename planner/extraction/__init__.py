"""Reading documents into planner-draft/1 drafts (shared/DRAFT_FORMAT.md)."""

from __future__ import annotations


def extract(path) -> dict:
    from planner.extraction.draft import build
    from planner.extraction.text import read_document

    return build(read_document(path))

"""What the review screen may ask of stored forums (see planner/drafts/registry.py)."""

from __future__ import annotations

from forums.models import Forum
from planner.review_text import by_names


def forum_matches(items: list[dict]) -> list[list]:
    """For each draft event, the stored forums with the same Korean title."""
    return by_names(Forum, items, [("title_ko", "title_ko")])


def forum_quotes(document) -> list[tuple[str, list]]:
    """The forums and run-of-show rows created from ``document``."""
    forums = list(Forum.objects.filter(document=document).prefetch_related("sessions"))
    return [("forum", forums), ("session", [s for forum in forums for s in forum.sessions.all()])]

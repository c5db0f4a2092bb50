"""Writes of live mode: the operator's marks on the day (rehearsals never come here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from forums.agenda.live import ENDED, STARTED, Mark
from forums.models import Forum, LiveLogEntry, Session


@transaction.atomic
def live_mark(
    *, forum: Forum, kind: str, at: datetime, session: Session | None = None, user: Any = None
) -> LiveLogEntry:
    """Log that ``session`` started at ``at`` (its actual time), or that the programme ended."""
    if kind not in (STARTED, ENDED):
        raise ValueError(f"unknown live mark {kind!r}")
    if kind == STARTED and (session is None or session.forum_id != forum.pk):
        raise ValueError("a start mark names a row of this forum")
    entry = LiveLogEntry(
        forum=forum,
        session=session if kind == STARTED else None,
        kind=kind,
        at=at,
        recorded_by=user if getattr(user, "pk", None) else None,
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def live_mark_undo(*, forum: Forum) -> bool:
    """Take back the latest mark (a mis-tap on the day); False when there is none."""
    latest = LiveLogEntry.objects.filter(forum=forum).order_by("-at", "-pk").first()
    if latest is None:
        return False
    latest.delete()
    return True


def live_marks(forum: Forum) -> list[Mark]:
    return [
        Mark(kind, at, session_pk)
        for kind, at, session_pk in LiveLogEntry.objects.filter(forum=forum)
        .order_by("at", "pk")
        .values_list("kind", "at", "session_id")
    ]

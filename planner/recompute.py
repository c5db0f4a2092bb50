"""Instants of future items re-read from their local time when the zone rules change.

For what has not happened yet the truth is the local date, time and zone staff
entered; ``starts_at``/``ends_at`` are derived with the zone data the process
sees (the pinned ``tzdata``). A new tzdata release can move those instants:
:func:`instants_recompute` re-derives every future row from its local time,
writes the ones that moved in bounded ``bulk_update`` batches with a raised
SEQUENCE (so subscribed calendars take the new instant), and reports each move.
Past rows keep their instant: what happened happened at that instant.

``planner`` imports neither app: the models come by name (``"forums.Forum"``)
with the method that derives their instants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone


@dataclass(frozen=True)
class Recomputed:
    """How one kind of row derives its instants and finds its zone."""

    model: str  # "app_label.Model"
    fields: tuple[str, ...]  # instant fields stored on the row
    derive: str  # method taking ``from_local=True``
    zone: Callable[[Model], str]
    related: tuple[str, ...] = ()  # select_related, for the zone


@dataclass(frozen=True)
class Move:
    label: str
    pk: int
    title: str
    zone: str
    local: datetime | None  # the local wall-clock start, as stored
    old: tuple[datetime | None, ...]
    new: tuple[datetime | None, ...]

    def describe(self) -> str:
        def utc(value: datetime | None) -> str:
            return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else "-"

        def offset(value: datetime | None) -> str:
            if value is None or self.local is None:
                return "?"
            seconds = int((self.local - value.astimezone(UTC).replace(tzinfo=None)).total_seconds())
            sign = "+" if seconds >= 0 else "-"
            hours, rest = divmod(abs(seconds), 3600)
            return f"UTC{sign}{hours:02d}:{rest // 60:02d}"

        local = self.local.strftime("%Y-%m-%d %H:%M") if self.local else "-"
        changes = ", ".join(
            f"{utc(old)} → {utc(new)}" for old, new in zip(self.old, self.new, strict=True)
        )
        return (
            f"{self.label} {self.pk} “{self.title}”: {local} {self.zone} "
            f"({offset(self.old[0])} → {offset(self.new[0])}): {changes}"
        )


def _engagement_zone(row) -> str:
    return row.timezone_name


KINDS: tuple[Recomputed, ...] = (
    Recomputed(
        "itineraries.Engagement",
        ("starts_at", "ends_at"),
        "derive_instants",
        _engagement_zone,
        ("venue", "stop"),
    ),
    Recomputed("forums.Forum", ("starts_at", "ends_at"), "derive_instants", lambda f: f.timezone),
    Recomputed(
        "forums.Session", ("starts_at",), "derive_instant", lambda s: s.forum.timezone, ("forum",)
    ),
)


def _batches(queryset: QuerySet, size: int) -> Iterator[list[Model]]:
    """Keyset pages by primary key: each query is bounded, however many rows there are."""
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        rows = list(page.order_by("pk")[:size])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def _local_start(row, kind: Recomputed) -> datetime | None:
    day = getattr(row, "date", None)
    if kind.model == "forums.Session":
        day = row.day or row.forum.date
    if day is None or row.start_time is None:
        return None
    return datetime.combine(day, row.start_time)  # noqa: DTZ001 - a wall-clock reading


@transaction.atomic
def instants_recompute(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = 500
) -> list[Move]:
    """Re-derive the instants of every future row; write and return the ones that moved."""
    now = now or timezone.now()
    moves: list[Move] = []
    for kind in KINDS:
        model = apps.get_model(kind.model)
        future = model.objects.filter(starts_at__gt=now).select_related(*kind.related)
        for rows in _batches(future, batch_size):
            moved = []
            for row in rows:
                old = tuple(getattr(row, name) for name in kind.fields)
                getattr(row, kind.derive)(from_local=True)
                new = tuple(getattr(row, name) for name in kind.fields)
                if old == new:
                    continue
                row.bump_sequence_if_changed()
                row.updated = now
                moved.append(row)
                label = model._meta.model_name
                moves.append(
                    Move(label, row.pk, str(row), kind.zone(row), _local_start(row, kind), old, new)
                )
            if moved and not dry_run:
                model.objects.bulk_update(moved, [*kind.fields, "sequence", "updated"])
    return moves

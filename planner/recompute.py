"""Instants of future items re-read from their local time when the zone rules change.

For what has not happened yet the truth is the local date, time and zone staff
entered; ``starts_at``/``ends_at`` are derived with the zone data the process
sees (the pinned ``tzdata``). A new tzdata release can move those instants:
:func:`instants_recompute` re-derives every future row from its local time,
writes the ones that moved in bounded ``bulk_update`` batches with a raised
SEQUENCE (so subscribed calendars take the new instant), and reports each move.
Past rows keep their instant: what happened happened at that instant.

``planner`` imports neither app: the rows are those of every concrete
``LocalTimeModel`` (engagements, forums, sessions), each deriving its own instants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from planner.models import LocalTimeModel


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


@transaction.atomic
def instants_recompute(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = 500
) -> list[Move]:
    """Re-derive the instants of every future row; write and return the ones that moved."""
    now = now or timezone.now()
    moves: list[Move] = []
    for model in LocalTimeModel.concrete_models():
        fields = model.INSTANT_FIELDS
        future = model.objects.filter(starts_at__gt=now).select_related(*model.ZONE_RELATED)
        for rows in _batches(future, batch_size):
            moved = []
            for row in rows:
                old = tuple(getattr(row, name) for name in fields)
                row.derive_instants(from_local=True)
                new = tuple(getattr(row, name) for name in fields)
                if old == new:
                    continue
                row.bump_sequence_if_changed()
                row.updated = now
                moved.append(row)
                label = model._meta.model_name
                moves.append(
                    Move(label, row.pk, str(row), row.zone_name(), row.local_start(), old, new)
                )
            if moved and not dry_run:
                model.objects.bulk_update(moved, [*fields, "sequence", "updated"])
    return moves

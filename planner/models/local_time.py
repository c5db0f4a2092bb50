"""Rows whose instants follow the local date, time and zone staff entered.

For what has not happened yet the local reading is the truth; ``starts_at`` (and
``ends_at``) are derived from it on every ``save()``, and re-derived by
``planner.recompute`` when the zone rules change. Each concrete subclass registers
itself by being one: :meth:`LocalTimeModel.concrete_models` walks the subclasses, so
``planner`` finds the apps' models without naming them.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from planner.models.base import SequencedModel


class LocalTimeModel(SequencedModel):
    # The stored instants derived from the local reading.
    INSTANT_FIELDS: ClassVar[tuple[str, ...]] = ("starts_at", "ends_at")
    # What ``zone_name`` and ``local_start`` read, fetched with the rows in one query.
    ZONE_RELATED: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.derive_instants()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *self.INSTANT_FIELDS}
        super().save(*args, **kwargs)

    def derive_instants(self, *, from_local: bool = False) -> None:
        """Set the instants from the local reading; ``from_local`` even if nothing moved."""
        raise NotImplementedError

    def zone_name(self) -> str:
        """The IANA name of the zone the local reading is in (empty when unknown)."""
        raise NotImplementedError

    def local_start(self) -> datetime | None:
        """The local wall-clock start as stored (naive), or None when it is not known."""
        raise NotImplementedError

    @classmethod
    def concrete_models(cls) -> list[type[LocalTimeModel]]:
        """Every concrete model built on this base, in label order."""
        found, todo = [], list(cls.__subclasses__())
        while todo:
            model = todo.pop()
            todo.extend(model.__subclasses__())
            if not model._meta.abstract and not model._meta.proxy:
                found.append(model)
        return sorted(set(found), key=lambda model: model._meta.label)

"""Optimistic concurrency: a second save based on an old copy is refused, not merged."""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class StaleEditError(Exception):
    """Someone saved the row after this edit began; nothing was written."""

    def __init__(self, current: models.Model):
        super().__init__(f"{current!r} changed since it was opened")
        self.current = current


class RevisionedModel(models.Model):
    """Carries a revision number that every save through a service increments."""

    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    class Meta:
        abstract = True


def save_if_current(instance: RevisionedModel, *, expected_revision: int | None) -> None:
    """Save ``instance`` only if the stored row is still at ``expected_revision``.

    Locks the row for the check (PostgreSQL; SQLite serialises writers), so two
    staff saving the same engagement cannot both win.
    """
    model = type(instance)
    if instance.pk is not None:
        current = model.objects.select_for_update().get(pk=instance.pk)
        if expected_revision is not None and current.revision != expected_revision:
            raise StaleEditError(current)
        instance.revision = current.revision + 1
    instance.full_clean()
    instance.save()


def delete_if_current(instance: RevisionedModel, *, expected_revision: int | None) -> None:
    """Delete ``instance`` only if nobody saved it after the user opened it."""
    with transaction.atomic():
        current = type(instance).objects.select_for_update().get(pk=instance.pk)
        if expected_revision is not None and current.revision != expected_revision:
            raise StaleEditError(current)
        current.delete()

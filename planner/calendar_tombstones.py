"""Tombstones of deleted calendar items: recorded on delete, served as cancellations.

``planner`` imports neither app: a receiver is connected to each calendar source's
model when the app registers it (``planner.calendar_registry``). They run on
``pre_delete``, while the row and its relations (stop, venue, forum) can still be
read, inside the delete's own transaction: a delete that fails leaves no tombstone.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.signals import pre_delete
from django.http import Http404
from django.utils.translation import gettext as _

from planner.ical import CANCELLED, CalendarEntry
from planner.models import CalendarTombstone


def _path(path: str) -> str:
    return path


def tombstone_record(
    *, entry: CalendarEntry, kind: str, object_id: int, trip_id=None, forum_id=None
) -> CalendarTombstone | None:
    """Keep what a calendar needs to cancel ``entry``; none for an item it never showed."""
    if not entry.placed:
        return None
    CalendarTombstone.objects.expired().delete()
    tombstone, _created = CalendarTombstone.objects.update_or_create(
        uid=entry.uid,
        defaults={
            "kind": kind,
            "object_id": object_id,
            "trip_id": trip_id,
            "forum_id": forum_id,
            "summary": entry.summary[:400],
            "timezone": entry.timezone,
            "starts_at": entry.start,
            "ends_at": entry.end,
            "day": entry.day,
            "location": entry.location[:400],
            "sequence": entry.sequence,
        },
    )
    return tombstone


def connect_source(source) -> None:
    """Deleting a row of ``source`` (a ``CalendarSource``) leaves its tombstone."""

    def deleted(sender, instance, **kwargs) -> None:
        from planner.calendar_fragments import forget

        tombstone_record(
            entry=source.entry(instance, _path),
            kind=source.kind,
            object_id=instance.pk,
            **source.tombstone_parent(instance),
        )
        forget(source.kind, instance.pk)

    pre_delete.connect(
        deleted, sender=source.model, weak=False, dispatch_uid=f"tombstone-{source.kind}"
    )


# Reads --------------------------------------------------------------------------------


def tombstones_for(parts, now=None) -> QuerySet:
    """Live tombstones of the items ``parts`` would show: ``[(source, parent ids)]``."""
    condition = Q(pk__in=[])
    for source, parent_ids in parts:
        condition |= Q(kind=source.kind, **{f"{source.parent}_id__in": parent_ids})
    return CalendarTombstone.objects.live(now).filter(condition)


def deleted_item(kind: str, object_id: int, **parent) -> CalendarEntry:
    """The cancellation of a deleted item (``parent``: ``trip_id=`` or ``forum_id=``).

    A calendar file downloaded before the deletion is re-fetched by some clients and
    mail programs: it gets the cancellation, not a 404, for as long as the tombstone lives.
    """
    tombstone = (
        CalendarTombstone.objects.live().filter(kind=kind, object_id=object_id, **parent).first()
    )
    if tombstone is None:
        raise Http404(_("No such calendar item."))
    return tombstone_entry(tombstone)


def tombstone_entry(tombstone: CalendarTombstone) -> CalendarEntry:
    return CalendarEntry(
        uid=tombstone.uid,
        summary=tombstone.summary,
        timezone=tombstone.timezone,
        status=CANCELLED,
        sequence=tombstone.sequence + 1,
        start=tombstone.starts_at,
        end=tombstone.ends_at,
        day=tombstone.day,
        location=tombstone.location,
        description=_("Deleted from the planner on %(date)s.")
        % {"date": f"{tombstone.deleted_at:%Y-%m-%d}"},
        stamp=tombstone.deleted_at,
        created=tombstone.deleted_at,
    )

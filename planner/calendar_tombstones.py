"""Tombstones of deleted calendar items: recorded on delete, served as cancellations.

``planner`` imports neither app, so the receivers are connected to the models by
name (``"itineraries.Engagement"``) in ``PlannerConfig.ready``. They run on
``pre_delete``, while the row and its relations (stop, venue, forum) can still be
read, inside the delete's own transaction: a delete that fails leaves no tombstone.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.signals import pre_delete
from django.http import Http404
from django.utils.translation import gettext as _

from planner.ical import CANCELLED, CalendarEntry
from planner.ical_entries import engagement_entry, forum_entry, session_entry
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


# (model, kind, the entry it was shown as, the trip or forum it belonged to)
TOMBSTONED = (
    ("itineraries.Engagement", "engagement", engagement_entry, lambda e: {"trip_id": e.trip_id}),
    ("forums.Forum", "forum", forum_entry, lambda f: {"forum_id": f.pk}),
    ("forums.Session", "session", session_entry, lambda s: {"forum_id": s.forum_id}),
)


def _receiver(kind: str, entry_of, parent_of):
    def deleted(sender, instance, **kwargs) -> None:
        tombstone_record(
            entry=entry_of(instance, _path), kind=kind, object_id=instance.pk, **parent_of(instance)
        )

    return deleted


def connect_receivers() -> None:
    for sender, kind, entry_of, parent_of in TOMBSTONED:
        pre_delete.connect(
            _receiver(kind, entry_of, parent_of),
            sender=sender,
            weak=False,
            dispatch_uid=f"tombstone-{sender}",
        )


# Reads --------------------------------------------------------------------------------


def tombstones_for(*, trip_ids=None, forum_ids=None, with_sessions: bool = True) -> QuerySet:
    """Live tombstones of these trips' engagements and these forums (and their sessions)."""
    condition = Q(pk__in=[])
    if trip_ids is not None:
        condition |= Q(kind=CalendarTombstone.Kind.ENGAGEMENT, trip_id__in=trip_ids)
    if forum_ids is not None:
        kinds = [CalendarTombstone.Kind.FORUM]
        if with_sessions:
            kinds.append(CalendarTombstone.Kind.SESSION)
        condition |= Q(kind__in=kinds, forum_id__in=forum_ids)
    return CalendarTombstone.objects.live().filter(condition)


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


def with_tombstones(entries: list[CalendarEntry], tombstones: QuerySet) -> list[CalendarEntry]:
    """The entries plus a cancellation per tombstone whose UID is not live again."""
    live = {entry.uid for entry in entries}
    return entries + [tombstone_entry(t) for t in tombstones if t.uid not in live]

"""What calendars must still hear about a deleted item: a cancellation, for 30 days.

A subscribed calendar only removes an event it is told about: an item that simply
vanishes from a feed stays in Outlook or Google for good. So deleting an
engagement, a forum or an agenda session leaves a tombstone, served in every
feed and export that showed the item as ``STATUS:CANCELLED`` with a raised
SEQUENCE. The trip or forum is kept as a plain id: it may be gone too.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone as django_timezone
from django.utils.translation import gettext_lazy as _

KEPT_FOR = timedelta(days=30)


class CalendarTombstoneQuerySet(models.QuerySet):
    def live(self, now=None) -> CalendarTombstoneQuerySet:
        """Tombstones still served (deleted within the last 30 days)."""
        return self.filter(deleted_at__gte=(now or django_timezone.now()) - KEPT_FOR)

    def expired(self, now=None) -> CalendarTombstoneQuerySet:
        return self.filter(deleted_at__lt=(now or django_timezone.now()) - KEPT_FOR)


class CalendarTombstone(models.Model):
    class Kind(models.TextChoices):
        ENGAGEMENT = "engagement", _("engagement")
        FORUM = "forum", _("forum")
        SESSION = "session", _("agenda session")
        SEGMENT = "segment", _("travel segment")
        STAY = "stay", _("accommodation")

    uid = models.CharField(_("calendar UID"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    object_id = models.PositiveIntegerField(_("id of the deleted item"))
    trip_id = models.PositiveIntegerField(_("trip"), null=True, blank=True)
    forum_id = models.PositiveIntegerField(_("forum"), null=True, blank=True)
    summary = models.CharField(_("title"), max_length=400)
    timezone = models.CharField(_("time zone"), max_length=64)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    day = models.DateField(_("date"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=400, blank=True)
    # The SEQUENCE the item had; the cancellation is served with one more.
    sequence = models.PositiveIntegerField(_("last calendar revision"), default=0)
    deleted_at = models.DateTimeField(_("deleted"), default=django_timezone.now, db_index=True)

    objects = CalendarTombstoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar tombstone")
        verbose_name_plural = _("calendar tombstones")
        ordering = ("-deleted_at", "pk")
        indexes = [
            models.Index(fields=("trip_id", "deleted_at"), name="tombstone_trip"),
            models.Index(fields=("forum_id", "deleted_at"), name="tombstone_forum"),
        ]

    def __str__(self) -> str:
        return f"{self.summary} ({self.get_kind_display()}, {self.deleted_at:%Y-%m-%d})"

"""Personal calendar feeds: a secret link that Outlook, Google or Apple Calendar polls."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    # 32 random bytes, URL-safe: 43 characters nobody can guess.
    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def active(self) -> CalendarFeedQuerySet:
        """Feeds that still serve: not revoked, and their owner can still log in."""
        return self.filter(revoked_at__isnull=True, owner__is_active=True)

    def owned_by(self, user) -> CalendarFeedQuerySet:
        return self.filter(owner=user)

    def for_management(self, user) -> CalendarFeedQuerySet:
        return (
            self.owned_by(user)
            .filter(revoked_at__isnull=True)
            .select_related("trip", "forum")
            .order_by("-created", "pk")
        )


class CalendarFeed(models.Model):
    """One subscription link: everything its owner is involved in, one trip, or one forum."""

    class Scope(models.TextChoices):
        MINE = "mine", _("my trips and forums")
        TRIP = "trip", _("one trip")
        FORUM = "forum", _("one forum")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope, default=Scope.MINE)
    trip = models.ForeignKey(
        "itineraries.Trip",
        verbose_name=_("trip"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feeds",
    )
    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feeds",
    )
    include_sessions = models.BooleanField(
        _("include agenda sessions"),
        default=True,
        help_text=_("Besides one event per forum, one event per run-of-show row."),
    )
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("e.g. “phone” or “Outlook”.")
    )
    token = models.CharField(
        _("secret token"), max_length=64, unique=True, default=new_feed_token, editable=False
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ("-created", "pk")
        constraints = [
            models.CheckConstraint(
                condition=(Q(scope="mine") & Q(trip__isnull=True) & Q(forum__isnull=True))
                | (Q(scope="trip") & Q(trip__isnull=False) & Q(forum__isnull=True))
                | (Q(scope="forum") & Q(forum__isnull=False) & Q(trip__isnull=True)),
                name="calendar_feed_scope_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.label})" if self.label else str(self.subject)

    def get_absolute_url(self) -> str:
        return reverse("calendar:feed", args=[self.token])

    @property
    def subject(self) -> str:
        if self.scope == self.Scope.TRIP and self.trip_id:
            return str(self.trip)
        if self.scope == self.Scope.FORUM and self.forum_id:
            return str(self.forum)
        return str(self.Scope.MINE.label)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

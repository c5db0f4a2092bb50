"""What actually happened on the day: the operator's marks, against the plan."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forums.models.agenda import Session
from forums.models.forum import Forum


class LiveLogEntry(models.Model):
    """One mark by the operator: a row started (at its actual time), or the programme ended.

    Rehearsals never write here (they keep their marks in the browser session).
    """

    class Kind(models.TextChoices):
        STARTED = "started", _("started")
        ENDED = "ended", _("programme ended")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="live_log"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="live_log",
    )
    kind = models.CharField(_("mark"), max_length=10, choices=Kind)
    at = models.DateTimeField(_("actual time"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("live log entry")
        verbose_name_plural = _("live log entries")
        ordering = ("forum_id", "at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="ended") | models.Q(session__isnull=False),
                name="live_log_started_names_a_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.forum_id} {self.kind} {self.session_id or ''} {self.at:%H:%M}"

"""A draft read from a document, kept on the server while staff review it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planner.models.base import TimeStampedModel
from planner.models.documents import SourceDocument


class DraftReview(TimeStampedModel):
    """What the extractor read (``draft``) from ``text``, until "create" stores it."""

    class Status(models.TextChoices):
        OPEN = "open", _("under review")
        CREATED = "created", _("created")

    draft = models.JSONField(_("draft"), default=dict)
    text = models.TextField(_("text"))
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    # Started from a trip page: what the document says is added to this trip, if it is still
    # at the revision the review was started from.
    trip = models.ForeignKey(
        "itineraries.Trip",
        verbose_name=_("trip to add to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="draft_reviews",
    )
    trip_revision = models.PositiveIntegerField(_("trip revision"), null=True, blank=True)
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("document created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
    )

    class Meta:
        verbose_name = _("draft review")
        verbose_name_plural = _("draft reviews")
        ordering = ("-created", "pk")

    def __str__(self) -> str:
        title = (self.draft.get("source") or {}).get("title") or self.filename
        return title or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("planner:review_detail", args=[self.pk])

"""Agreements (MOUs), their cooperation areas and follow-up actions."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from planner.models.base import RefQuerySet, SourcedModel, fuzzy_date
from planner.models.directory import Organisation, Venue
from planner.models.documents import SourceDocument


class Agreement(SourcedModel):
    class Kind(models.TextChoices):
        MOU = "mou", _("memorandum of understanding")
        AGREEMENT = "agreement", _("agreement")
        DECLARATION = "declaration", _("joint declaration")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        NEGOTIATING = "negotiating", _("under negotiation")
        SIGNED = "signed", _("signed")
        IN_FORCE = "in_force", _("in force")
        EXPIRED = "expired", _("expired")

    # The title as the document writes it, in whichever language it has.
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MOU, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, blank=True)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="agreements", blank=True
    )
    # States as parties, by ISO code, where the document names a country rather than a body.
    party_countries = models.JSONField(_("parties (countries)"), default=list, blank=True)
    (
        negotiations_began,
        negotiations_began_precision,
        negotiations_began_written,
        negotiations_began_weekday,
    ) = fuzzy_date(_("negotiations began"))
    signed_on, signed_on_precision, signed_on_written, signed_on_weekday = fuzzy_date(
        _("signed on")
    )
    signed_place = models.CharField(_("signed in"), max_length=200, blank=True)
    signed_venue = models.ForeignKey(
        Venue,
        verbose_name=_("place of signing"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    in_force_from, in_force_from_precision, in_force_from_written, in_force_from_weekday = (
        fuzzy_date(_("in force from"))
    )
    validity_years = models.PositiveSmallIntegerField(_("validity (years)"), null=True, blank=True)
    validity_written = models.CharField(_("validity as written"), max_length=200, blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewed_by",
    )
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ("-signed_on", "pk")

    def __str__(self) -> str:
        return self.title_ko or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("planner:agreement_detail", args=[self.pk])

    @property
    def valid_until(self) -> date | None:
        """Last day in force: N years from entry into force, less a day."""
        if self.in_force_from is None or self.validity_years is None:
            return None
        start = self.in_force_from
        try:
            anniversary = start.replace(year=start.year + self.validity_years)
        except ValueError:  # 29 February
            anniversary = start.replace(year=start.year + self.validity_years, day=28)
        return anniversary - timedelta(days=1)


class CooperationArea(SourcedModel):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="areas"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_ko = models.CharField(_("area (Korean)"), max_length=200)
    name_en = models.CharField(_("area (English)"), max_length=200, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ("agreement_id", "order", "pk")

    def __str__(self) -> str:
        return self.name_ko


class FollowUp(SourcedModel):
    """An action an agreement calls for; it may become a trip, forum or meeting."""

    class Kind(models.TextChoices):
        EXPERT_EXCHANGE = "expert_exchange", _("expert exchange")
        FORUM = "forum", _("forum")
        SEMINAR = "seminar", _("seminar")
        ROADMAP = "roadmap", _("roadmap")
        VISIT = "visit", _("visit")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, blank=True)
    title = models.CharField(_("title"), max_length=300)
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_by, due_by_precision, due_text, due_by_weekday = fuzzy_date(_("due by"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ("agreement_id", "pk")

    def __str__(self) -> str:
        return self.title

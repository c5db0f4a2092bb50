"""Attendees and the issued versions of the agenda."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forums.models.forum import Forum
from planner.models import (
    TimeStampedModel,
)


class Attendee(TimeStampedModel):
    class Category(models.TextChoices):
        CENTRAL = "central", _("central government")
        LOCAL = "local", _("local government")
        PUBLIC_BODY = "public_body", _("public institution")
        ACADEMIA = "academia", _("academia")
        INDUSTRY = "industry", _("industry")
        MEDIA = "media", _("media")
        PUBLIC = "public", _("general public")
        OTHER = "other", _("other")

    class Source(models.TextChoices):
        STAFF = "staff", _("entered by staff")
        PUBLIC_FORM = "public_form", _("public registration form")
        IMPORT = "import", _("imported file")
        WALK_IN = "walk_in", _("walk-in")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("waitlisted")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(_("name"), max_length=100)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category, default=Category.OTHER
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REGISTERED)
    consent_at = models.DateTimeField(
        _("consent to personal-data collection"), null=True, blank=True
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    source = models.CharField(
        _("registered through"), max_length=20, choices=Source, default=Source.STAFF
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ("forum_id", "name", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("forum", "email"),
                condition=~Q(email=""),
                name="attendee_email_once_per_forum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})" if self.organisation_name else self.name


class AgendaVersion(TimeStampedModel):
    """An issued run-of-show (v1, v2 …): a frozen copy of the rows as printed then."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    rows = models.JSONField(_("rows"), default=list)

    class Meta:
        verbose_name = _("agenda version")
        verbose_name_plural = _("agenda versions")
        ordering = ("forum_id", "number")
        constraints = [
            models.UniqueConstraint(fields=("forum", "number"), name="agenda_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.forum} v{self.number}"

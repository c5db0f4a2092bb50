"""Who and where: organisations, people, venues."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from planner.models.base import RefQuerySet, SourcedModel, timezone_field, valid_timezone_constraint
from planner.timezones import zone


class Organisation(SourcedModel):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        OFFICE = "office", _("office or bureau")
        DIVISION = "division", _("division")
        AGENCY = "agency", _("agency")
        INTERNATIONAL = "international", _("international organisation")
        RESEARCH = "research", _("research institute")
        UNIVERSITY = "university", _("university")
        LOCAL_GOVERNMENT = "local_government", _("local government")
        COMPANY = "company", _("company")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ("name_ko", "pk")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name_ko or self.name_en

    def get_absolute_url(self) -> str:
        return reverse("planner:organisation_detail", args=[self.pk])


class Person(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_latin = models.CharField(_("name (Latin script)"), max_length=100, blank=True)
    position_ko = models.CharField(_("position (Korean)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    # Contact details are for staff only; public pages never show them.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The staff login of this person, for "my trips and forums".
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ("name_ko", "name_latin", "pk")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_ko="") | ~Q(name_latin=""), name="person_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        if self.name_ko and self.name_latin:
            return f"{self.name_ko} ({self.name_latin})"
        return self.name_ko or self.name_latin

    def get_absolute_url(self) -> str:
        return reverse("planner:person_detail", args=[self.pk])


class Venue(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city_ko = models.CharField(_("city (Korean)"), max_length=100)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    country = CountryField(_("country"))
    timezone = timezone_field()
    address = models.CharField(_("address"), max_length=300, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ("name_ko", "pk")
        constraints = [valid_timezone_constraint("timezone", "venue_valid_timezone")]

    def __str__(self) -> str:
        return f"{self.name_ko} ({self.city_ko})"

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)

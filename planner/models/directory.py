"""Who and where: organisations, people, venues."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from planner.models.base import (
    FLOATING,
    RefQuerySet,
    SourcedModel,
    place_timezone_constraint,
    place_timezone_field,
)
from planner.timezones import zone_or_none


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

    # An English-only record has no Korean name: one of the two is enough.
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    # Empty when the document does not say what kind of body it is.
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER, blank=True)
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
            models.CheckConstraint(
                condition=~Q(name_ko="") | ~Q(name_en="") | ~Q(acronym=""),
                name="organisation_has_a_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name_ko or self.name_en or self.acronym

    def get_absolute_url(self) -> str:
        return reverse("planner:organisation_detail", args=[self.pk])


class Person(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_latin = models.CharField(_("name (Latin script)"), max_length=100, blank=True)
    position_ko = models.CharField(_("position (Korean)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    # Where the document names a person's country but no organisation.
    country = CountryField(_("country"), blank=True)
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
    """A place known to whatever depth a document gives: a country alone, up to a room."""

    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    building = models.CharField(_("building"), max_length=200, blank=True)
    floor = models.CharField(_("floor"), max_length=50, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    city_ko = models.CharField(_("city (Korean)"), max_length=100, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    # Empty while unknown; "floating" when times there are stated without a zone.
    timezone = place_timezone_field()
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    airport = models.CharField(_("airport (IATA)"), max_length=3, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ("name_ko", "name_en", "pk")
        constraints = [place_timezone_constraint("timezone", "venue_valid_timezone")]

    def __str__(self) -> str:
        name = self.name_ko or self.name_en or self.building or self.address
        city = self.city_ko or self.city_en or self.locality
        if name and city:
            return f"{name} ({city})"
        return name or city or (self.country.name if self.country else "")

    @property
    def tz(self) -> ZoneInfo | None:
        """The zone, or None while unknown or floating."""
        return zone_or_none(self.timezone)

    @property
    def is_floating(self) -> bool:
        return self.timezone == FLOATING

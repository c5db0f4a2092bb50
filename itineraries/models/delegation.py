"""Who travels: the delegation, its members and named groups."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from itineraries.models.trips import Stop, Trip
from planner.models import (
    Organisation,
    Person,
    RefQuerySet,
    RevisionedModel,
    SourcedModel,
)


class DelegationGroup(SourcedModel):
    """A named part of the delegation, e.g. an alliance of agencies, and how many it has."""

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="delegation_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    stops = models.ManyToManyField(Stop, verbose_name=_("joins at"), blank=True, related_name="+")
    agency_count = models.PositiveSmallIntegerField(
        _("number of agencies stated"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation group")
        verbose_name_plural = _("delegation groups")
        ordering = ("trip_id", "pk")

    def __str__(self) -> str:
        return self.name


class DelegationMember(RevisionedModel, SourcedModel):
    """A person or an agency on the trip, with a role."""

    class Role(models.TextChoices):
        HEAD = "head", _("head of delegation")
        MEMBER = "member", _("delegate")
        AGENCY = "agency", _("participating agency")
        STAFF = "staff", _("support staff")

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="members"
    )
    group = models.ForeignKey(
        DelegationGroup,
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER, blank=True)
    printed_as = models.CharField(_("as printed"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ("trip_id", "order", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organisation__isnull=False),
                name="member_is_person_or_agency",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """As a list of the delegation prints it: the person, else the name as printed
        ("황명석"), with the agency in brackets; never the agency alone when a name is known."""
        name = str(self.person) if self.person_id else self.printed_as
        agency = str(self.organisation) if self.organisation_id else ""
        if name and agency:
            return f"{name} ({agency})"
        return name or agency

"""Abstract bases and field helpers shared by every app's models."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planner.timezones import IANA_ZONES, validate_timezone


class SequencedModel(models.Model):
    """Something exported to calendars: SEQUENCE grows whenever time, place or status changes."""

    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class RefQuerySet(models.QuerySet):
    def get_by_natural_key(self, ref: str):
        return self.get(ref=ref)


class SourcedModel(TimeStampedModel):
    """A row that may come from a document fixture, found again by its ``ref``."""

    ref = models.SlugField(
        _("source key"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable key of rows loaded from a source document."),
    )

    class Meta:
        abstract = True

    def natural_key(self) -> tuple[str]:
        return (self.ref,)


def timezone_field(verbose_name: str = _("time zone"), **kwargs) -> models.CharField:
    # No ``choices`` here: forms offer TIMEZONE_CHOICES; the database checks the list.
    return models.CharField(
        verbose_name,
        max_length=64,
        validators=[validate_timezone],
        **kwargs,
    )


def valid_timezone_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": IANA_ZONES}), name=name)


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


class Role(models.TextChoices):
    """What someone does on an agenda row or in a meeting."""

    HEAD = "head", _("head of delegation")
    COUNTERPART = "counterpart", _("counterpart")
    PARTICIPANT = "participant", _("participant")
    SPEAKER = "speaker", _("speaker")
    PRESENTER = "presenter", _("presenter")
    MODERATOR = "moderator", _("moderator")
    PANELIST = "panelist", _("panelist")
    MC = "mc", _("master of ceremonies")
    HOST = "host", _("host")
    INTERPRETER = "interpreter", _("interpreter")
    OTHER = "other", _("other")


class RoleLine(SourcedModel):
    """(role, optional person, title as printed): a role without a name is normal."""

    role = models.CharField(_("role"), max_length=20, choices=Role)
    person = models.ForeignKey(
        "planner.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_lines",
    )
    organisation = models.ForeignKey(
        "planner.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_lines",
    )
    printed_as = models.CharField(_("as printed"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        who = self.printed_as or (str(self.person) if self.person_id else "")
        return f"{self.get_role_display()}: {who}" if who else self.get_role_display()

    @property
    def display_name(self) -> str:
        if self.person_id:
            return str(self.person)
        if self.printed_as:
            return self.printed_as
        return str(self.organisation) if self.organisation_id else ""

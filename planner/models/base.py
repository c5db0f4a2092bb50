"""Abstract bases and field helpers shared by every app's models."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planner.models.validation import ValidatedModel
from planner.timezones import FLOATING, IANA_ZONES, validate_timezone


class SequencedModel(models.Model):
    """Something exported to calendars: SEQUENCE grows whenever time, place or status changes.

    A concrete model names the fields that move it in ``SEQUENCE_FIELDS``
    (attnames, e.g. ``"venue_id"``). The values loaded from the database are
    remembered in ``from_db`` (Django's "customizing model loading" pattern, so
    no extra query), and ``save()`` bumps ``sequence`` when one of them differs.
    ``QuerySet.update()`` and ``bulk_update()`` bypass ``save()``: callers of those
    call ``bump_sequence_if_changed()`` on each object and include ``"sequence"``.
    """

    SEQUENCE_FIELDS: ClassVar[tuple[str, ...]] = ()

    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.bump_sequence_if_changed(update_fields) and update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)
        self._remember_sequence_values(self._attnames(update_fields))

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_sequence_values()
        return instance

    @classmethod
    def _sequence_attnames(cls) -> tuple[str, ...]:
        return tuple(cls._meta.get_field(name).attname for name in cls.SEQUENCE_FIELDS)

    def _remember_sequence_values(self, only: set[str] | None = None) -> None:
        loaded = self.__dict__.setdefault("_sequence_loaded", {})
        for attname in self._sequence_attnames():
            # Deferred fields are not in __dict__: nothing is known about them yet.
            if attname in self.__dict__ and (only is None or attname in only):
                loaded[attname] = self.__dict__[attname]

    def sequence_fields_changed(self, update_fields=None) -> list[str]:
        """The calendar-relevant fields that differ from the values loaded from the database."""
        if self._state.adding:
            return []
        saved = self._attnames(update_fields)
        loaded = self.__dict__.get("_sequence_loaded", {})
        missing = object()
        changed = []
        for attname in self._sequence_attnames():
            if attname not in self.__dict__ or (saved is not None and attname not in saved):
                continue
            # Set without ever being loaded (a deferred field overwritten): count it as a change.
            if loaded.get(attname, missing) != self.__dict__[attname]:
                changed.append(attname)
        return changed

    def bump_sequence_if_changed(self, update_fields=None) -> bool:
        if not self.sequence_fields_changed(update_fields):
            return False
        self.sequence += 1
        return True

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        # Copy the names first: Django may consume prefetch lookups from ``fields``.
        names = None if fields is None else list(fields)
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_sequence_values(self._attnames(names))

    def unchanged_since_loaded(self, attnames: tuple[str, ...]) -> bool:
        """None of these calendar fields moved since the row was read (nothing to derive)."""
        if self._state.adding:
            return False
        loaded = self.__dict__.get("_sequence_loaded", {})
        return all(
            name in loaded and loaded[name] == self.__dict__.get(name, loaded[name])
            for name in attnames
        )

    def follow_instant(self, instant: str, clock: str, tz) -> tuple[bool, datetime | None]:
        """Take the local time from the instant when the caller set the instant itself.

        Staff enter local times and the instant derives from them; code that moves an
        item by its instant (an import, an invitation, a test) sets ``starts_at``
        instead. Whichever of the two changed since loading wins. Returns whether the
        instant won and its local reading.
        """
        value = self.__dict__.get(instant)
        loaded = self.__dict__.get("_sequence_loaded", {})
        if self._state.adding or instant not in loaded:
            won = value is not None and self.__dict__.get(clock) is None
        else:
            won = loaded[instant] != value and loaded.get(clock) == self.__dict__.get(clock)
        if not won:
            return False, None
        local = value.astimezone(tz) if value is not None else None
        setattr(self, clock, local.time() if local else None)
        return True, local

    def _attnames(self, names) -> set[str] | None:
        if names is None:
            return None
        fields = (self._meta.get_field(name) for name in names)
        return {field.attname for field in fields if getattr(field, "concrete", False)}


class TimeStampedModel(ValidatedModel):
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
    # Where a document said this and how sure the reader was: span, confidence and
    # notes of the row and of its parts (planner-draft/1 keeps them through a round trip).
    provenance = models.JSONField(_("provenance"), default=dict, blank=True, editable=False)

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
    PERFORMER = "performer", _("performer")
    CHAIR = "chair", _("chair")
    DISCUSSANT = "discussant", _("discussant")
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


# --- what documents state vaguely ---------------------------------------------


def place_timezone_field(verbose_name: str = _("time zone"), **kwargs) -> models.CharField:
    """A zone that may be unknown ("") or floating; otherwise an IANA name."""
    kwargs.setdefault("blank", True)
    return models.CharField(verbose_name, max_length=64, **kwargs)


def place_timezone_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": (*IANA_ZONES, "", FLOATING)}), name=name
    )


def fuzzy_date(verbose_name: str):
    """The four columns of a date known to the day, the month or the year.

    Use as ``start, start_precision, start_written, start_weekday = fuzzy_date(_("start"))``:
    the date itself (the first day of its month or year when less precise, so that
    rows still sort), how precisely the document gives it, the words it used, and
    the weekday it stated. An unknown date keeps what was written with no value.
    """
    return (
        models.DateField(verbose_name, null=True, blank=True),
        models.CharField(
            _("precision"), max_length=10, choices=DatePrecision, default=DatePrecision.DAY
        ),
        models.CharField(_("as written"), max_length=200, blank=True),
        models.CharField(_("weekday as stated"), max_length=20, blank=True),
    )


# Bookkeeping columns no page shows. Loading one costs a JSON decode or a datetime
# conversion per row, and a page of a thousand rows loads ten thousand model instances.
UNSHOWN = ("created", "ref", "provenance")


def unread(
    model: type[models.Model], prefix: str = "", *, keep: Iterable[str] | None = None
) -> list[str]:
    """Names for ``QuerySet.defer()``: the bookkeeping columns of ``model`` (reached
    through the relation ``prefix``), or, with ``keep``, every column but those.

    A deferred column read later costs a query per row: the pages' query-count tests
    catch that.
    """
    names = {field.name for field in model._meta.concrete_fields}
    drop = names - set(keep) - {"id"} if keep is not None else names & set(UNSHOWN)
    return [f"{prefix}__{name}" if prefix else name for name in sorted(drop)]

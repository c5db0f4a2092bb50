"""Forums, their run-of-show agenda and their attendees."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planner.models import (
    Agreement,
    Contact,
    Organisation,
    Person,
    RefQuerySet,
    RoleLine,
    SequencedModel,
    SourcedModel,
    SourceDocument,
    TimeStampedModel,
    Venue,
    timezone_field,
    valid_timezone_constraint,
)
from planner.timezones import zone


class ForumSeries(SourcedModel):
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum series")
        verbose_name_plural = _("forum series")
        ordering = ("name_ko", "pk")

    def __str__(self) -> str:
        return self.name_ko


class Forum(SequencedModel, SourcedModel):
    SEQUENCE_FIELDS = ("date", "starts_at", "ends_at", "venue_id", "rooms", "status")

    class Status(models.TextChoices):
        PLANNING = "planning", _("planning")
        ANNOUNCED = "announced", _("announced")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    series = models.ForeignKey(
        ForumSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forums",
    )
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    theme_ko = models.CharField(_("theme (Korean)"), max_length=300, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    # The local date, kept even while the times are not confirmed.
    date = models.DateField(_("date"))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    # The run-of-show may begin before the public start (e.g. a pre-meeting).
    agenda_starts_at = models.DateTimeField(_("run-of-show starts"), null=True, blank=True)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forums",
    )
    # Times are entered and shown in this zone; it follows the venue when there is one.
    timezone = timezone_field(default="Asia/Seoul")
    rooms = models.CharField(_("rooms"), max_length=100, blank=True)
    linked_event = models.CharField(_("linked exhibition or event"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    registration_open = models.BooleanField(_("registration open"), default=False)
    livestream_url = models.URLField(_("livestream"), blank=True)
    livestream_starts_at = models.DateTimeField(_("livestream starts"), null=True, blank=True)
    livestream_ends_at = models.DateTimeField(_("livestream ends"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNING)
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forums",
    )
    contacts = models.ManyToManyField(Contact, verbose_name=_("contacts"), blank=True)
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("follows up"), blank=True, related_name="forums"
    )

    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followed by"),
        blank=True,
        related_name="followed_forums",
    )
    # Public registration: what the form asks for and what the consent states.
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_fields = models.JSONField(
        _("registration fields"),
        default=list,
        blank=True,
        help_text=_("Optional fields the public form asks for, e.g. position, phone, category."),
    )
    privacy_purpose = models.TextField(_("purpose of collecting personal data"), blank=True)
    privacy_items = models.CharField(_("personal data collected"), max_length=300, blank=True)
    privacy_retention = models.CharField(_("retention period"), max_length=200, blank=True)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ("-date", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | (Q(starts_at__isnull=False) & Q(ends_at__gt=F("starts_at"))),
                name="forum_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(livestream_ends_at__isnull=True)
                | Q(livestream_ends_at__gt=F("livestream_starts_at")),
                name="forum_livestream_ends_after_start",
            ),
            valid_timezone_constraint("timezone", "forum_valid_timezone"),
        ]

    def __str__(self) -> str:
        return self.title_ko

    def get_absolute_url(self) -> str:
        return reverse("forums:forum_detail", args=[self.pk])

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)


class ForumOrganiser(SourcedModel):
    class Role(models.TextChoices):
        HOST = "host", _("host")
        CO_HOST = "co_host", _("co-host")
        ORGANISER = "organiser", _("organiser")
        SUPPORTER = "supporter", _("supporter")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="organisers"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="forum_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum organiser")
        verbose_name_plural = _("forum organisers")
        ordering = ("forum", "order", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("forum", "organisation", "role"), name="forum_organiser_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.organisation}"


class ForumPerson(RoleLine):
    """A forum-wide role: the MC, notable attendees."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="people"
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum role")
        verbose_name_plural = _("forum roles")
        ordering = ("forum", "order", "pk")


class Session(SequencedModel, SourcedModel):
    """One run-of-show row: its start cascades from the rows before unless pinned."""

    SEQUENCE_FIELDS = ("starts_at", "minutes", "title_ko")

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("reception")
        OPENING = "opening", _("opening remarks")
        WELCOME = "welcome", _("welcome remarks")
        CONGRATULATORY = "congratulatory", _("congratulatory remarks")
        INTRODUCTIONS = "introductions", _("introductions and photo")
        PRESENTATION = "presentation", _("presentation")
        DISCUSSION = "discussion", _("discussion")
        QA = "qa", _("questions and answers")
        CLOSING = "closing", _("closing")
        BREAK = "break", _("break")
        OTHER = "other", _("other")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    title_ko = models.CharField(_("item (Korean)"), max_length=300)
    title_en = models.CharField(_("item (English)"), max_length=300, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    starts_at = models.DateTimeField(_("starts"))
    is_pinned = models.BooleanField(_("pinned to its clock time"), default=False)
    notes = models.CharField(_("remarks (비고)"), max_length=300, blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ("forum", "order", "pk")
        constraints = [
            models.UniqueConstraint(fields=("forum", "order"), name="session_unique_order"),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="session_has_minutes"),
        ]

    def __str__(self) -> str:
        return self.title_ko

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


class SessionItem(SourcedModel):
    """A numbered sub-item of a row, e.g. 발제 ① and ②, each with its presenter."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    marker = models.CharField(_("marker"), max_length=10, blank=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="session_items",
    )
    printed_as = models.CharField(_("presenter as printed"), max_length=300, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("session item")
        verbose_name_plural = _("session items")
        ordering = ("session", "order", "pk")
        constraints = [
            models.UniqueConstraint(fields=("session", "order"), name="session_item_unique_order"),
        ]

    def __str__(self) -> str:
        return f"{self.marker} {self.title_ko}".strip()


class SessionPerson(RoleLine):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="people"
    )

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("session role")
        verbose_name_plural = _("session roles")
        ordering = ("session", "order", "pk")


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
        ordering = ("forum", "name", "pk")
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
        ordering = ("forum", "number")
        constraints = [
            models.UniqueConstraint(fields=("forum", "number"), name="agenda_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.forum} v{self.number}"

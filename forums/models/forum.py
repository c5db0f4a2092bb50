"""Forums: any event with its own agenda, its organisers and its people."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planner.models import (
    FLOATING,
    Agreement,
    Contact,
    LocalTimeModel,
    Organisation,
    RefQuerySet,
    RoleLine,
    SourcedModel,
    SourceDocument,
    Venue,
    fuzzy_date,
    place_timezone_constraint,
    place_timezone_field,
)
from planner.timezones import zone_or_none


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


class Forum(LocalTimeModel, SourcedModel):
    """An event with its own agenda: a forum, seminar, ceremony, festival, negotiation round…"""

    SEQUENCE_FIELDS = (
        "date",
        "date_precision",
        "end_date",
        "start_time",
        "end_time",
        "starts_at",
        "ends_at",
        "venue_id",
        "timezone",
        "rooms",
        "status",
    )

    class Kind(models.TextChoices):
        FORUM = "forum", _("forum")
        SEMINAR = "seminar", _("seminar")
        CONFERENCE = "conference", _("conference")
        CEREMONY = "ceremony", _("ceremony")
        FESTIVAL = "festival", _("festival")
        MEETING = "meeting", _("meeting")
        NEGOTIATION = "negotiation", _("negotiation round")
        OTHER = "other", _("other")

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
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FORUM, blank=True)
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    edition_written = models.CharField(_("edition as written"), max_length=50, blank=True)
    edition_year = models.PositiveSmallIntegerField(_("edition (year)"), null=True, blank=True)
    anniversary = models.PositiveSmallIntegerField(_("anniversary"), null=True, blank=True)
    anniversary_written = models.CharField(_("anniversary as written"), max_length=50, blank=True)
    # An English-only record needs no Korean title; a programme page may have none at all.
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    alt_titles = models.JSONField(_("other titles"), default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    theme_ko = models.CharField(_("theme (Korean)"), max_length=300, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    # The local dates as precisely as known, kept even while the times are not confirmed.
    date, date_precision, date_written, date_weekday = fuzzy_date(_("date"))
    end_date, end_date_precision, end_date_written, end_date_weekday = fuzzy_date(_("last day"))
    # What staff entered or the document stated: local wall-clock times.
    start_time = models.TimeField(_("start (local time)"), null=True, blank=True)
    end_time = models.TimeField(_("end (local time)"), null=True, blank=True)
    # Instants derived from the above in the forum's zone (empty while floating or unknown).
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
    # Empty while unknown, "floating" when the times are stated without a zone.
    timezone = place_timezone_field(default="Asia/Seoul")
    # One room a line.
    rooms = models.CharField(_("rooms"), max_length=300, blank=True)
    linked_event = models.CharField(_("linked exhibition or event"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    attendance_expected = models.PositiveIntegerField(
        _("expected attendance"), null=True, blank=True
    )
    attendance_approximate = models.BooleanField(_("approximate"), null=True, blank=True)
    attendance_written = models.CharField(_("attendance as written"), max_length=100, blank=True)
    # [{"label": "선수단", "count": 500, "as_written": "500명"}, …]
    attendance_breakdown = models.JSONField(_("attendance breakdown"), default=list, blank=True)
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
            place_timezone_constraint("timezone", "forum_valid_timezone"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(date__isnull=True)
                | Q(end_date__gte=F("date")),
                name="forum_last_day_after_first",
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko or self.title_en or str(_("(untitled event)"))

    def get_absolute_url(self) -> str:
        return reverse("forums:forum_detail", args=[self.pk])

    def derive_instants(self, *, from_local: bool = False) -> None:
        """The instants follow the local date, times and zone; unknown stays unknown."""
        if not from_local and self.unchanged_since_loaded(self._sequence_attnames()):
            return  # nothing moved
        tz = self.tz
        if tz is not None and not from_local:
            won, local = self.follow_instant("starts_at", "start_time", tz)
            if won and local is not None:
                self.date, self.date_precision = local.date(), "day"
            won, local = self.follow_instant("ends_at", "end_time", tz)
            if won and local is not None and local.date() != self.date:
                self.end_date = local.date()
        if tz is None or self.date is None or self.date_precision != "day":
            self.starts_at = self.ends_at = None
            return
        self.starts_at = (
            datetime.combine(self.date, self.start_time, tzinfo=tz) if self.start_time else None
        )
        end_day = self.end_date or self.date
        self.ends_at = (
            datetime.combine(end_day, self.end_time, tzinfo=tz)
            if self.end_time and self.starts_at
            else None
        )
        if self.ends_at is not None and self.ends_at <= self.starts_at:
            self.ends_at = None

    @property
    def tz(self) -> ZoneInfo | None:
        """The forum's zone, or None while unknown or floating."""
        return zone_or_none(self.timezone)

    def zone_name(self) -> str:
        return self.timezone

    def local_start(self) -> datetime | None:
        if self.date is None or self.start_time is None:
            return None
        return datetime.combine(self.date, self.start_time)  # noqa: DTZ001 - wall clock

    @property
    def is_floating(self) -> bool:
        return self.timezone == FLOATING

    @property
    def clock_tz(self) -> tzinfo:
        """The zone agenda clock times are reckoned in (UTC stands in while floating)."""
        return self.tz or UTC

    @property
    def zone_label(self) -> str:
        """The IANA zone, or what is known of it: "시간대 미상" for floating times."""
        if self.tz is not None:
            return self.timezone
        return str(_("time zone not stated") if self.is_floating else _("time zone not known"))

    @property
    def is_multi_day(self) -> bool:
        return bool(self.end_date and self.date and self.end_date != self.date)

    @property
    def room_list(self) -> list[str]:
        return [room for room in self.rooms.splitlines() if room.strip()]


class ForumOrganiser(SourcedModel):
    class Role(models.TextChoices):
        HOST = "host", _("host")
        CO_HOST = "co_host", _("co-host")
        ORGANISER = "organiser", _("organiser")
        SPONSOR = "sponsor", _("sponsor")
        SUPPORTER = "supporter", _("supporter")
        PARTNER = "partner", _("partner")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="organisers"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="forum_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum organiser")
        verbose_name_plural = _("forum organisers")
        ordering = ("forum_id", "order", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("forum", "organisation", "role"), name="forum_organiser_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.organisation}"


class ForumPerson(RoleLine):
    """A forum-wide role: the MC, the chair, heads of delegation, notable attendees."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="people"
    )
    side = models.CharField(_("side"), max_length=20, blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum role")
        verbose_name_plural = _("forum roles")
        ordering = ("forum_id", "order", "pk")

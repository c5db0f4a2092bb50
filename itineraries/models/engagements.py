"""Engagements on a trip: meetings, ceremonies, visits, and who takes part."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from itineraries.models.trips import Stop, Trip
from planner.models import (
    FLOATING,
    Agreement,
    LocalTimeModel,
    Organisation,
    RefQuerySet,
    RevisionedModel,
    RoleLine,
    SourcedModel,
    Venue,
    fuzzy_date,
)
from planner.timezones import local_instant, zone_or_none


class Engagement(RevisionedModel, LocalTimeModel, SourcedModel):
    """A meeting, ceremony, visit or event. Date and time may each be unknown."""

    ZONE_RELATED = ("venue", "stop")
    SEQUENCE_FIELDS = (
        "date",
        "date_precision",
        "start_time",
        "end_time",
        "start_fold",
        "end_fold",
        "starts_at",
        "ends_at",
        "venue_id",
        "room",
        "status",
        "stop_id",
    )

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CEREMONY = "ceremony", _("ceremony")
        VISIT = "visit", _("visit")
        EVENT = "event", _("event")
        FORUM = "forum", _("forum")
        SEMINAR = "seminar", _("seminar")
        SIGNING = "signing", _("signing")
        BRIEFING = "briefing", _("briefing")
        MEAL = "meal", _("meal")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        TENTATIVE = "tentative", _("tentative")
        CONFIRMED = "confirmed", _("confirmed")
        CANCELLED = "cancelled", _("cancelled")

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="engagements"
    )
    # Empty when the document names no place for it at all.
    stop = models.ForeignKey(
        Stop,
        verbose_name=_("stop"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MEETING)
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    # The local date at the stop, as precisely as known; empty while not confirmed.
    date, date_precision, date_written, date_weekday = fuzzy_date(_("date"))
    date_note = models.CharField(_("note on the date"), max_length=300, blank=True)
    # What staff entered (or the document stated): the local wall-clock time.
    start_time = models.TimeField(_("start (local time)"), null=True, blank=True)
    end_time = models.TimeField(_("end (local time)"), null=True, blank=True)
    # Which of the two readings of an hour the clocks repeat (autumn): 0 the earlier, 1 the later.
    start_fold = models.PositiveSmallIntegerField(_("start: which of the two"), default=0)
    end_fold = models.PositiveSmallIntegerField(_("end: which of the two"), default=0)
    # Instants derived from date, time and the place's zone by ``derive_instants``;
    # empty while the time is not confirmed ("시간 미정") or the zone is not known.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    # Empty when the document does not say.
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.TENTATIVE, blank=True
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    # The Teams / Meet / Zoom link of an online meeting (from an invitation or typed in).
    join_url = models.URLField(_("online-meeting link"), max_length=2000, blank=True)
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_engagements",
    )
    objectives = models.TextField(_("objectives"), blank=True)
    notes = models.TextField(_("briefing notes"), blank=True)
    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
    )
    order = models.PositiveSmallIntegerField(_("order within the day"), default=0)
    # Agreements signed at this meeting.
    signed_agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements signed"), blank=True, related_name="signed_at"
    )

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ("trip_id", "date", "starts_at", "order", "pk")
        # Covers what a calendar's validator reads per trip (planner.calendar_validators):
        # a poll answered 304 reads this index only, never the rows.
        indexes = [
            models.Index(
                fields=("trip", "updated", "sequence", "stop", "venue", "host"),
                name="engagement_calendar_state",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(date__isnull=False),
                name="engagement_time_needs_date",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="engagement_end_needs_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | (Q(starts_at__isnull=False) & Q(ends_at__gt=F("starts_at"))),
                name="engagement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("itineraries:trip_detail", args=[self.trip_id]) + f"#engagement-{self.pk}"

    def derive_instants(self, *, from_local: bool = False) -> None:
        """The instants follow the local date, time and zone; unknown stays unknown.

        ``from_local`` re-reads them from the local time even though nothing moved
        (new zone rules: ``recompute_instants``).
        """
        if not from_local and self.unchanged_since_loaded(self._sequence_attnames()):
            return  # nothing moved: no need to read the place's zone
        tz_name = self.timezone_name
        tz = zone_or_none(tz_name)
        if tz is not None and not from_local:
            won, local = self.follow_instant("starts_at", "start_time", tz)
            if won and local is not None:
                self.date, self.date_precision = local.date(), "day"
                self.start_fold = local.fold
            if won and local is None:
                self.ends_at = None
            won, local = self.follow_instant("ends_at", "end_time", tz)
            if won and local is not None:
                self.end_fold = local.fold
        if self.date is None or self.start_time is None or zone_or_none(tz_name) is None:
            self.starts_at = self.ends_at = None
            return
        if self.date_precision != "day":
            self.starts_at = self.ends_at = None
            return
        # Kept in UTC: an aware time in a repeated hour never equals one in another zone
        # (PEP 495), which would raise SEQUENCE on every save of an unchanged meeting;
        # and same-zone comparisons ignore ``fold``.
        start = local_instant(self.date, self.start_time, tz_name, self.start_fold).astimezone(UTC)
        end = None
        if self.end_time:
            end = local_instant(self.date, self.end_time, tz_name, self.end_fold).astimezone(UTC)
        # An end at or before the start crosses midnight.
        if end is not None and end <= start:
            next_day = self.date + timedelta(days=1)
            end = local_instant(next_day, self.end_time, tz_name, self.end_fold).astimezone(UTC)
        self.starts_at, self.ends_at = start, end

    @property
    def timezone_name(self) -> str:
        if self.venue_id and self.venue.timezone:
            return self.venue.timezone
        return self.stop.timezone if self.stop_id else ""

    def zone_name(self) -> str:
        return self.timezone_name

    def local_start(self) -> datetime | None:
        if self.date is None or self.start_time is None:
            return None
        return datetime.combine(self.date, self.start_time)  # noqa: DTZ001 - wall clock

    @property
    def tz(self) -> ZoneInfo | None:
        return zone_or_none(self.timezone_name)

    @property
    def is_floating(self) -> bool:
        return self.timezone_name == FLOATING

    @property
    def time_confirmed(self) -> bool:
        return self.starts_at is not None

    @property
    def local_date(self) -> date | None:
        if self.starts_at and self.tz is not None:
            return self.starts_at.astimezone(self.tz).date()
        return self.date


class EngagementPerson(RoleLine):
    """Someone in a meeting: a counterpart, or one of ours."""

    class Side(models.TextChoices):
        COUNTERPART = "counterpart", _("counterpart")
        OURS = "ours", _("our side")
        OTHER = "other", _("other participant")

    engagement = models.ForeignKey(
        Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE, related_name="people"
    )
    side = models.CharField(_("side"), max_length=20, choices=Side, default=Side.COUNTERPART)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("engagement participant")
        verbose_name_plural = _("engagement participants")
        ordering = ("engagement_id", "side", "order", "pk")

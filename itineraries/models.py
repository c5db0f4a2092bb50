"""Delegation trips: stops (legs), travel between them, engagements and the delegation."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from planner.models import (
    Agreement,
    Contact,
    Organisation,
    Person,
    RefQuerySet,
    RevisionedModel,
    RoleLine,
    SequencedModel,
    SourcedModel,
    SourceDocument,
    Venue,
    timezone_field,
    valid_timezone_constraint,
)
from planner.timezones import zone


class Trip(RevisionedModel, SourcedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PLANNED = "planned", _("planned")
        CONFIRMED = "confirmed", _("confirmed")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    title_ko = models.CharField(_("title (Korean)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organising ministry"),
        on_delete=models.PROTECT,
        related_name="trips",
    )
    head = models.ForeignKey(
        Person,
        verbose_name=_("head of delegation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trips_headed",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    # Time staff allow between a flight's landing and the next engagement.
    transfer_buffer_minutes = models.PositiveSmallIntegerField(
        _("transfer buffer (minutes)"), default=90
    )
    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trips",
    )
    contacts = models.ManyToManyField(Contact, verbose_name=_("contacts"), blank=True)
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("follows up"), blank=True, related_name="trips"
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followed by"),
        blank=True,
        related_name="followed_trips",
    )

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trip")
        verbose_name_plural = _("trips")
        ordering = ("-start_date", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="trip_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko

    def get_absolute_url(self) -> str:
        return reverse("itineraries:trip_detail", args=[self.pk])


class Stop(RevisionedModel, SourcedModel):
    """One city of a trip, in its own time zone. Unknown dates stay empty."""

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="stops"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    city_ko = models.CharField(_("city (Korean)"), max_length=100)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    country = CountryField(_("country"))
    timezone = timezone_field()
    arrival_date = models.DateField(_("arrival"), null=True, blank=True)
    departure_date = models.DateField(_("departure"), null=True, blank=True)
    dates_note = models.CharField(_("note on the dates"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ("trip", "order", "pk")
        constraints = [
            models.UniqueConstraint(fields=("trip", "order"), name="stop_unique_order"),
            models.CheckConstraint(
                condition=Q(departure_date__isnull=True)
                | Q(arrival_date__isnull=True)
                | Q(departure_date__gte=F("arrival_date")),
                name="stop_departs_after_arrival",
            ),
            valid_timezone_constraint("timezone", "stop_valid_timezone"),
        ]

    def __str__(self) -> str:
        return f"{self.city_ko} ({self.country.name})"

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)


class TravelSegment(RevisionedModel, SourcedModel):
    """A flight or train between stops; each end in its own zone."""

    class Mode(models.TextChoices):
        FLIGHT = "flight", _("flight")
        TRAIN = "train", _("train")
        ROAD = "road", _("road")
        OTHER = "other", _("other")

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="segments"
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode, default=Mode.FLIGHT)
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    number = models.CharField(_("flight or train number"), max_length=20, blank=True)
    from_stop = models.ForeignKey(
        Stop,
        verbose_name=_("leaves stop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="departures",
    )
    to_stop = models.ForeignKey(
        Stop,
        verbose_name=_("reaches stop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="arrivals",
    )
    origin = models.CharField(_("from"), max_length=100)
    destination = models.CharField(_("to"), max_length=100)
    departs_at = models.DateTimeField(_("departs"))
    departure_timezone = timezone_field(_("departure time zone"))
    arrives_at = models.DateTimeField(_("arrives"))
    arrival_timezone = timezone_field(_("arrival time zone"))
    notes = models.TextField(_("notes"), blank=True)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("travel segment")
        verbose_name_plural = _("travel segments")
        ordering = ("trip", "departs_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(arrives_at__gt=F("departs_at")), name="segment_arrives_after_departure"
            ),
            valid_timezone_constraint("departure_timezone", "segment_valid_departure_timezone"),
            valid_timezone_constraint("arrival_timezone", "segment_valid_arrival_timezone"),
        ]

    def __str__(self) -> str:
        label = f"{self.carrier} {self.number}".strip()
        return f"{self.origin} → {self.destination} {label}".strip()


class Engagement(RevisionedModel, SequencedModel, SourcedModel):
    """A meeting, ceremony, visit or event. Date and time may each be unknown."""

    SEQUENCE_FIELDS = ("date", "starts_at", "ends_at", "venue_id", "room", "status", "stop_id")

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CEREMONY = "ceremony", _("ceremony")
        VISIT = "visit", _("visit")
        EVENT = "event", _("event")
        FORUM = "forum", _("forum")
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
    stop = models.ForeignKey(
        Stop, verbose_name=_("stop"), on_delete=models.PROTECT, related_name="engagements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MEETING)
    title_ko = models.CharField(_("title (Korean)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    # The local date at the stop; empty while the date is not confirmed.
    date = models.DateField(_("date"), null=True, blank=True)
    date_note = models.CharField(_("note on the date"), max_length=300, blank=True)
    # Instants; empty while the time is not confirmed ("시간 미정").
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.TENTATIVE)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
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

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ("trip", "date", "starts_at", "order", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(date__isnull=False),
                name="engagement_time_needs_date",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | (Q(starts_at__isnull=False) & Q(ends_at__gt=F("starts_at"))),
                name="engagement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko

    def get_absolute_url(self) -> str:
        return reverse("itineraries:trip_detail", args=[self.trip_id]) + f"#engagement-{self.pk}"

    @property
    def timezone_name(self) -> str:
        return self.venue.timezone if self.venue_id else self.stop.timezone

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone_name)

    @property
    def time_confirmed(self) -> bool:
        return self.starts_at is not None

    @property
    def local_date(self) -> date | None:
        return self.starts_at.astimezone(self.tz).date() if self.starts_at else self.date


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
        ordering = ("engagement", "side", "order", "pk")


class DelegationGroup(SourcedModel):
    """A named part of the delegation, e.g. an alliance of agencies, and how many it has."""

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="delegation_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    stop = models.ForeignKey(
        Stop,
        verbose_name=_("joins at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agency_count = models.PositiveSmallIntegerField(
        _("number of agencies stated"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = RefQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation group")
        verbose_name_plural = _("delegation groups")
        ordering = ("trip", "pk")

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
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    printed_as = models.CharField(_("as printed"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ("trip", "order", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organisation__isnull=False),
                name="member_is_person_or_agency",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation)

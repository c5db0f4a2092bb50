"""Trips, their stops (legs) and the travel between them."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from itineraries.models.trip_queries import TripQuerySet
from planner.models import (
    Agreement,
    Contact,
    Organisation,
    Person,
    RefQuerySet,
    RevisionedModel,
    SequencedModel,
    SourcedModel,
    SourceDocument,
    Venue,
    fuzzy_date,
    place_timezone_constraint,
    place_timezone_field,
    timezone_field,
    valid_timezone_constraint,
)
from planner.timezones import zone_or_none


class Trip(RevisionedModel, SourcedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PLANNED = "planned", _("planned")
        CONFIRMED = "confirmed", _("confirmed")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    # An English-only record needs no Korean title; a fragment may have none at all.
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organising ministry"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
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
    # The head as written when the document gives a title, not a name ("윤 장관").
    head_as_written = models.CharField(
        _("head of delegation as written"), max_length=200, blank=True
    )
    # Dates as precisely as the document gives them; an unstated end stays empty.
    start_date, start_date_precision, start_date_written, start_date_weekday = fuzzy_date(
        _("start date")
    )
    end_date, end_date_precision, end_date_written, end_date_weekday = fuzzy_date(_("end date"))
    duration_as_written = models.CharField(_("duration as written"), max_length=100, blank=True)
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

    objects = TripQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trip")
        verbose_name_plural = _("trips")
        ordering = ("-start_date", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="trip_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title_ko or self.title_en or str(_("(untitled trip)"))

    def get_absolute_url(self) -> str:
        return reverse("itineraries:trip_detail", args=[self.pk])


class Stop(RevisionedModel, SourcedModel):
    """One city of a trip, in its own time zone. Unknown dates stay empty."""

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="stops"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    # A stop may be known only by its country; its zone may be unknown.
    city_ko = models.CharField(_("city (Korean)"), max_length=100, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    timezone = place_timezone_field()
    # Anything more precise than the city: a venue, a building, an address.
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stops",
    )
    arrival_date, arrival_date_precision, arrival_date_written, arrival_date_weekday = fuzzy_date(
        _("arrival")
    )
    departure_date, departure_date_precision, departure_date_written, departure_date_weekday = (
        fuzzy_date(_("departure"))
    )
    dates_note = models.CharField(_("note on the dates"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    objects = RefQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ("trip_id", "order", "pk")
        constraints = [
            models.UniqueConstraint(fields=("trip", "order"), name="stop_unique_order"),
            models.CheckConstraint(
                condition=Q(departure_date__isnull=True)
                | Q(arrival_date__isnull=True)
                | Q(departure_date__gte=F("arrival_date")),
                name="stop_departs_after_arrival",
            ),
            place_timezone_constraint("timezone", "stop_valid_timezone"),
        ]

    def __str__(self) -> str:
        city = self.city_ko or self.city_en or self.locality
        country = self.country.name if self.country else ""
        if city and country:
            return f"{city} ({country})"
        return city or country or _("place not stated")

    @property
    def tz(self) -> ZoneInfo | None:
        """The stop's zone, or None while unknown or floating."""
        return zone_or_none(self.timezone)


class TravelSegment(RevisionedModel, SequencedModel, SourcedModel):
    """A flight or train between stops; each end in its own zone."""

    # A calendar client updates its copy of the journey when these change.
    SEQUENCE_FIELDS = (
        "departs_at",
        "departure_timezone",
        "arrives_at",
        "arrival_timezone",
        "origin",
        "destination",
        "carrier",
        "number",
    )

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
    # The ends as precisely as known (airport, city, country), where a document gives them.
    origin_place = models.ForeignKey(
        Venue,
        verbose_name=_("from (place)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    destination_place = models.ForeignKey(
        Venue,
        verbose_name=_("to (place)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
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
        ordering = ("trip_id", "departs_at", "pk")
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

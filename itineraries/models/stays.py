"""Where the delegation sleeps: hotels and other accommodation, night by night."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from itineraries.models.delegation import DelegationMember
from itineraries.models.trips import Trip
from planner.models import (
    RefQuerySet,
    RevisionedModel,
    SequencedModel,
    SourcedModel,
    Venue,
    fuzzy_date,
)


class StayQuerySet(RefQuerySet):
    def for_trip_page(self) -> StayQuerySet:
        """What the trip page, its print view and its calendar read: the place and who."""
        members = DelegationMember.objects.select_related("person", "organisation")
        return self.select_related("venue").prefetch_related(
            models.Prefetch("members", queryset=members)
        )


class Stay(RevisionedModel, SequencedModel, SourcedModel):
    """A hotel (or other accommodation) booked for a trip, from check-in to check-out.

    The dates are as precise as known (a month stays a month); times are optional.
    The place is a Venue, whose zone is the stay's zone in calendars. The
    confirmation number is for editors only (never in calendars or viewers' pages).
    """

    SEQUENCE_FIELDS = (
        "venue_id",
        "check_in_date",
        "check_in_date_precision",
        "check_in_time",
        "check_out_date",
        "check_out_date_precision",
        "check_out_time",
    )

    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="stays"
    )
    venue = models.ForeignKey(
        Venue, verbose_name=_("accommodation"), on_delete=models.PROTECT, related_name="stays"
    )
    check_in_date, check_in_date_precision, check_in_date_written, check_in_date_weekday = (
        fuzzy_date(_("check-in date"))
    )
    check_in_time = models.TimeField(_("check-in time"), null=True, blank=True)
    check_out_date, check_out_date_precision, check_out_date_written, check_out_date_weekday = (
        fuzzy_date(_("check-out date"))
    )
    check_out_time = models.TimeField(_("check-out time"), null=True, blank=True)
    confirmation_number = models.CharField(_("confirmation number"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Empty: the document or staff did not say who stays there (not "everyone").
    members = models.ManyToManyField(
        DelegationMember, verbose_name=_("who stays"), blank=True, related_name="stays"
    )

    objects = StayQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("accommodation")
        verbose_name_plural = _("accommodation")
        ordering = ("trip_id", "check_in_date", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(check_out_date__isnull=True)
                | Q(check_in_date__isnull=True)
                | Q(check_out_date__gt=F("check_in_date")),
                name="stay_checks_out_after_check_in",
            ),
        ]

    def __str__(self) -> str:
        return str(self.venue)

    @property
    def tz(self) -> ZoneInfo | None:
        return self.venue.tz

    @property
    def check_in_at(self) -> datetime | None:
        """The check-in instant, when the day, the time and the zone are all known."""
        return _instant(self.check_in_day, self.check_in_time, self.tz)

    @property
    def check_out_at(self) -> datetime | None:
        return _instant(self.check_out_day, self.check_out_time, self.tz)

    @property
    def check_in_day(self):
        """The check-in date when known to the day (a month is no night)."""
        return self.check_in_date if self.check_in_date_precision == "day" else None

    @property
    def check_out_day(self):
        return self.check_out_date if self.check_out_date_precision == "day" else None


def _instant(day: date | None, at: time | None, tz: ZoneInfo | None) -> datetime | None:
    if day is None or at is None or tz is None:
        return None
    return datetime.combine(day, at, tzinfo=tz)

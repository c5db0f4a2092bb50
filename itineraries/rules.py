"""The rules a trip's items must satisfy before they are saved.

Each check returns a ValidationError (field → Korean message) or nothing; the
services raise them, the forms show them. Soft problems that should not block
a save live in ``itineraries.conflicts``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from itineraries.models import Engagement, EngagementPerson, Stop

# A trip's programme shows every day; a year and a few days covers any real trip (an
# annual posting is a series of trips) and bounds the page (issue #15: a 30-year trip
# took 4 s to render). Forms refuse longer trips; the programme shows no more empty days.
MAX_TRIP_DAYS = 370

# An engagement with a start but no end still occupies its people this long.
ASSUMED_DURATION = timedelta(hours=1)


def busy_until(start: datetime, end: datetime | None) -> datetime:
    return end or start + ASSUMED_DURATION


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def day_starts(day: date, tz) -> datetime:
    """The instant a local day begins in a zone (midnight, or the first hour that exists)."""
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def day_ends(day: date, tz) -> datetime:
    return day_starts(day + timedelta(days=1), tz)


def stops_overlap(first: Stop, second: Stop) -> bool:
    """Whether two stays overlap, each stop's dates read in its own zone.

    Sharing a boundary day is travel, not overlap: each stop may arrive before the other's
    departure day ends. So a stop only overlaps when it is reached a whole local day before
    the other's departure day begins. Across the date line the days differ by their zones:
    leaving Auckland on the 27th and reaching Los Angeles on the 26th is one flight.
    """
    if not (first.arrival_date and first.departure_date):
        return False
    if not (second.arrival_date and second.departure_date):
        return False
    second_in_time = day_ends(second.arrival_date, second.tz) <= day_starts(
        first.departure_date, first.tz
    )
    first_in_time = day_ends(first.arrival_date, first.tz) <= day_starts(
        second.departure_date, second.tz
    )
    return second_in_time and first_in_time


def check_stop_dates(stop: Stop) -> None:
    """A stop lies within its trip and does not overlap another stop (see stops_overlap)."""
    errors: dict[str, list[str]] = {}
    trip = stop.trip
    for name in ("arrival_date", "departure_date"):
        value = getattr(stop, name)
        if value and not trip.start_date <= value <= trip.end_date:
            errors.setdefault(name, []).append(
                _("This date is outside the trip (%(start)s – %(end)s).")
                % {"start": _day(trip.start_date), "end": _day(trip.end_date)}
            )
    if stop.arrival_date and stop.departure_date:
        if stop.departure_date < stop.arrival_date:
            errors.setdefault("departure_date", []).append(_("Departure is before arrival."))
        # Dates alone, with a day's margin for the zones; the instants decide below.
        margin = timedelta(days=1)
        candidates = (
            Stop.objects.filter(
                trip_id=stop.trip_id,
                arrival_date__lt=stop.departure_date + margin,
                departure_date__gt=stop.arrival_date - margin,
            )
            .exclude(pk=stop.pk)
            .order_by("order")
        )
        for other in candidates:
            if not stops_overlap(stop, other):
                continue
            errors.setdefault("arrival_date", []).append(
                _("These dates overlap the stop in %(city)s (%(start)s – %(end)s).")
                % {
                    "city": other.city_ko,
                    "start": _day(other.arrival_date),
                    "end": _day(other.departure_date),
                }
            )
    if errors:
        raise ValidationError(errors)


def check_engagement_dates(engagement: Engagement) -> None:
    """Start before end, and the meeting within its stop's (and trip's) dates.

    A timed meeting is compared as an instant with the stop's days in the stop's zone; a
    meeting with a date only is compared by its local day.
    """
    errors: dict[str, list[str]] = {}
    if engagement.starts_at and engagement.ends_at and engagement.ends_at <= engagement.starts_at:
        errors["ends_at"] = [_("The end must be after the start.")]
    day = engagement.local_date
    stop = engagement.stop
    trip = engagement.trip
    if day is not None:
        start = engagement.starts_at
        if stop.arrival_date and (
            start < day_starts(stop.arrival_date, stop.tz) if start else day < stop.arrival_date
        ):
            errors.setdefault("date", []).append(
                _("%(city)s is reached on %(arrival)s; this is before.")
                % {"city": stop.city_ko, "arrival": _day(stop.arrival_date)}
            )
        if stop.departure_date and (
            start >= day_ends(stop.departure_date, stop.tz) if start else day > stop.departure_date
        ):
            errors.setdefault("date", []).append(
                _("The delegation leaves %(city)s on %(departure)s; this is after.")
                % {"city": stop.city_ko, "departure": _day(stop.departure_date)}
            )
        if not trip.start_date <= day <= trip.end_date:
            errors.setdefault("date", []).append(
                _("This date is outside the trip (%(start)s – %(end)s).")
                % {"start": _day(trip.start_date), "end": _day(trip.end_date)}
            )
    if errors:
        raise ValidationError(errors)


def double_bookings(
    *, person_ids: list[int], starts_at: datetime, ends_at: datetime | None, exclude_pk=None
) -> list[EngagementPerson]:
    """Other live engagements where any of these people are due at the same time."""
    if not person_ids:
        return []
    until = busy_until(starts_at, ends_at)
    candidates = (
        EngagementPerson.objects.filter(
            person_id__in=person_ids,
            engagement__starts_at__lt=until,
            engagement__starts_at__gt=starts_at - timedelta(days=1),
        )
        .exclude(engagement__status=Engagement.Status.CANCELLED)
        .exclude(engagement_id=exclude_pk)
        .select_related("person", "engagement__stop")
    )
    return [
        line
        for line in candidates
        if busy_until(line.engagement.starts_at, line.engagement.ends_at) > starts_at
    ]


def check_people_free(engagement: Engagement, person_ids: list[int] | None = None) -> None:
    """Nobody can be in two places at once."""
    if engagement.starts_at is None or engagement.status == Engagement.Status.CANCELLED:
        return
    if person_ids is None:
        person_ids = (
            list(engagement.people.filter(person__isnull=False).values_list("person_id", flat=True))
            if engagement.pk
            else []
        )
    clashes = double_bookings(
        person_ids=person_ids,
        starts_at=engagement.starts_at,
        ends_at=engagement.ends_at,
        exclude_pk=engagement.pk,
    )
    if clashes:
        raise ValidationError(
            {
                "starts_at": [
                    _("%(person)s is already due at “%(other)s” (%(city)s) at that time.")
                    % {
                        "person": line.person.name_ko or line.person.name_latin,
                        "other": line.engagement.title_ko,
                        "city": line.engagement.stop.city_ko,
                    }
                    for line in clashes
                ]
            }
        )

"""Trips in calendars: engagements and travel segments as entries, registered with planner.

``register()`` (from ``ItinerariesConfig.ready``) tells ``planner.calendar_registry``
what a trip holds; the feeds, the calendar page and the tombstones walk that
registry. Each queryset loads every relation its entry reads, so turning 5,000
rows into entries costs no query per row. A new kind of item (hotel stays) is a
queryset, an entry function, the relations it reads, and one ``register_source``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from planner.calendar_registry import (
    Absolute,
    CalendarSource,
    Parent,
    register_badges,
    register_parent,
    register_source,
)
from planner.ical import CANCELLED, CONFIRMED, TENTATIVE, CalendarEntry, item_uid
from planner.ical_entries import (
    description,
    known_day,
    line_name,
    organizer,
    participants,
    place_text,
    seoul_line,
)
from planner.language import localized
from planner.models import Contact
from planner.timezones import zone_or_none

ENGAGEMENT_STATUS = {
    Engagement.Status.TENTATIVE: TENTATIVE,
    Engagement.Status.CONFIRMED: CONFIRMED,
    Engagement.Status.CANCELLED: CANCELLED,
}
# A journey has no status of its own: it is as certain as its trip.
TRIP_STATUS = {
    Trip.Status.DRAFT: TENTATIVE,
    Trip.Status.PLANNED: TENTATIVE,
    Trip.Status.CONFIRMED: CONFIRMED,
    Trip.Status.COMPLETED: CONFIRMED,
    Trip.Status.CANCELLED: CANCELLED,
}


# Engagements --------------------------------------------------------------------------


def engagements_for_calendar() -> QuerySet:
    return Engagement.objects.select_related("trip", "stop", "venue", "host").prefetch_related(
        Prefetch(
            "people", queryset=EngagementPerson.objects.select_related("person", "organisation")
        ),
        Prefetch("trip__contacts", queryset=Contact.objects.select_related("person")),
    )


ENGAGEMENT_RELATIONS = (
    "trip__updated",
    "stop__updated",
    "venue__updated",
    "host__updated",
    "people__updated",
    "people__person__updated",
    "people__organisation__updated",
    "trip__contacts__updated",
    "trip__contacts__person__updated",
)
ENGAGEMENT_COUNTS = ("people", "trip__contacts")


def engagement_entry(engagement: Engagement, absolute: Absolute) -> CalendarEntry:
    trip = engagement.trip
    lines = list(engagement.people.all())
    sides: dict[str, list[str]] = {}
    for line in lines:
        name = line_name(line)
        if name:
            sides.setdefault(line.get_side_display(), []).append(name)
    people = "\n".join(f"{side}: {'; '.join(names)}" for side, names in sides.items())
    url = absolute(engagement.get_absolute_url())
    tz_name = engagement.timezone_name
    facts = [
        _("Trip: %(title)s") % {"title": localized(trip, "title")},
        seoul_line(engagement.starts_at, engagement.ends_at, tz_name),
        engagement.date_note,
        (_("Host: %(name)s") % {"name": engagement.host}) if engagement.host_id else "",
        (_("Join online: %(url)s") % {"url": engagement.join_url}) if engagement.join_url else "",
    ]
    return CalendarEntry(
        uid=item_uid("engagement", engagement),
        summary=localized(engagement, "title"),
        timezone=tz_name,
        status=ENGAGEMENT_STATUS.get(engagement.status, TENTATIVE),
        sequence=engagement.sequence,
        start=engagement.starts_at,
        end=engagement.ends_at,
        day=None if engagement.starts_at else known_day(engagement),
        location=place_text(
            engagement.venue,
            engagement.room,
            localized(engagement.stop, "city") if engagement.stop else "",
            engagement.stop.country if engagement.stop else None,
        ),
        description=description(
            "\n".join(f for f in facts if f), engagement.objectives, people, url
        ),
        url=url,
        stamp=engagement.updated,
        created=engagement.created,
        categories=(engagement.get_kind_display(),),
        organizer=organizer(trip.contacts.all()),
        attendees=participants(lines),
        conference=engagement.join_url,
    )


def _engagements_between(engagements: QuerySet, first: date, last: date) -> QuerySet:
    margin = timedelta(days=1)  # a local date may differ from the stored one across the date line
    return engagements.filter(date__range=(first - margin, last + margin))


def _undated_engagements(engagements: QuerySet) -> QuerySet:
    return engagements.filter(date__isnull=True).order_by("trip__start_date", "order", "pk")


# Travel segments ------------------------------------------------------------------------


def segments_for_calendar() -> QuerySet:
    return TravelSegment.objects.select_related(
        "trip", "from_stop", "to_stop", "origin_place", "destination_place"
    )


SEGMENT_RELATIONS = (
    "trip__updated",
    "from_stop__updated",
    "to_stop__updated",
    "origin_place__updated",
    "destination_place__updated",
)


def _end_place(place, written: str, stop) -> str:
    if place is not None:
        return place_text(place, "")
    return written or (str(stop) if stop is not None else "")


def _local(moment: datetime, tz_name: str) -> str:
    tz = zone_or_none(tz_name)
    local = moment.astimezone(tz) if tz is not None else moment
    return f"{local:%Y-%m-%d %H:%M} ({tz_name})"


def segment_zone(tz_name: str) -> str:
    return tz_name if zone_or_none(tz_name) is not None else "UTC"


def segment_entry(segment: TravelSegment, absolute: Absolute) -> CalendarEntry:
    """DTSTART in the departure zone, DTEND in the arrival zone, as airlines' own files do."""
    trip = segment.trip
    origin = _end_place(segment.origin_place, segment.origin, segment.from_stop)
    destination = _end_place(segment.destination_place, segment.destination, segment.to_stop)
    journey = " ".join(p for p in (segment.carrier, segment.number) if p)
    summary = _("%(mode)s %(journey)s: %(origin)s → %(destination)s") % {
        "mode": segment.get_mode_display(),
        "journey": journey,
        "origin": segment.origin,
        "destination": segment.destination,
    }
    url = absolute(trip.get_absolute_url() + f"#segment-{segment.pk}")
    facts = [
        _("Trip: %(title)s") % {"title": localized(trip, "title")},
        _("Departs %(place)s: %(time)s")
        % {"place": origin, "time": _local(segment.departs_at, segment.departure_timezone)},
        _("Arrives %(place)s: %(time)s")
        % {"place": destination, "time": _local(segment.arrives_at, segment.arrival_timezone)},
        seoul_line(segment.departs_at, None, segment.departure_timezone),
    ]
    return CalendarEntry(
        uid=item_uid("segment", segment),
        summary=" ".join(summary.split()),
        timezone=segment_zone(segment.departure_timezone),
        end_timezone=segment_zone(segment.arrival_timezone),
        status=TRIP_STATUS.get(trip.status, TENTATIVE),
        sequence=segment.sequence,
        start=segment.departs_at,
        end=segment.arrives_at,
        location=origin,
        description=description("\n".join(f for f in facts if f), segment.notes, url),
        url=url,
        stamp=segment.updated,
        created=segment.created,
        categories=(segment.get_mode_display(),),
    )


def _segments_between(segments: QuerySet, first: date, last: date) -> QuerySet:
    margin = timedelta(days=1)  # no zone is more than a day from UTC
    low = datetime.combine(first - margin, time.min, tzinfo=UTC)
    high = datetime.combine(last + margin * 2, time.min, tzinfo=UTC)
    return segments.filter(departs_at__gte=low, departs_at__lt=high)


# Trip items as calendar sources ---------------------------------------------------------


def trip_item_source(
    kind: str,
    model: type,
    *,
    rows: Callable[[], QuerySet],
    entry: Callable[[Any, Absolute], CalendarEntry],
    between: Callable[[QuerySet, date, date], QuerySet],
    relations: tuple[str, ...] = (),
    counts: tuple[str, ...] = (),
    undated: Callable[[QuerySet], QuerySet] | None = None,
) -> CalendarSource:
    """The calendar source of one kind of trip item (its rows carry ``trip_id``).

    ``relations`` and ``counts``: what an entry reads besides its row, which the feed
    validator and the stored fragments' versions are made of (``CalendarSource``).
    """
    return CalendarSource(
        kind=kind,
        parent="trip",
        model=model,
        parent_field="trip_id",
        rows=rows,
        entry=entry,
        between=between,
        relations=relations,
        counts=counts,
        undated=undated,
        context=lambda item: str(item.trip),
    )


# Trips: involvement ---------------------------------------------------------------------


def involved_trips(user) -> QuerySet:
    """One semi-join per way of being involved: an OR across joins would multiply a
    trip by its followers, members and every engagement's people before ``DISTINCT``."""
    return Trip.objects.filter(
        Q(pk__in=Trip.followers.through.objects.filter(user=user).values("trip_id"))
        | Q(head__user=user)
        | Q(pk__in=DelegationMember.objects.filter(person__user=user).values("trip_id"))
        | Q(pk__in=EngagementPerson.objects.filter(person__user=user).values("engagement__trip_id"))
    )


def trips_for_lists() -> QuerySet:
    return Trip.objects.select_related("head", "organisation")


def trips_with_stops() -> QuerySet:
    return Trip.objects.select_related("head").prefetch_related(
        Prefetch("stops", queryset=Stop.objects.all())
    )


def register() -> None:
    register_badges(
        {
            Trip.Status.DRAFT: "bg-light-gray",
            Trip.Status.PLANNED: "bg-light-primary",
            Trip.Status.CONFIRMED: "bg-light-success",
            Trip.Status.COMPLETED: "bg-light-secondary",
            Trip.Status.CANCELLED: "bg-danger",
            Engagement.Status.TENTATIVE: "bg-light-warning",
            Engagement.Status.CONFIRMED: "bg-light-success",
            Engagement.Status.CANCELLED: "bg-danger",
        }
    )
    register_parent(
        Parent(
            key="trip",
            objects=trips_for_lists,
            for_calendar=trips_with_stops,
            involved=involved_trips,
            choice_order=("-start_date", "pk"),
            ends_field="end_date",
            starts_field="start_date",
        )
    )
    register_source(
        trip_item_source(
            "engagement",
            Engagement,
            rows=engagements_for_calendar,
            entry=engagement_entry,
            between=_engagements_between,
            relations=ENGAGEMENT_RELATIONS,
            counts=ENGAGEMENT_COUNTS,
            undated=_undated_engagements,
        )
    )
    register_source(
        trip_item_source(
            "segment",
            TravelSegment,
            rows=segments_for_calendar,
            entry=segment_entry,
            between=_segments_between,
            relations=SEGMENT_RELATIONS,
        )
    )

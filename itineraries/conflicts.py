"""Problems worth a look that do not block saving: the trip page's conflicts panel.

Computed in memory from rows the trip page already fetched, so the panel adds
no query per engagement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext as _

from itineraries.models import Engagement, TravelSegment, Trip
from itineraries.rules import busy_until


@dataclass(frozen=True)
class Conflict:
    kind: str  # "late_arrival", "double_booking", "outside_stop"
    message: str
    anchors: tuple[str, ...]  # element ids on the trip page, e.g. "engagement-12"


def trip_conflicts(
    trip: Trip, engagements: list[Engagement], segments: list[TravelSegment]
) -> list[Conflict]:
    live = [e for e in engagements if e.status != Engagement.Status.CANCELLED]
    return [
        *_late_arrivals(trip, live, segments),
        *_double_bookings(live),
        *_outside_stop(live),
    ]


def _late_arrivals(trip, engagements, segments):
    """A flight landing less than the transfer buffer before the next engagement there."""
    buffer = timedelta(minutes=trip.transfer_buffer_minutes)
    timed = sorted((e for e in engagements if e.starts_at), key=lambda e: e.starts_at)
    for segment in segments:
        if segment.to_stop_id is None:
            continue
        following = [
            e
            for e in timed
            if e.stop_id == segment.to_stop_id and e.starts_at + _grace(e) > segment.departs_at
        ]
        if not following:
            continue
        first = following[0]
        if segment.arrives_at + buffer > first.starts_at:
            shortfall = int((segment.arrives_at + buffer - first.starts_at).total_seconds() // 60)
            yield Conflict(
                "late_arrival",
                _(
                    "%(flight)s lands too late for “%(engagement)s”: "
                    "%(minutes)s minutes short of the %(buffer)s-minute transfer buffer."
                )
                % {
                    "flight": str(segment),
                    "engagement": first.title_ko,
                    "minutes": shortfall,
                    "buffer": trip.transfer_buffer_minutes,
                },
                (f"segment-{segment.pk}", f"engagement-{first.pk}"),
            )


def _grace(engagement):
    return busy_until(engagement.starts_at, engagement.ends_at) - engagement.starts_at


def _double_bookings(engagements):
    by_person = defaultdict(list)
    for engagement in engagements:
        if engagement.starts_at is None:
            continue
        for line in engagement.people_lines:
            if line.person_id:
                by_person[line.person_id].append((engagement, line.person))
    for items in by_person.values():
        items.sort(key=lambda pair: pair[0].starts_at)
        for (first, person), (second, _person) in zip(items, items[1:], strict=False):
            if busy_until(first.starts_at, first.ends_at) > second.starts_at:
                yield Conflict(
                    "double_booking",
                    _("%(person)s is due at “%(first)s” and “%(second)s” at the same time.")
                    % {
                        "person": person.name_ko or person.name_latin,
                        "first": first.title_ko,
                        "second": second.title_ko,
                    },
                    (f"engagement-{first.pk}", f"engagement-{second.pk}"),
                )


def _outside_stop(engagements):
    """Rows that predate the rule (e.g. a stop's dates changed after they were entered)."""
    for engagement in engagements:
        day = engagement.local_date
        stop = engagement.stop
        if day is None:
            continue
        if (stop.arrival_date and day < stop.arrival_date) or (
            stop.departure_date and day > stop.departure_date
        ):
            yield Conflict(
                "outside_stop",
                _("“%(engagement)s” falls outside the dates of %(city)s.")
                % {"engagement": engagement.title_ko, "city": stop.city_ko},
                (f"engagement-{engagement.pk}",),
            )

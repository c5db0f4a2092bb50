"""Writes to a trip: every save checks the rules and refuses stale edits."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from itineraries.rules import check_engagement_dates, check_people_free, check_stop_dates
from planner.models import RevisionedModel, delete_if_current, save_if_current


@transaction.atomic
def trip_save(*, trip: Trip, expected_revision: int | None) -> Trip:
    """The trip's own details and settings (status, transfer buffer)."""
    save_if_current(trip, expected_revision=expected_revision)
    return trip


@transaction.atomic
def item_delete(*, item: RevisionedModel, expected_revision: int | None) -> None:
    """Delete a stop, segment or member unless someone saved it since it was opened.

    Raises ``ProtectedError`` for a stop that engagements still use.
    """
    delete_if_current(item, expected_revision=expected_revision)


@transaction.atomic
def engagement_save(
    *,
    engagement: Engagement,
    expected_revision: int | None,
    person_ids: list[int] | None = None,
) -> Engagement:
    """Create or update an engagement; a date without a time is "time TBD"."""
    if engagement.starts_at and engagement.date is None:
        engagement.date = engagement.local_date
    check_engagement_dates(engagement)
    check_people_free(engagement, person_ids)
    if engagement.pk is None and not engagement.order:
        engagement.order = _next_order(Engagement.objects.filter(trip=engagement.trip))
    save_if_current(engagement, expected_revision=expected_revision)
    return engagement


@transaction.atomic
def engagement_cancel(*, engagement: Engagement, expected_revision: int | None) -> Engagement:
    """Cancelled items stay on the trip (and in calendar feeds) marked as such."""
    engagement.status = Engagement.Status.CANCELLED
    save_if_current(engagement, expected_revision=expected_revision)
    return engagement


@transaction.atomic
def engagement_delete(*, engagement: Engagement, expected_revision: int | None) -> None:
    delete_if_current(engagement, expected_revision=expected_revision)


@transaction.atomic
def engagement_person_add(*, line: EngagementPerson) -> EngagementPerson:
    """Add someone to a meeting, unless they are due elsewhere at that time."""
    if line.person_id:
        check_people_free(line.engagement, [line.person_id])
    if not line.order:
        line.order = _next_order(EngagementPerson.objects.filter(engagement=line.engagement))
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def engagement_person_remove(*, line: EngagementPerson) -> None:
    line.delete()


def untimed_order(engagement: Engagement) -> list[int]:
    """The pks of the engagement's day without a time, in their manual order."""
    return list(
        Engagement.objects.filter(
            trip_id=engagement.trip_id, date=engagement.date, starts_at__isnull=True
        )
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def engagement_move_untimed(*, engagement: Engagement, direction: int) -> None:
    """Up/down among the day's items without a time (timed items keep clock order).

    ``engagement_move`` swaps with the next item of the date; step past timed ones.
    """
    if engagement.date is None or engagement.starts_at is not None:
        return
    before = untimed_order(engagement)
    if engagement.pk not in before:
        return
    index = before.index(engagement.pk)
    if not 0 <= index + direction < len(before):
        return
    for _step in range(Engagement.objects.filter(trip_id=engagement.trip_id).count()):
        engagement_move(engagement=engagement, direction=direction)
        if untimed_order(engagement) != before:
            return


@transaction.atomic
def engagement_move(*, engagement: Engagement, direction: int) -> None:
    """Swap with the neighbour in the same day's manual order (untimed items)."""
    siblings = list(
        Engagement.objects.filter(trip_id=engagement.trip_id, date=engagement.date).order_by(
            "order", "pk"
        )
    )
    index = next(i for i, e in enumerate(siblings) if e.pk == engagement.pk)
    target = index + direction
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, item in enumerate(siblings, start=1):
        item.order = position
    Engagement.objects.bulk_update(siblings, ["order"])


@transaction.atomic
def stop_save(*, stop: Stop, expected_revision: int | None) -> Stop:
    check_stop_dates(stop)
    if stop.pk is None and not stop.order:
        stop.order = _next_order(Stop.objects.filter(trip=stop.trip))
    save_if_current(stop, expected_revision=expected_revision)
    return stop


@transaction.atomic
def stop_move(*, stop: Stop, direction: int) -> None:
    """Reorder stops; (trip, order) is unique, so renumber through a free range."""
    stops = list(Stop.objects.filter(trip_id=stop.trip_id).order_by("order", "pk"))
    index = next(i for i, s in enumerate(stops) if s.pk == stop.pk)
    target = index + direction
    if not 0 <= target < len(stops):
        return
    stops[index], stops[target] = stops[target], stops[index]
    offset = max(s.order for s in stops) + 1
    for position, item in enumerate(stops, start=1):
        item.order = offset + position
    Stop.objects.bulk_update(stops, ["order"])
    for position, item in enumerate(stops, start=1):
        item.order = position
    Stop.objects.bulk_update(stops, ["order"])


@transaction.atomic
def segment_save(*, segment: TravelSegment, expected_revision: int | None) -> TravelSegment:
    save_if_current(segment, expected_revision=expected_revision)
    return segment


@transaction.atomic
def member_save(*, member: DelegationMember, expected_revision: int | None) -> DelegationMember:
    if member.pk is None and not member.order:
        member.order = _next_order(DelegationMember.objects.filter(trip=member.trip))
    save_if_current(member, expected_revision=expected_revision)
    return member


def _next_order(queryset) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1

"""Writes to a trip's accommodation: the place, the stay and who stays, in one transaction."""

from __future__ import annotations

from django.db import transaction

from itineraries.models import DelegationMember, Stay
from planner.models import Venue, delete_if_current, save_if_current

# What makes two places the same hotel; the other fields may be filled in or corrected.
IDENTITY = ("name_ko", "city_ko", "country")


def _venue_for(stay: Stay, values: dict[str, str]) -> Venue:
    """The stay's own place when it is still the same hotel, else a known one, else a new one.

    A place is never renamed here: it may be the venue of a meeting too, and renaming
    it would move that meeting to another hotel.
    """
    current = stay.venue if stay.venue_id else None
    same = current is not None and all(
        str(getattr(current, name)) == str(values.get(name, "")) for name in IDENTITY
    )
    venue = current if same else None
    if venue is None:
        venue = Venue.objects.filter(**{name: values.get(name, "") for name in IDENTITY}).first()
    venue = venue or Venue()
    for name, value in values.items():
        if value or name not in IDENTITY:
            setattr(venue, name, value)
    venue.full_clean()
    venue.save()
    return venue


@transaction.atomic
def stay_save(
    *,
    stay: Stay,
    venue_values: dict[str, str],
    member_ids: list[int] | None,
    expected_revision: int | None,
) -> Stay:
    """Create or update a stay; a stale edit is refused (and nothing of it is written)."""
    stay.venue = _venue_for(stay, venue_values)
    save_if_current(stay, expected_revision=expected_revision)
    if member_ids is not None:
        stay.members.set(DelegationMember.objects.filter(trip_id=stay.trip_id, pk__in=member_ids))
    return stay


@transaction.atomic
def stay_delete(*, stay: Stay, expected_revision: int | None) -> None:
    """The place stays (other rows may use it); the stay's history is kept."""
    delete_if_current(stay, expected_revision=expected_revision)

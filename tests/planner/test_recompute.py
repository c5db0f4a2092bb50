"""``instants_recompute`` in process: rows whose stored instant disagrees with their local
time under the zone data in use (as rows stored under older rules do) are moved in
bounded pages; past rows and rows that agree are left alone."""

from datetime import UTC, date, datetime, time

import pytest

from itineraries.models import Engagement
from planner.recompute import instants_recompute
from tests.factories import EngagementFactory, StopFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _stale_meetings(count: int) -> list[Engagement]:
    stop = StopFactory(timezone="America/Vancouver")
    meetings = [
        EngagementFactory(stop=stop, date=date(2027, 1, 15), start_time=time(10, 0))
        for _ in range(count)
    ]
    # Stored under the old rules (PST, -08:00): an hour later than the pinned -07:00 says.
    Engagement.objects.filter(pk__in=[m.pk for m in meetings]).update(
        starts_at=datetime(2027, 1, 15, 18, 0, tzinfo=UTC)
    )
    return meetings


# Savepoint and release, then per page of two one SELECT and one bulk UPDATE, the empty
# last page, and one SELECT each for forums and sessions: pages grow, queries stay bounded.
@pytest.mark.parametrize(("count", "queries"), [(3, 9), (6, 11)])
def test_moves_stale_future_rows_in_bounded_pages(django_assert_num_queries, count, queries):
    meetings = _stale_meetings(count)
    past = EngagementFactory(stop=meetings[0].stop, date=date(2026, 1, 15), start_time=time(10))
    Engagement.objects.filter(pk=past.pk).update(starts_at=datetime(2026, 1, 15, 17, tzinfo=UTC))

    with django_assert_num_queries(queries):
        moves = instants_recompute(now=NOW, batch_size=2)

    assert [move.pk for move in moves] == [m.pk for m in meetings]
    assert set(
        Engagement.objects.filter(pk__in=[m.pk for m in meetings]).values_list(
            "starts_at", "sequence"
        )
    ) == {(datetime(2027, 1, 15, 17, 0, tzinfo=UTC), 1)}
    assert Engagement.objects.get(pk=past.pk).starts_at == datetime(2026, 1, 15, 17, tzinfo=UTC)
    assert "UTC-08:00 → UTC-07:00" in moves[0].describe()


def test_a_dry_run_lists_but_changes_nothing():
    (meeting,) = _stale_meetings(1)

    moves = instants_recompute(now=NOW, dry_run=True)

    assert [move.pk for move in moves] == [meeting.pk]
    stored = Engagement.objects.get(pk=meeting.pk)
    assert (stored.starts_at, stored.sequence) == (datetime(2027, 1, 15, 18, 0, tzinfo=UTC), 0)
    assert instants_recompute(now=NOW, dry_run=True) != []

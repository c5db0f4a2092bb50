"""The trip page's engagements read as shown rows (planner/models/shown_rows.py):
the same facts as the ORM reads, two queries whatever the size, shared instances."""

from __future__ import annotations

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from itineraries.models import Engagement, EngagementPerson
from itineraries.models.programme_rows import ENGAGEMENTS, programme_engagements
from planner.models.shown_rows import Columns, ShownQuery
from tests.factories import (
    EngagementFactory,
    EngagementPersonFactory,
    OrganisationFactory,
    PersonFactory,
    StopFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def _trip_of(size: int):
    stop = StopFactory()
    ministry = OrganisationFactory(name_ko="세르비아 정보통신부")
    venue = VenueFactory()
    minister = PersonFactory(name_ko="장관", organisation=ministry)
    for number in range(size):
        engagement = EngagementFactory(stop=stop, venue=venue, host=ministry, order=number)
        EngagementPersonFactory(engagement=engagement, person=minister, organisation=ministry)
        EngagementPersonFactory(
            engagement=engagement,
            person=None,
            organisation=ministry,
            printed_as=f"차관보 {number}",
            side=EngagementPerson.Side.OURS,
        )
    return stop.trip


def _facts(engagements):
    return [
        (
            engagement.pk,
            engagement.title_ko,
            engagement.starts_at,
            engagement.stop.timezone,
            str(engagement.venue),
            str(engagement.host),
            [
                (line.side, line.printed_as, str(line.person or ""), str(line.organisation or ""))
                for line in engagement.people_lines
            ],
        )
        for engagement in engagements
    ]


def test_the_rows_say_what_the_orm_says_in_the_same_order():
    trip = _trip_of(3)
    orm = list(Engagement.objects.filter(trip=trip).select_related("stop", "venue", "host"))
    for engagement in orm:
        engagement.people_lines = list(engagement.people.select_related("person", "organisation"))
    assert _facts(programme_engagements(trip, trip.stops.all())) == _facts(orm)


def test_two_queries_at_any_size_and_one_instance_per_related_row():
    small, large = _trip_of(2), _trip_of(12)
    counts = []
    for trip in (small, large):
        stops = list(trip.stops.all())
        with CaptureQueriesContext(connection) as queries:
            engagements = programme_engagements(trip, stops)
            _facts(engagements)  # reading what the page shows costs nothing more
        counts.append(len(queries))
    assert counts == [2, 2]
    hosts = {id(engagement.host) for engagement in engagements}
    line_organisations = {
        id(line.organisation) for engagement in engagements for line in engagement.people_lines
    }
    assert len(hosts) == 1 and line_organisations == hosts  # one ministry, one instance


def test_a_column_left_out_is_read_when_asked_for():
    trip = _trip_of(1)
    (engagement,) = programme_engagements(trip, trip.stops.all())
    assert "updated" not in engagement.__dict__
    with CaptureQueriesContext(connection) as queries:
        assert engagement.updated is not None
    assert len(queries) == 1


def test_the_compiled_query_runs_with_each_key():
    first, second = _trip_of(1), _trip_of(2)
    assert len(list(ENGAGEMENTS.rows(first.pk))) == 1
    assert len(list(ENGAGEMENTS.rows(second.pk))) == 2
    assert list(ENGAGEMENTS.rows(-1)) == []
    # Compiled once, reused for every key.
    assert ENGAGEMENTS._compiled[connections["default"]].key_index is not None


def test_a_key_that_is_not_one_parameter_compiles_each_time():
    trip = _trip_of(2)
    # The key reaches the SQL twice: the cached SQL could not be reused safely.
    twice = ShownQuery(
        lambda pk: Engagement.objects.filter(trip_id=pk, stop__trip_id=pk),
        Columns(Engagement, keep=("title_ko",)),
    )
    assert [row[0].title_ko for row in twice.rows(trip.pk)] == [
        engagement.title_ko for engagement in Engagement.objects.filter(trip=trip)
    ]
    assert list(twice.rows(-1)) == []
    assert twice._compiled[connections["default"]].key_index is None


def test_a_row_without_a_stop_at_a_venue_with_its_own_zone_renders():
    from itineraries.row_html import RowKit

    trip = _trip_of(1)
    engagement = EngagementFactory(
        stop=None, trip=trip, venue=VenueFactory(timezone="Asia/Tokyo"), title_ko="장소만 있는 면담"
    )
    (row,) = [e for e in programme_engagements(trip, trip.stops.all()) if e.pk == engagement.pk]
    html = RowKit(trip.pk, can_edit=True).row(row)
    assert "장소만 있는 면담" in html
    assert '<span class="zone">Asia/Tokyo</span>' in html

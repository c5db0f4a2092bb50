"""The trip page's read of a trip (itineraries/models/trip_rows.py) holds what the ORM
holds, in the same order, with a fixed number of queries."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext

from itineraries.models import Stop, TravelSegment, Trip
from itineraries.models.trip_rows import read_trip_page, read_trip_relations
from planner.models import Agreement, Contact
from planner.timezones import local_instant
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    DelegationGroupFactory,
    DelegationMemberFactory,
    PersonFactory,
    StayFactory,
    StopFactory,
)

pytestmark = pytest.mark.django_db


def _trip(groups: int = 2) -> Trip:
    first = StopFactory()
    trip = first.trip
    second = StopFactory(trip=trip, city_ko="카이로", city_en="Cairo", timezone="Africa/Cairo")
    TravelSegment.objects.create(
        trip=trip,
        from_stop=first,
        to_stop=second,
        origin="베오그라드",
        destination="카이로",
        departs_at=local_instant(date(2026, 7, 12), time(9, 0), "Europe/Belgrade"),
        departure_timezone="Europe/Belgrade",
        arrives_at=local_instant(date(2026, 7, 12), time(13, 0), "Africa/Cairo"),
        arrival_timezone="Africa/Cairo",
    )
    for number in range(groups):
        group = DelegationGroupFactory(trip=trip, name=f"사절단 {number}")
        group.stops.set([second, first] if number else [first])
        for order in (2, 1):
            DelegationMemberFactory(
                trip=trip, group=group, order=order, person=PersonFactory(), organisation=None
            )
    lone = DelegationMemberFactory(trip=trip, order=0)
    stay = StayFactory(trip=trip)
    stay.members.set([lone, *trip.members.exclude(pk=lone.pk)[:1]])
    trip.agreements.set([AgreementFactory(), AgreementFactory(signed_on=None)])
    trip.contacts.set([ContactFactory(), ContactFactory(responsibility="desk")])
    return trip


def _facts(trip: Trip) -> dict:
    return {
        "summary": (trip.title_ko, str(trip.organisation), str(trip.head), trip.document_id),
        "stops": [stop.pk for stop in trip.stops.all()],
        "segments": [segment.pk for segment in trip.segments.all()],
        "groups": [
            (group.name, [stop.pk for stop in group.stops.all()])
            for group in trip.delegation_groups.all()
        ],
        "members": [
            (member.pk, member.group_id, str(member.person or ""), str(member.organisation or ""))
            for member in trip.members.all()
        ],
        "stays": [
            (str(stay.venue), [member.pk for member in stay.members.all()])
            for stay in trip.stays.all()
        ],
        "agreements": [agreement.pk for agreement in trip.agreements.all()],
        "contacts": [
            (contact.pk, str(contact.department), str(contact.person))
            for contact in trip.contacts.all()
        ],
    }


def test_the_read_holds_what_the_orm_holds_in_order():
    trip = _trip()
    # What the page read before (prefetch_related, in the page's orders).
    orm = (
        Trip.objects.select_related("organisation", "head", "document")
        .prefetch_related(
            Prefetch("stops", queryset=Stop.objects.order_by("order", "pk")),
            Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "pk")),
            Prefetch("contacts", queryset=Contact.objects.order_by("-responsibility", "pk")),
        )
        .get(pk=trip.pk)
    )
    assert _facts(read_trip_page(trip.pk)) == _facts(orm)


def test_a_fixed_number_of_queries_and_nothing_read_afterwards():
    counts = []
    for groups in (1, 4):
        trip = _trip(groups)
        with CaptureQueriesContext(connection) as queries:
            _facts(read_trip_page(trip.pk))
        counts.append(len(queries))
    # Trip, stops, segments, groups, their stops, members, stays, who stays,
    # agreements, contacts.
    assert counts == [10, 10]


def test_no_such_trip():
    assert read_trip_page(-1) is None


def test_an_edits_regions_read_only_what_they_show():
    trip = _trip()
    edited = Trip.objects.get(pk=trip.pk)
    with CaptureQueriesContext(connection) as queries:
        read_trip_relations(edited, ["programme", "delegation"])
    assert len(queries) == 5  # stops, segments, groups, their stops, members
    assert "stays" not in edited._prefetched_objects_cache
    assert len(edited.members.all()) == trip.members.count()

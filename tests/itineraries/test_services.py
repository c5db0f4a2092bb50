"""Trip writes: the blocking rules, the soft conflicts and stale-edit refusal."""

from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError

from itineraries.conflicts import trip_conflicts
from itineraries.models import Engagement, EngagementPerson, Stop, TravelSegment, Trip
from itineraries.models.programme_rows import programme_engagements
from itineraries.services import (
    engagement_cancel,
    engagement_delete,
    engagement_move,
    engagement_person_add,
    engagement_save,
    stop_move,
    stop_save,
)
from planner.documents import documents_load
from planner.models import Person, StaleEditError
from planner.timezones import local_instant

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip() -> Trip:
    documents_load()
    return Trip.objects.get(ref="trip-2026-07-vm-kim")


@pytest.fixture
def belgrade(trip) -> Stop:
    stop = trip.stops.get(city_en="Belgrade")
    stop.arrival_date, stop.departure_date = date(2026, 7, 9), date(2026, 7, 11)
    stop.save()
    return stop


def meeting(trip, stop, day, start, end=None, **extra) -> Engagement:
    return Engagement(
        trip=trip,
        stop=stop,
        title_ko=extra.pop("title_ko", "실무 협의"),
        date=day,
        starts_at=local_instant(day, start, stop.timezone),
        ends_at=local_instant(day, end, stop.timezone) if end else None,
        **extra,
    )


def test_engagement_save_stores_the_instant_of_the_local_time(trip, belgrade):
    engagement = meeting(trip, belgrade, date(2026, 7, 10), time(10, 0), time(11, 0))

    engagement_save(engagement=engagement, expected_revision=None)

    engagement.refresh_from_db()
    assert engagement.starts_at == datetime(2026, 7, 10, 8, 0, tzinfo=UTC)  # CEST = UTC+2
    assert engagement.revision == 1


def test_engagement_save_refuses_end_before_start(trip, belgrade):
    engagement = meeting(trip, belgrade, date(2026, 7, 10), time(11, 0), time(10, 0))

    with pytest.raises(ValidationError) as caught:
        engagement_save(engagement=engagement, expected_revision=None)

    assert "ends_at" in caught.value.message_dict
    assert not Engagement.objects.filter(title_ko="실무 협의").exists()


def test_engagement_save_refuses_a_day_outside_the_stop(trip, belgrade):
    engagement = meeting(trip, belgrade, date(2026, 7, 13), time(10, 0))

    with pytest.raises(ValidationError) as caught:
        engagement_save(engagement=engagement, expected_revision=None)

    assert "date" in caught.value.message_dict


def test_engagement_save_refuses_a_person_in_two_places(trip, belgrade):
    kim = Person.objects.get(name_ko="김민재")
    first = engagement_save(
        engagement=meeting(trip, belgrade, date(2026, 7, 10), time(10, 0), time(11, 0)),
        expected_revision=None,
    )
    EngagementPerson.objects.create(engagement=first, person=kim, role="head", side="ours")
    second = meeting(trip, belgrade, date(2026, 7, 10), time(10, 30), title_ko="오찬")

    with pytest.raises(ValidationError) as caught:
        engagement_save(engagement=second, expected_revision=None, person_ids=[kim.pk])

    assert "김민재" in caught.value.message_dict["starts_at"][0]


def test_engagement_person_add_refuses_a_double_booking(trip, belgrade):
    kim = Person.objects.get(name_ko="김민재")
    first = engagement_save(
        engagement=meeting(trip, belgrade, date(2026, 7, 10), time(10, 0), time(11, 0)),
        expected_revision=None,
    )
    engagement_person_add(line=EngagementPerson(engagement=first, person=kim, role="head"))
    second = engagement_save(
        engagement=meeting(trip, belgrade, date(2026, 7, 10), time(10, 30), title_ko="오찬"),
        expected_revision=None,
    )

    with pytest.raises(ValidationError):
        engagement_person_add(line=EngagementPerson(engagement=second, person=kim, role="head"))

    assert not second.people.exists()


def test_stale_edit_is_refused_and_keeps_the_first_save(trip):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    opened_by_a = Engagement.objects.get(pk=engagement.pk)
    opened_by_b = Engagement.objects.get(pk=engagement.pk)
    opened_by_a.room = "A실"
    engagement_save(engagement=opened_by_a, expected_revision=1)
    opened_by_b.room = "B실"

    with pytest.raises(StaleEditError) as caught:
        engagement_save(engagement=opened_by_b, expected_revision=1)

    engagement.refresh_from_db()
    assert (engagement.room, engagement.revision) == ("A실", 2)
    assert caught.value.current.room == "A실"


def test_cancel_keeps_the_engagement(trip):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-jovanovic")

    engagement_cancel(engagement=engagement, expected_revision=engagement.revision)

    engagement.refresh_from_db()
    assert engagement.status == Engagement.Status.CANCELLED


def test_delete_refuses_a_stale_copy(trip):
    engagement = Engagement.objects.get(ref="eng-2026-07-serbia-jovanovic")

    with pytest.raises(StaleEditError):
        engagement_delete(engagement=engagement, expected_revision=engagement.revision + 1)
    engagement_delete(engagement=engagement, expected_revision=engagement.revision)

    assert not Engagement.objects.filter(pk=engagement.pk).exists()


def test_stop_save_refuses_overlapping_stops(trip, belgrade):
    cairo = trip.stops.get(city_en="Cairo")
    cairo.arrival_date, cairo.departure_date = date(2026, 7, 10), date(2026, 7, 15)

    with pytest.raises(ValidationError) as caught:
        stop_save(stop=cairo, expected_revision=cairo.revision)

    assert "베오그라드" in caught.value.message_dict["arrival_date"][0]


def test_stop_save_allows_a_shared_travel_day(trip, belgrade):
    cairo = trip.stops.get(city_en="Cairo")
    cairo.arrival_date, cairo.departure_date = date(2026, 7, 11), date(2026, 7, 15)

    stop_save(stop=cairo, expected_revision=cairo.revision)

    cairo.refresh_from_db()
    assert cairo.revision == 2


def test_stop_move_reorders(trip):
    cairo = trip.stops.get(city_en="Cairo")

    stop_move(stop=cairo, direction=-1)

    assert list(trip.stops.values_list("city_en", flat=True)) == ["Geneva", "Cairo", "Belgrade"]


def test_engagement_move_swaps_within_the_day(trip):
    second = Engagement.objects.get(ref="eng-2026-07-serbia-jovanovic")

    engagement_move(engagement=second, direction=-1)

    day = Engagement.objects.filter(trip=trip, date=date(2026, 7, 10)).order_by("order")
    assert [e.ref for e in day] == ["eng-2026-07-serbia-jovanovic", "eng-2026-07-serbia-paunovic"]


def test_conflicts_flag_a_flight_landing_inside_the_buffer(trip, belgrade):
    geneva = trip.stops.get(city_en="Geneva")
    talk = engagement_save(
        engagement=meeting(trip, belgrade, date(2026, 7, 10), time(10, 0), time(11, 0)),
        expected_revision=None,
    )
    flight = TravelSegment.objects.create(
        trip=trip,
        from_stop=geneva,
        to_stop=belgrade,
        origin="제네바",
        destination="베오그라드",
        carrier="Air Serbia",
        number="JU 331",
        departs_at=local_instant(date(2026, 7, 10), time(7, 0), "Europe/Zurich"),
        departure_timezone="Europe/Zurich",
        arrives_at=local_instant(date(2026, 7, 10), time(9, 0), "Europe/Belgrade"),
        arrival_timezone="Europe/Belgrade",
    )

    conflicts = trip_conflicts(trip, programme_engagements(trip, trip.stops.all()), [flight])

    assert [c.kind for c in conflicts] == ["late_arrival"]
    assert conflicts[0].anchors == (f"segment-{flight.pk}", f"engagement-{talk.pk}")
    assert "30" in conflicts[0].message  # 09:00 + 90 min is 30 minutes after 10:00


def test_conflicts_respect_a_shorter_buffer(trip, belgrade):
    trip.transfer_buffer_minutes = 45
    trip.save()
    engagement_save(
        engagement=meeting(trip, belgrade, date(2026, 7, 10), time(10, 0), time(11, 0)),
        expected_revision=None,
    )
    flight = TravelSegment(
        trip=trip,
        to_stop=belgrade,
        origin="제네바",
        destination="베오그라드",
        departs_at=local_instant(date(2026, 7, 10), time(7, 0), "Europe/Zurich"),
        departure_timezone="Europe/Zurich",
        arrives_at=local_instant(date(2026, 7, 10), time(9, 0), "Europe/Belgrade"),
        arrival_timezone="Europe/Belgrade",
    )

    assert trip_conflicts(trip, programme_engagements(trip, trip.stops.all()), [flight]) == []


def test_conflicts_on_the_loaded_trip_are_none(trip):
    assert (
        trip_conflicts(
            trip, programme_engagements(trip, trip.stops.all()), list(trip.segments.all())
        )
        == []
    )

"""Trip calendar files: one engagement, a whole trip, and importing an invitation."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import Engagement, EngagementPerson, Trip
from itineraries.services import engagement_cancel
from planner.documents import documents_load
from planner.ical import item_uid
from tests.factories import (
    DelegationMemberFactory,
    EngagementFactory,
    PersonFactory,
    StayFactory,
    StopFactory,
    UserFactory,
    VenueFactory,
)
from tests.ical_support import assert_parsers_agree, assert_well_formed, property_values, unfold

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.fixture
def documents():
    documents_load()
    return Trip.objects.get(ref="trip-2026-07-vm-kim")


def trip_ics(client, trip, **headers):
    return client.get(reverse("itineraries_ical:trip", args=[trip.pk]), headers=headers)


# The fixtures -----------------------------------------------


def test_trip_export_of_the_documents(staff_client, documents):
    response = trip_ics(staff_client, documents)

    body = response.content
    events = assert_parsers_agree(body)
    assert_well_formed(body)
    belgrade = Engagement.objects.filter(stop__city_en="Belgrade", date=date(2026, 7, 10))
    assert len(belgrade) == 2
    for meeting in belgrade:
        assert events[item_uid("engagement", meeting)] == {
            "start": "2026-07-10",
            "all_day": True,
            "status": "TENTATIVE",
            "sequence": 0,
        }
    geneva = Engagement.objects.get(stop__city_en="Geneva")
    assert item_uid("engagement", geneva) not in events
    assert geneva.title_ko in property_values(body, "X-WR-CALDESC")[0]


def test_trip_export_is_a_calendar_attachment_with_a_safe_name(staff_client, documents):
    response = trip_ics(staff_client, documents)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="trip-')
    assert disposition.isascii()
    assert "filename*=UTF-8''%EA%B9%80%EB%AF%BC%EC%9E%AC" in disposition  # 김민재…
    assert property_values(response.content, "X-WR-CALNAME") == [documents.title_ko]


def test_trip_export_answers_304_while_nothing_changed(staff_client, documents):
    first = trip_ics(staff_client, documents)
    unchanged = trip_ics(staff_client, documents, If_None_Match=first["ETag"])
    meeting = Engagement.objects.filter(trip=documents, date__isnull=False).first()
    meeting.room = "장관실"
    meeting.save()
    changed = trip_ics(staff_client, documents, If_None_Match=first["ETag"])

    assert unchanged.status_code == 304
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_export_of_a_trip_that_does_not_exist_is_404_even_for_a_conditional_poll(
    staff_client, documents
):
    first = trip_ics(staff_client, documents)
    url = reverse("itineraries_ical:trip", args=[documents.pk + 1000])

    missing = staff_client.get(url)
    polled = staff_client.get(url, headers={"If-None-Match": first["ETag"]})
    star = staff_client.get(url, headers={"If-None-Match": "*"})

    assert (missing.status_code, polled.status_code, star.status_code) == (404, 404, 404)


def test_exports_need_a_login(client, documents):
    engagement = documents.engagements.first()

    for url in (
        reverse("itineraries_ical:trip", args=[documents.pk]),
        reverse("itineraries_ical:engagement", args=[documents.pk, engagement.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


# One engagement, its SEQUENCE and its status -------------------------------------------------


@pytest.fixture
def timed_meeting():
    venue = VenueFactory(
        name_ko="세르비아 정부청사", city_ko="베오그라드", country="RS", timezone="Europe/Belgrade"
    )
    meeting = EngagementFactory(
        title_ko="슈네자나 파우노비치 행정자치부 장관 면담",
        venue=venue,
        room="장관실",
        status=Engagement.Status.CONFIRMED,
        starts_at=datetime(2026, 7, 10, 15, 0, tzinfo=BELGRADE),
        ends_at=datetime(2026, 7, 10, 16, 0, tzinfo=BELGRADE),
        objectives="디지털정부 협력 성과 점검",
    )
    EngagementPerson.objects.create(
        engagement=meeting,
        person=PersonFactory(name_ko="슈네자나 파우노비치", name_latin="Snežana Paunović"),
        role="counterpart",
        side="counterpart",
    )
    return meeting


def engagement_ics(client, meeting):
    url = reverse("itineraries_ical:engagement", args=[meeting.trip_id, meeting.pk])
    return client.get(url)


def test_one_engagement_with_place_people_and_link(staff_client, timed_meeting):
    response = engagement_ics(staff_client, timed_meeting)

    body = response.content
    events = assert_parsers_agree(body)
    assert_well_formed(body)
    uid = item_uid("engagement", timed_meeting.pk)
    assert events == {
        uid: {
            "start": "2026-07-10T13:00:00Z",
            "all_day": False,
            "status": "CONFIRMED",
            "sequence": 0,
        }
    }
    text = unfold(body)
    assert "DTSTART;TZID=Europe/Belgrade:20260710T150000" in text
    assert "DTEND;TZID=Europe/Belgrade:20260710T160000" in text
    assert property_values(body, "LOCATION") == [
        "세르비아 정부청사\\, 장관실\\, 베오그라드\\, 세르비아"
    ]
    assert (
        f"URL:http://testserver/trips/{timed_meeting.trip_id}/#engagement-{timed_meeting.pk}"
        in text
    )
    description = property_values(body, "DESCRIPTION")[0]
    assert "디지털정부 협력 성과 점검" in description
    assert "슈네자나 파우노비치 (Snežana Paunović)" in description


def test_editing_the_time_raises_sequence_in_the_next_export(staff_client, timed_meeting):
    uid = item_uid("engagement", timed_meeting.pk)
    before = assert_parsers_agree(engagement_ics(staff_client, timed_meeting).content)[uid]

    meeting = Engagement.objects.get(pk=timed_meeting.pk)
    meeting.starts_at = datetime(2026, 7, 10, 14, 0, tzinfo=BELGRADE)
    meeting.save()
    after = assert_parsers_agree(engagement_ics(staff_client, meeting).content)[uid]

    assert (before["sequence"], before["start"]) == (0, "2026-07-10T13:00:00Z")
    assert (after["sequence"], after["start"]) == (1, "2026-07-10T12:00:00Z")


def test_cancelling_keeps_the_item_with_status_cancelled(staff_client, timed_meeting):
    meeting = Engagement.objects.get(pk=timed_meeting.pk)
    engagement_cancel(engagement=meeting, expected_revision=meeting.revision)

    response = trip_ics(staff_client, meeting.trip)

    event = assert_parsers_agree(response.content)[item_uid("engagement", meeting)]
    assert (event["status"], event["sequence"]) == ("CANCELLED", 1)
    assert "TRANSP:TRANSPARENT" in unfold(response.content)


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2026, 7, 10, 15, 0, tzinfo=BELGRADE), "2026-07-10T13:00:00Z"),  # CEST +02:00
        (datetime(2027, 1, 12, 15, 0, tzinfo=BELGRADE), "2027-01-12T14:00:00Z"),  # CET +01:00
    ],
)
def test_belgrade_summer_and_winter_times(staff_client, local, expected):
    meeting = EngagementFactory(date=local.date(), starts_at=local)

    events = assert_parsers_agree(engagement_ics(staff_client, meeting).content)

    assert events[item_uid("engagement", meeting)]["start"] == expected


def test_a_venue_across_the_date_line(staff_client):
    venue = VenueFactory(city_ko="타라와", country="KI", timezone="Pacific/Kiritimati")
    local = datetime(2026, 7, 10, 9, 0, tzinfo=ZoneInfo("Pacific/Kiritimati"))
    meeting = EngagementFactory(venue=venue, date=local.date(), starts_at=local)

    response = engagement_ics(staff_client, meeting)

    events = assert_parsers_agree(response.content)
    assert events[item_uid("engagement", meeting)]["start"] == "2026-07-09T19:00:00Z"
    assert "DTSTART;TZID=Pacific/Kiritimati:20260710T090000" in unfold(response.content)
    assert_well_formed(response.content)


# A constant number of queries -----------------------------------------------


QUERIES_TRIP_ICS = 12


@pytest.mark.parametrize("count", [5, 500])
def test_trip_export_takes_the_same_queries_for_5_or_500_engagements(
    client, django_assert_num_queries, count
):
    user = UserFactory(is_superuser=True)
    stop = StopFactory()
    venue = VenueFactory(timezone="Europe/Belgrade")
    person = PersonFactory(email="counterpart@example.org")
    start = datetime(2026, 7, 10, 9, 0, tzinfo=BELGRADE)
    engagements = Engagement.objects.bulk_create(
        Engagement(
            trip=stop.trip,
            stop=stop,
            venue=venue if n % 2 else None,
            title_ko=f"면담 {n}",
            date=date(2026, 7, 10),
            starts_at=start + timedelta(minutes=n),
            status=Engagement.Status.CONFIRMED,
        )
        for n in range(count)
    )
    EngagementPerson.objects.bulk_create(
        EngagementPerson(engagement=e, person=person, role="counterpart") for e in engagements
    )
    member = DelegationMemberFactory(trip=stop.trip, printed_as="황명석")
    for _ in range(count // 5):
        StayFactory(trip=stop.trip).members.add(member)
    client.force_login(user)
    trip_ics(client, stop.trip)  # the first export serializes and stores every event

    # session, user, trip, the validator (one query), per source its rows' versions, the
    # trip's stamps and the stored events, the tombstones
    with django_assert_num_queries(QUERIES_TRIP_ICS):
        response = trip_ics(client, stop.trip)

    assert response.content.count(b"BEGIN:VEVENT") == count + count // 5
    assert response.content.count(b"ATTENDEE;") == count

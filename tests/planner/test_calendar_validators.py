"""Feeds and exports answer conditional requests before building; UIDs are stable."""

import statistics
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import Engagement
from planner.documents import documents_load
from planner.ical import item_uid
from planner.models import CalendarFeed
from planner.settings import _calendar_uid_domain
from tests.factories import (
    EngagementFactory,
    ForumFactory,
    PersonFactory,
    StopFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


def _feed(client, feed, **headers):
    return client.get(reverse("calendar:feed", args=[feed.token]), headers=headers)


@pytest.fixture
def thousand_meetings():
    stop = StopFactory()
    start = datetime(2026, 7, 10, 9, 0, tzinfo=BELGRADE)
    Engagement.objects.bulk_create(
        Engagement(
            trip=stop.trip,
            stop=stop,
            title_ko=f"면담 {n}",
            date=date(2026, 7, 10),
            starts_at=start + timedelta(minutes=n),
            status=Engagement.Status.CONFIRMED,
        )
        for n in range(1000)
    )
    return stop.trip


@pytest.mark.parametrize("scope", ["trip", "mine"])
def test_a_304_at_1000_events_is_answered_from_one_query_without_building(
    client, thousand_meetings, django_assert_num_queries, scope
):
    owner = thousand_meetings.head.user = UserFactory()
    thousand_meetings.head.save()
    feed = CalendarFeed.objects.create(
        owner=owner, scope=scope, trip=thousand_meetings if scope == "trip" else None
    )
    first = _feed(client, feed)
    assert first.content.count(b"BEGIN:VEVENT") == 1000

    # the feed; for "mine" the trips and forums its owner is involved in; the validator:
    # one statement for rows, relations and tombstones, whatever the number of events
    with django_assert_num_queries(2 if scope == "trip" else 4):
        again = _feed(client, feed, If_None_Match=first["ETag"])
    # CPU time of this process (other processes share the machine), median of 11 polls
    cpu = []
    for _ in range(11):
        began = time.process_time()
        _feed(client, feed, If_None_Match=first["ETag"])
        cpu.append(time.process_time() - began)

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    assert statistics.median(cpu) < 0.010, f"a 304 took {statistics.median(cpu) * 1000:.1f} ms"


def test_the_trip_and_forum_ics_answer_304_before_building(
    client, thousand_meetings, django_assert_num_queries
):
    client.force_login(UserFactory(is_superuser=True))
    trip_url = reverse("itineraries_ical:trip", args=[thousand_meetings.pk])
    forum = ForumFactory()
    forum_url = reverse("forums:ical:forum", args=[forum.pk])
    trip_tag = client.get(trip_url)["ETag"]
    forum_tag = client.get(forum_url, {"sessions": "1"})["ETag"]

    # session, user, the validator (one statement, which also says the trip exists)
    with django_assert_num_queries(3):
        trip = client.get(trip_url, headers={"If-None-Match": trip_tag})
    # session, user, the validator (one statement)
    with django_assert_num_queries(3):
        agenda = client.get(forum_url, {"sessions": "1"}, headers={"If-None-Match": forum_tag})

    assert (trip.status_code, agenda.status_code) == (304, 304)


def test_any_change_that_shows_in_the_feed_changes_its_validator(client):
    person = PersonFactory(name_ko="요바노비치")
    meeting = EngagementFactory()
    meeting.people.create(person=person, role="counterpart")
    feed = CalendarFeed.objects.create(owner=UserFactory(), scope="trip", trip=meeting.trip)
    tags = [_feed(client, feed)["ETag"]]

    meeting.title_ko = "장관 면담"
    meeting.save()
    tags.append(_feed(client, feed)["ETag"])
    person.name_ko = "요바노비치 장관"
    person.save()
    tags.append(_feed(client, feed)["ETag"])
    meeting.stop.city_ko = "노비사드"
    meeting.stop.save()
    tags.append(_feed(client, feed)["ETag"])

    assert len(set(tags)) == 4
    assert _feed(client, feed, If_None_Match=tags[-1]).status_code == 304


def test_if_none_match_star_means_any_current_calendar(client):
    feed = CalendarFeed.objects.create(owner=UserFactory())

    star = _feed(client, feed, If_None_Match="*")
    other = _feed(client, feed, If_None_Match='"something-else"')
    feed.revoked_at = feed.created
    feed.save()
    gone = _feed(client, feed, If_None_Match="*")

    assert (star.status_code, other.status_code, gone.status_code) == (304, 200, 404)


def test_uids_of_document_rows_survive_a_reload_into_another_database():
    documents_load()
    meeting = Engagement.objects.get(ref="eng-2026-07-serbia-jovanovic")

    assert item_uid("engagement", meeting) == (
        "engagement-eng-2026-07-serbia-jovanovic@planner.mois.example"
    )
    assert item_uid("engagement", 7) == "engagement-7@planner.mois.example"


def test_the_uid_domain_defaults_to_the_first_real_allowed_host(settings):
    settings.CALENDAR_UID_DOMAIN = "planner.mois.go.kr"

    assert _calendar_uid_domain(["localhost", ".planner.mois.go.kr"]) == "planner.mois.go.kr"
    assert _calendar_uid_domain(["127.0.0.1", "testserver", "*"]) == "planner.mois.example"
    assert item_uid("forum", 3) == "forum-3@planner.mois.go.kr"

"""Deleted items stay in feeds and exports as cancellations for 30 days."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.services import engagement_delete
from planner.ical import item_uid
from planner.models import CalendarFeed, CalendarTombstone
from tests.factories import EngagementFactory, SessionFactory, UserFactory
from tests.ical_support import assert_parsers_agree, property_values

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def user():
    return UserFactory(is_superuser=True)


@pytest.fixture
def meeting():
    start = datetime(2026, 7, 10, 11, 0, tzinfo=BELGRADE)
    engagement = EngagementFactory(date=date(2026, 7, 10), starts_at=start)
    engagement.room = "Palace of Serbia"
    engagement.save()  # a change of place: SEQUENCE 1
    return engagement


def _feed(client, feed, **headers):
    return client.get(reverse("calendar:feed", args=[feed.token]), headers=headers)


def test_a_deleted_meeting_is_served_cancelled_with_a_raised_sequence(client, user, meeting):
    feed = CalendarFeed.objects.create(owner=user, scope="trip", trip=meeting.trip)
    uid = item_uid("engagement", meeting)
    before = _feed(client, feed)

    engagement_delete(engagement=meeting, expected_revision=meeting.revision)
    after = _feed(client, feed, If_None_Match=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert assert_parsers_agree(after.content)[uid] == {
        "start": "2026-07-10T09:00:00Z",
        "all_day": False,
        "status": "CANCELLED",
        "sequence": 2,
    }
    assert assert_parsers_agree(before.content)[uid]["sequence"] == 1


def test_the_cancellation_is_served_for_30_days_then_dropped(client, user, meeting):
    feed = CalendarFeed.objects.create(owner=user, scope="trip", trip=meeting.trip)
    uid = item_uid("engagement", meeting)
    engagement_delete(engagement=meeting, expected_revision=meeting.revision)
    tombstone = CalendarTombstone.objects.get(uid=uid)

    tombstone.deleted_at -= timedelta(days=29)
    tombstone.save()
    kept = set(assert_parsers_agree(_feed(client, feed).content))
    tombstone.deleted_at -= timedelta(days=2)
    tombstone.save()
    dropped = set(assert_parsers_agree(_feed(client, feed).content))

    assert uid in kept
    assert uid not in dropped


def test_a_downloaded_meetings_ics_returns_its_cancellation_after_deletion(client, user, meeting):
    client.force_login(user)
    url = reverse("itineraries_ical:engagement", args=[meeting.trip_id, meeting.pk])
    uid = item_uid("engagement", meeting)
    engagement_delete(engagement=meeting, expected_revision=meeting.revision)

    response = client.get(url)
    unknown = client.get(reverse("itineraries_ical:engagement", args=[meeting.trip_id, 99999]))

    assert response.status_code == 200
    assert assert_parsers_agree(response.content)[uid]["status"] == "CANCELLED"
    assert property_values(response.content, "SUMMARY")[0].startswith("[")
    assert unknown.status_code == 404


def test_my_feed_and_the_trip_ics_keep_the_cancellation(client, user, meeting):
    client.force_login(user)
    meeting.trip.followers.add(user)
    feed = CalendarFeed.objects.create(owner=user)
    uid = item_uid("engagement", meeting)
    meeting.delete()  # a plain delete (admin, a cascade) leaves a tombstone too

    in_feed = assert_parsers_agree(_feed(client, feed).content)
    in_trip = assert_parsers_agree(
        client.get(reverse("itineraries_ical:trip", args=[meeting.trip_id])).content
    )

    assert in_feed[uid]["status"] == in_trip[uid]["status"] == "CANCELLED"


def test_a_deleted_agenda_row_is_cancelled_in_the_forum_ics_and_its_own(client, user):
    client.force_login(user)
    session = SessionFactory()
    forum, pk, uid = session.forum, session.pk, item_uid("session", session)

    session.delete()
    agenda = client.get(reverse("forums:ical:forum", args=[forum.pk]), {"sessions": "1"})
    alone = client.get(reverse("forums:ical:session", args=[forum.pk, pk]))

    assert assert_parsers_agree(agenda.content)[uid]["status"] == "CANCELLED"
    assert assert_parsers_agree(alone.content)[uid]["status"] == "CANCELLED"


def test_an_item_without_a_date_leaves_no_tombstone():
    engagement = EngagementFactory(date=None)

    engagement.delete()

    assert not CalendarTombstone.objects.exists()


def test_an_item_back_under_its_uid_is_served_live_not_cancelled(client, user, meeting):
    # load_documents --update brings a deleted document row back under its old UID.
    client.force_login(user)
    uid = item_uid("engagement", meeting)
    CalendarTombstone.objects.create(
        uid=uid, kind="engagement", object_id=meeting.pk, trip_id=meeting.trip_id,
        summary="old", timezone="Europe/Belgrade", day=date(2026, 7, 10), sequence=5,
    )  # fmt: skip

    body = client.get(reverse("itineraries_ical:trip", args=[meeting.trip_id])).content

    assert assert_parsers_agree(body)[uid]["status"] == "TENTATIVE"
    assert body.count(uid.encode()) == 1

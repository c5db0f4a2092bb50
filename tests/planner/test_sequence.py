"""SequencedModel: SEQUENCE grows when time, place or status changes, and only then."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from forums.models import Forum, Session
from itineraries.models import Engagement
from tests.factories import (
    EngagementFactory,
    ForumFactory,
    SessionFactory,
    StopFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def engagement():
    created = EngagementFactory(
        starts_at=datetime(2026, 7, 10, 10, 0, tzinfo=BELGRADE),
        ends_at=datetime(2026, 7, 10, 11, 0, tzinfo=BELGRADE),
    )
    return Engagement.objects.get(pk=created.pk)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", datetime(2026, 7, 10, 9, 0, tzinfo=BELGRADE)),
        ("ends_at", datetime(2026, 7, 10, 12, 0, tzinfo=BELGRADE)),
        ("date", date(2026, 7, 11)),
        ("room", "장관실"),
        ("status", Engagement.Status.CANCELLED),
    ],
)
def test_engagement_sequence_grows_when_time_place_or_status_changes(engagement, field, value):
    setattr(engagement, field, value)
    engagement.save()

    engagement.refresh_from_db()
    assert engagement.sequence == 1


def test_engagement_sequence_grows_when_the_venue_or_stop_changes(engagement):
    engagement.venue = VenueFactory(timezone="Europe/Belgrade")
    engagement.save()
    engagement.stop = StopFactory(trip=engagement.trip)
    engagement.save()

    assert Engagement.objects.get(pk=engagement.pk).sequence == 2


def test_engagement_sequence_stays_for_other_edits_and_repeated_saves(engagement):
    engagement.objectives = "협력 성과 점검"
    engagement.title_en = "Meeting"
    engagement.save()
    engagement.save()

    assert Engagement.objects.get(pk=engagement.pk).sequence == 0


def test_the_same_instant_in_another_zone_is_no_change(engagement):
    engagement.starts_at = engagement.starts_at.astimezone(ZoneInfo("Asia/Seoul"))
    engagement.save()

    assert Engagement.objects.get(pk=engagement.pk).sequence == 0


def test_each_save_that_moves_the_item_counts_once(engagement):
    for hour in (8, 9, 10):
        engagement.starts_at = datetime(2026, 7, 10, hour, 0, tzinfo=BELGRADE)
        engagement.save()

    # Back at 10:00 where it began, but every client saw two moves in between.
    assert Engagement.objects.get(pk=engagement.pk).sequence == 3


def test_update_fields_saves_the_new_sequence_too(engagement):
    engagement.status = Engagement.Status.CONFIRMED
    engagement.room = "회의실"  # changed but not saved: does not count
    engagement.save(update_fields=["status"])

    stored = Engagement.objects.get(pk=engagement.pk)
    assert (stored.sequence, stored.status, stored.room) == (1, "confirmed", "")


def test_tracking_costs_no_extra_query(engagement, django_assert_num_queries):
    engagement.starts_at -= timedelta(hours=1)
    assert (
        engagement.stop is not None
    )  # the place's zone, which deriving the local time reads, is at hand

    with django_assert_num_queries(2):  # the UPDATE, and simple_history's INSERT
        engagement.save()
    assert engagement.sequence == 1


def test_a_new_item_starts_at_zero_and_counts_from_its_first_save():
    engagement = EngagementFactory()
    assert engagement.sequence == 0

    engagement.date = date(2026, 7, 11)
    engagement.save()

    assert Engagement.objects.get(pk=engagement.pk).sequence == 1


def test_refresh_from_db_resets_the_baseline(engagement):
    Engagement.objects.filter(pk=engagement.pk).update(room="다른 방")
    engagement.refresh_from_db()
    engagement.save()

    assert Engagement.objects.get(pk=engagement.pk).sequence == 0


def test_a_deferred_field_overwritten_without_loading_counts_as_a_change(engagement):
    partial = Engagement.objects.only("pk", "title_ko", "sequence").get(pk=engagement.pk)
    partial.room = "장관실"
    partial.save(update_fields=["room"])

    assert Engagement.objects.get(pk=engagement.pk).sequence == 1


def test_forum_sequence_follows_time_place_and_status():
    forum = Forum.objects.get(pk=ForumFactory().pk)

    forum.rooms = "201호"
    forum.save()
    forum.status = Forum.Status.CANCELLED
    forum.save()
    forum.description = "설명만 바뀜"
    forum.save()

    assert Forum.objects.get(pk=forum.pk).sequence == 2


def test_session_sequence_follows_start_minutes_and_title():
    session = Session.objects.get(pk=SessionFactory().pk)

    session.minutes = 5
    session.save()
    session.title_ko = "개회사 및 환영사"
    session.save()
    session.notes = "사회자"
    session.save()

    assert Session.objects.get(pk=session.pk).sequence == 2

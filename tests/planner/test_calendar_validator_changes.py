"""Every change that alters a feed's text changes its validator (no stale 304).

The validator is computed from the rows before anything is built; each case
below changes one thing a calendar shows and checks that the feed's text and
its ETag both change, and that a poll with the old ETag gets the new calendar.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from itineraries.models import Engagement
from planner.models import CalendarFeed, CalendarTombstone
from tests.factories import (
    ContactFactory,
    DelegationMemberFactory,
    EngagementFactory,
    EngagementPersonFactory,
    PersonFactory,
    StayFactory,
    TripFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def trip_calendar():
    """A meeting with a counterpart, the trip's desk officer, a hotel stay with a member."""
    meeting = EngagementFactory(starts_at=datetime(2026, 7, 10, 9, 0, tzinfo=BELGRADE))
    line = EngagementPersonFactory(
        engagement=meeting, person=PersonFactory(name_ko="요바노비치", email="j@example.rs")
    )
    trip = meeting.trip
    contact = ContactFactory(
        person=PersonFactory(name_ko="김담당", email="desk@mois.example"),
        responsibility="desk",
    )
    trip.contacts.add(contact)
    member = DelegationMemberFactory(trip=trip, person=PersonFactory(name_ko="박수행"))
    StayFactory(trip=trip).members.add(member)
    feed = CalendarFeed.objects.create(owner=UserFactory(), scope="trip", trip=trip)
    return {"meeting": meeting, "line": line, "contact": contact, "member": member, "feed": feed}


def _get(client, feed, **headers):
    return client.get(reverse("calendar:feed", args=[feed.token]), headers=headers)


def _edit_meeting(objects, settings):
    objects["meeting"].title_ko = "장관 면담"
    objects["meeting"].save()


def _rename(person, name: str) -> None:
    person.name_ko = name
    person.save()


def _rename_person_on_it(objects, settings):
    _rename(objects["line"].person, "요바노비치 장관")


def _remove_the_person(objects, settings):
    objects["line"].delete()


def _rename_the_city(objects, settings):
    stop = objects["meeting"].stop
    stop.city_ko = "노비사드"
    stop.save()


def _rename_the_desk_officer(objects, settings):
    # Read on the trip (the ORGANIZER of every meeting), not on the meeting.
    _rename(objects["contact"].person, "이담당")


def _rename_who_stays(objects, settings):
    _rename(objects["member"].person, "박수행원")


def _delete_the_meeting(objects, settings):
    objects["meeting"].delete()


def _bulk_create_a_meeting(objects, settings):
    # No signal fires: the validator reads the rows, so the new one counts at once.
    meeting = objects["meeting"]
    Engagement.objects.bulk_create(
        [Engagement(trip=meeting.trip, stop=meeting.stop, title_ko="추가 면담", date=meeting.date)]
    )


def _change_the_uid_domain(objects, settings):
    settings.CALENDAR_UID_DOMAIN = "planner.mois.go.kr"


CHANGES = [
    _edit_meeting,
    _rename_person_on_it,
    _remove_the_person,
    _rename_the_city,
    _rename_the_desk_officer,
    _rename_who_stays,
    _delete_the_meeting,
    _bulk_create_a_meeting,
    _change_the_uid_domain,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_a_change_that_shows_in_the_feed_changes_its_validator(
    client, settings, trip_calendar, change
):
    feed = trip_calendar["feed"]
    before = _get(client, feed)
    assert _get(client, feed, If_None_Match=before["ETag"]).status_code == 304

    change(trip_calendar, settings)
    after = _get(client, feed, If_None_Match=before["ETag"])

    assert after.status_code == 200
    assert after.content != before.content
    assert after["ETag"] != before["ETag"]
    assert _get(client, feed, If_None_Match=after["ETag"]).status_code == 304


def test_following_another_trip_changes_my_feeds_validator(client):
    user = UserFactory(is_superuser=True)
    feed = CalendarFeed.objects.create(owner=user, scope="mine")
    before = _get(client, feed)
    other = TripFactory(start_date=date(2026, 9, 1), end_date=date(2026, 9, 5))
    EngagementFactory(stop__trip=other, date=date(2026, 9, 2))

    other.followers.add(user)
    after = _get(client, feed, If_None_Match=before["ETag"])

    assert after.status_code == 200
    assert after.content.count(b"BEGIN:VEVENT") == before.content.count(b"BEGIN:VEVENT") + 1


def test_a_tombstone_leaving_the_30_days_changes_the_validator(client, trip_calendar):
    feed = trip_calendar["feed"]
    trip_calendar["meeting"].delete()
    with_tombstone = _get(client, feed)
    assert b"STATUS:CANCELLED" in with_tombstone.content

    CalendarTombstone.objects.update(deleted_at=timezone.now() - timedelta(days=31))
    after = _get(client, feed, If_None_Match=with_tombstone["ETag"])

    assert after.status_code == 200
    assert b"STATUS:CANCELLED" not in after.content


def test_swapping_a_contact_for_an_older_one_changes_the_validator(client):
    # m2m lines carry no stamp: the count and the latest stamp stay the same here.
    earlier = ContactFactory(person=PersonFactory(name_ko="최담당", email="choi@mois.example"))
    earlier.responsibility = "desk"
    earlier.save()
    meeting = EngagementFactory(starts_at=datetime(2026, 7, 10, 9, 0, tzinfo=BELGRADE))
    trip = meeting.trip
    desk = ContactFactory(
        person=PersonFactory(name_ko="김담당", email="kim@mois.example"), responsibility="desk"
    )
    newest = ContactFactory(person=PersonFactory(name_ko="이과장", email="lee@mois.example"))
    trip.contacts.add(desk, newest)
    feed = CalendarFeed.objects.create(owner=UserFactory(), scope="trip", trip=trip)
    before = _get(client, feed)

    trip.contacts.remove(desk)
    trip.contacts.add(earlier)
    after = _get(client, feed, If_None_Match=before["ETag"])

    assert after.status_code == 200
    assert "최담당" in after.content.decode() and "김담당" not in after.content.decode()


def test_moving_who_stays_to_another_hotel_changes_the_validator(client, trip_calendar):
    feed = trip_calendar["feed"]
    member = trip_calendar["member"]
    first = member.stays.get()
    second = StayFactory(
        trip=first.trip, check_in_date=date(2026, 7, 12), check_out_date=date(2026, 7, 14)
    )
    before = _get(client, feed)

    first.members.remove(member)
    second.members.add(member)
    after = _get(client, feed, If_None_Match=before["ETag"])

    assert after.status_code == 200
    assert after.content != before.content

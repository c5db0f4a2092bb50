"""Personal calendar feeds, the calendar page and following trips and forums."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import DelegationMember, Engagement, EngagementPerson
from planner.calendar_services import calendar_feed_revoke
from planner.ical import item_uid
from planner.models import CalendarFeed
from tests.factories import (
    EngagementFactory,
    ForumFactory,
    ForumPersonFactory,
    PersonFactory,
    SessionFactory,
    SessionPersonFactory,
    StopFactory,
    TripFactory,
    UserFactory,
)
from tests.ical_support import assert_parsers_agree, assert_well_formed, property_values

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def person(user):
    return PersonFactory(user=user)


def feed_url(feed: CalendarFeed) -> str:
    return reverse("calendar:feed", args=[feed.token])


def served_uids(client, feed: CalendarFeed) -> set[str]:
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    return set(assert_parsers_agree(response.content))


def uid(engagement: Engagement) -> str:
    return item_uid("engagement", engagement.pk)


# Making, revoking and regenerating links ---------------------------------------------------------


def test_the_page_makes_a_link_and_shows_it_as_https_and_webcal(client, user):
    client.force_login(user)

    response = client.post(reverse("calendar:feeds"), {"scope": "mine", "label": "휴대전화"})
    feed = CalendarFeed.objects.get()
    page = client.get(response["Location"])

    assert response.status_code == 302
    assert (feed.owner, feed.scope, feed.label) == (user, "mine", "휴대전화")
    assert len(feed.token) >= 43
    content = page.content.decode()
    assert f"http://testserver/calendar/feed/{feed.token}.ics" in content
    assert f"webcal://testserver/calendar/feed/{feed.token}.ics" in content


def test_a_trip_link_needs_its_trip(client, user):
    client.force_login(user)

    response = client.post(reverse("calendar:feeds"), {"scope": "trip"})

    assert response.status_code == 200
    assert "trip" in response.context["form"].errors
    assert CalendarFeed.objects.count() == 0


def test_a_link_for_one_trip_ignores_a_forum_sent_along(client, user):
    trip, forum = TripFactory(), ForumFactory()
    client.force_login(user)

    client.post(reverse("calendar:feeds"), {"scope": "trip", "trip": trip.pk, "forum": forum.pk})

    feed = CalendarFeed.objects.get()
    assert (feed.trip, feed.forum) == (trip, None)


def test_a_revoked_link_returns_404(client, user):
    feed = CalendarFeed.objects.create(owner=user)
    assert client.get(feed_url(feed)).status_code == 200

    client.force_login(user)
    response = client.post(reverse("calendar:feed_revoke", args=[feed.pk]))
    client.logout()

    assert response.status_code == 302
    assert client.get(feed_url(feed)).status_code == 404
    assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is not None


def test_an_unknown_token_returns_404(client):
    assert client.get(reverse("calendar:feed", args=["not-a-real-token"])).status_code == 404


def test_regenerating_makes_a_new_link_and_kills_the_old_one(client, user):
    trip = TripFactory()
    old = CalendarFeed.objects.create(owner=user, scope="trip", trip=trip, label="Outlook")
    client.force_login(user)

    response = client.post(
        reverse("calendar:feed_regenerate", args=[old.pk]), headers={"HX-Request": "true"}
    )
    new = CalendarFeed.objects.exclude(pk=old.pk).get()
    client.logout()

    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert new.token in response.content.decode()
    assert response["HX-Trigger"].startswith('{"feedsChanged"')
    assert (new.scope, new.trip, new.label, new.owner) == ("trip", trip, "Outlook", user)
    assert new.token != old.token
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


def test_nobody_revokes_someone_elses_link(client, user):
    feed = CalendarFeed.objects.create(owner=UserFactory())
    client.force_login(user)

    response = client.post(reverse("calendar:feed_revoke", args=[feed.pk]))

    assert response.status_code == 404
    assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is None


def test_the_link_of_a_deactivated_login_stops_working(client, user):
    feed = CalendarFeed.objects.create(owner=user)
    user.is_active = False
    user.save()

    assert client.get(feed_url(feed)).status_code == 404


# What a feed serves -----------------------------------------------


def test_the_feed_is_a_calendar_for_apps_that_cannot_log_in(client, user):
    feed = CalendarFeed.objects.create(owner=user)

    response = client.get(feed_url(feed))
    again = client.get(feed_url(feed), headers={"If-None-Match": response["ETag"]})

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert property_values(response.content, "REFRESH-INTERVAL") == ["PT1H"]
    assert property_values(response.content, "X-PUBLISHED-TTL") == ["PT1H"]
    assert again.status_code == 304
    assert client.head(feed_url(feed)).status_code == 200


def test_my_feed_serves_only_what_i_am_involved_in(client, user, person):
    headed = EngagementFactory(stop__trip__head=person)
    member = EngagementFactory()
    DelegationMember.objects.create(trip=member.trip, person=person, role="member")
    participant = EngagementFactory()
    EngagementPerson.objects.create(engagement=participant, person=person, role="participant")
    followed = EngagementFactory()
    followed.trip.followers.add(user)
    same_trip = EngagementFactory(stop=participant.stop)
    someone_elses = EngagementFactory()
    forum_role = ForumFactory()
    ForumPersonFactory(forum=forum_role, person=person)
    on_agenda = SessionFactory()
    SessionPersonFactory(session=on_agenda, person=person)
    followed_forum = ForumFactory()
    followed_forum.followers.add(user)
    other_forum = ForumFactory()
    feed = CalendarFeed.objects.create(owner=user, include_sessions=False)

    uids = served_uids(client, feed)

    assert uids == {
        uid(headed),
        uid(member),
        uid(participant),
        uid(followed),
        uid(same_trip),
        item_uid("forum", forum_role.pk),
        item_uid("forum", on_agenda.forum_id),
        item_uid("forum", followed_forum.pk),
    }
    assert uid(someone_elses) not in uids
    assert item_uid("forum", other_forum.pk) not in uids


def test_anothers_feed_does_not_serve_my_trips(client, user, person):
    mine = EngagementFactory(stop__trip__head=person)
    feed = CalendarFeed.objects.create(owner=UserFactory())

    assert uid(mine) not in served_uids(client, feed)


def test_a_trip_feed_serves_that_trip_and_a_forum_feed_its_agenda(client, user):
    engagement = EngagementFactory()
    other = EngagementFactory()
    session = SessionFactory()
    trip_feed = CalendarFeed.objects.create(owner=user, scope="trip", trip=engagement.trip)
    forum_feed = CalendarFeed.objects.create(owner=user, scope="forum", forum=session.forum)

    assert served_uids(client, trip_feed) == {uid(engagement)}
    assert uid(other) not in served_uids(client, trip_feed)
    assert served_uids(client, forum_feed) == {
        item_uid("forum", session.forum_id),
        item_uid("session", session.pk),
    }


def test_the_feed_keeps_cancelled_items_and_follows_edits(client, user):
    engagement = EngagementFactory(
        starts_at=datetime(2026, 7, 10, 15, 0, tzinfo=BELGRADE), status="confirmed"
    )
    feed = CalendarFeed.objects.create(owner=user, scope="trip", trip=engagement.trip)
    first = client.get(feed_url(feed))

    engagement = Engagement.objects.get(pk=engagement.pk)
    engagement.status = Engagement.Status.CANCELLED
    engagement.save()
    second = client.get(feed_url(feed), headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    event = assert_parsers_agree(second.content)[uid(engagement)]
    assert (event["status"], event["sequence"]) == ("CANCELLED", 1)
    assert_well_formed(second.content)


def test_the_feed_names_items_without_a_date(client, user):
    undated = EngagementFactory(date=None, title_ko="UNCTAD 고위급 대화")
    feed = CalendarFeed.objects.create(owner=user, scope="trip", trip=undated.trip)

    response = client.get(feed_url(feed))

    assert served_uids(client, feed) == set()
    assert "UNCTAD 고위급 대화" in property_values(response.content, "X-WR-CALDESC")[0]


def test_revoke_service_is_idempotent(user):
    feed = CalendarFeed.objects.create(owner=user)
    calendar_feed_revoke(feed=feed)
    first = feed.revoked_at

    calendar_feed_revoke(feed=feed)

    assert feed.revoked_at == first


# The calendar page -----------------------------------------------


def test_the_month_shows_my_items_and_the_undated_ones(client, user, person):
    trip = TripFactory(head=person, title_ko="김민재 차관 출장")
    stop = StopFactory(
        trip=trip,
        city_ko="베오그라드",
        arrival_date=date(2026, 7, 9),
        departure_date=date(2026, 7, 12),
    )
    timed = EngagementFactory(
        stop=stop,
        title_ko="협력센터 성과 점검",
        starts_at=datetime(2026, 7, 10, 15, 0, tzinfo=BELGRADE),
    )
    untimed = EngagementFactory(stop=stop, title_ko="파우노비치 장관 면담")
    undated = EngagementFactory(stop=stop, date=None, title_ko="UNCTAD 고위급 대화")
    EngagementFactory(title_ko="남의 출장 면담")
    client.force_login(user)

    response = client.get(reverse("calendar:month"), {"month": "2026-07"})

    page = response.context["page"]
    july_10 = next(day for day in page.days if day.day == date(2026, 7, 10))
    assert [item.entry.summary for item in july_10.items] == [untimed.title_ko, timed.title_ko]
    assert [span.city for span in july_10.trips] == ["베오그라드"]
    assert [item.entry.summary for item in page.undated] == [undated.title_ko]
    content = response.content.decode()
    assert "남의 출장 면담" not in content
    assert "날짜 미정" in content
    assert "시간 미정" in content
    assert len(page.days) % 7 == 0 and page.days[0].day.weekday() == 6  # Sunday first


def test_the_week_and_htmx_navigation(client, user, person):
    EngagementFactory(
        stop__trip__head=person, starts_at=datetime(2026, 7, 10, 15, 0, tzinfo=BELGRADE)
    )
    client.force_login(user)

    week = client.get(reverse("calendar:week"), {"start": "2026-07-08"})
    fragment = client.get(
        reverse("calendar:month"), {"month": "2026-08"}, headers={"HX-Request": "true"}
    )

    assert [d.day for d in week.context["page"].days][0] == date(2026, 7, 5)
    assert "서울" in week.content.decode()  # Seoul time beside the local time
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode()
    assert 'id="calendar-region"' in fragment.content.decode()


@pytest.mark.parametrize("count", [2, 40])
def test_the_month_takes_the_same_queries_for_any_number_of_items(
    client, user, person, django_assert_num_queries, count
):
    trip = TripFactory(head=person)
    stop = StopFactory(trip=trip)
    for n in range(count):
        EngagementFactory(stop=stop, date=date(2026, 7, 1 + n % 28), date_note=str(n))
        EngagementFactory(stop=stop, date=None)
        day = date(2026, 7, 1 + n % 28)
        ForumFactory(date=day, starts_at=None, ends_at=None).followers.add(user)
    client.force_login(user)

    # session, user, trips (+ stops), forums listed, dated engagements (+ people,
    # contacts), undated engagements (+ people, contacts), journeys,
    # forums (+ organisers, people, contacts), hotel stays (+ who stays)
    with django_assert_num_queries(18):
        response = client.get(reverse("calendar:month"), {"month": "2026-07"})

    assert sum(len(day.items) for day in response.context["page"].days) == 2 * count


def test_the_calendar_needs_a_login(client):
    assert client.get(reverse("calendar:month")).status_code == 302
    assert client.get(reverse("calendar:feeds")).status_code == 302


# Following -----------------------------------------------


def test_following_a_trip_puts_it_in_my_calendar_and_feed(client, user):
    engagement = EngagementFactory()
    trip = engagement.trip
    feed = CalendarFeed.objects.create(owner=user)
    client.force_login(user)

    response = client.post(
        reverse("calendar:follow", args=["trip", trip.pk]),
        {"action": "follow", "next": trip.get_absolute_url()},
    )

    assert response.status_code == 302
    assert response["Location"] == trip.get_absolute_url()
    assert list(trip.followers.all()) == [user]
    assert uid(engagement) in served_uids(client, feed)

    client.post(reverse("calendar:follow", args=["trip", trip.pk]), {"action": "unfollow"})
    assert list(trip.followers.all()) == []


def test_following_a_forum_with_htmx_returns_the_panel(client, user):
    forum = ForumFactory()
    client.force_login(user)

    panel = client.get(
        reverse("calendar:follow", args=["forum", forum.pk]), headers={"HX-Request": "true"}
    )
    response = client.post(
        reverse("calendar:follow", args=["forum", forum.pk]),
        {"action": "follow"},
        headers={"HX-Request": "true"},
    )

    assert 'value="follow"' in panel.content.decode()
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert 'value="unfollow"' in response.content.decode()
    assert response["HX-Trigger"] == '{"followChanged": {}}'
    assert list(forum.followers.all()) == [user]


def test_follow_refuses_an_unknown_kind_and_an_outside_next(client, user):
    trip = TripFactory()
    client.force_login(user)

    unknown = client.post(reverse("calendar:follow", args=["agreement", 1]), {"action": "follow"})
    outside = client.post(
        reverse("calendar:follow", args=["trip", trip.pk]),
        {"action": "follow", "next": "https://evil.example/"},
    )

    assert unknown.status_code == 404
    assert outside["Location"] == trip.get_absolute_url()


QUERIES_MY_FEED = 15


@pytest.mark.parametrize("count", [1, 25])
def test_my_feed_takes_the_same_queries_for_any_number_of_trips_and_forums(
    client, user, person, django_assert_num_queries, count
):
    for _ in range(count):
        engagement = EngagementFactory(stop__trip__head=person)
        EngagementPerson.objects.create(engagement=engagement, person=person, role="participant")
        session = SessionFactory()
        SessionPersonFactory(session=session, person=person)
    feed = CalendarFeed.objects.create(owner=user, include_sessions=True)
    client.get(feed_url(feed))  # the first export serializes and stores every event

    # feed, owner's groups, the trips and forums they are involved in; the validator
    # (one query); per source with rows its rows' versions, its parents' stamps and the
    # stored events; the tombstones
    with django_assert_num_queries(QUERIES_MY_FEED):
        response = client.get(feed_url(feed))

    assert response.content.count(b"BEGIN:VEVENT") == 3 * count

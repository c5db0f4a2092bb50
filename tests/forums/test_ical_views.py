"""Forum calendar files: the forum alone, the forum with its agenda, one session."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from forums.models import Forum, Session
from planner.documents import documents_load
from planner.ical import item_uid
from tests.factories import (
    ForumFactory,
    PersonFactory,
    SessionFactory,
    SessionItemFactory,
    SessionPersonFactory,
    UserFactory,
)
from tests.ical_support import assert_parsers_agree, assert_well_formed, property_values, unfold

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.fixture
def forum6():
    documents_load()
    return Forum.objects.get(edition=6)


def forum_ics(client, forum, sessions: bool, **headers):
    url = reverse("forums:ical:forum", args=[forum.pk])
    return client.get(url, {"sessions": "1" if sessions else "0"}, headers=headers)


def test_the_sixth_forum_and_its_opening_remarks_at_15_00_seoul(staff_client, forum6):
    response = forum_ics(staff_client, forum6, sessions=True)

    body = response.content
    events = assert_parsers_agree(body)
    assert_well_formed(body)
    opening = forum6.sessions.get(title_ko="개회사")
    assert events[item_uid("session", opening)]["start"] == "2024-11-14T06:00:00Z"
    assert events[item_uid("forum", forum6)]["start"] == "2024-11-14T06:00:00Z"
    assert len(events) == 1 + forum6.sessions.count() == 10
    assert "DTSTART;TZID=Asia/Seoul:20241114T150000" in unfold(body)
    assert set(property_values(body, "TZID")) == {"Asia/Seoul"}


def test_the_forum_alone_is_one_event_with_place_and_people(staff_client, forum6):
    response = forum_ics(staff_client, forum6, sessions=False)

    body = response.content
    events = assert_parsers_agree(body)
    assert list(events) == [item_uid("forum", forum6)]
    assert property_values(body, "LOCATION") == [
        "김대중컨벤션센터\\, 208~213호\\, 광주\\, 대한민국"
    ]
    description = property_values(body, "DESCRIPTION")[0]
    assert "정부혁신을 위한 공공부문 AI 활용" in description
    assert "엄지선" in description  # the MC
    assert f"URL:http://testserver/forums/{forum6.pk}/" in unfold(body)
    assert response["Content-Disposition"].startswith('attachment; filename="forum-')


def test_a_session_has_its_people_and_points_to_its_forum(staff_client, forum6):
    discussion = forum6.sessions.get(kind=Session.Kind.DISCUSSION)

    response = staff_client.get(reverse("forums:ical:session", args=[forum6.pk, discussion.pk]))

    body = response.content
    events = assert_parsers_agree(body)
    assert events[item_uid("session", discussion)]["start"] == "2024-11-14T06:45:00Z"
    description = property_values(body, "DESCRIPTION")[0]
    assert "김영미 상명대학교 행정학부 교수" in description
    assert "공득조 센터장(광주과학기술원)" in description
    assert f"RELATED-TO;RELTYPE=PARENT:{item_uid('forum', forum6)}" in unfold(body)
    assert f"#session-{discussion.pk}" in property_values(body, "URL")[0]


def test_a_session_of_another_forum_is_not_found(staff_client, forum6):
    other = SessionFactory()

    response = staff_client.get(reverse("forums:ical:session", args=[forum6.pk, other.pk]))

    assert response.status_code == 404


def test_a_change_to_the_forum_raises_every_session_sequence(staff_client, forum6):
    forum6.rooms = "301호"
    forum6.save()

    events = assert_parsers_agree(forum_ics(staff_client, forum6, sessions=True).content)

    assert {event["sequence"] for event in events.values()} == {1}


def test_a_forum_without_a_time_is_an_all_day_tentative_event(staff_client):
    forum = ForumFactory(starts_at=None, ends_at=None, status=Forum.Status.ANNOUNCED)

    events = assert_parsers_agree(forum_ics(staff_client, forum, sessions=False).content)

    assert events[item_uid("forum", forum.pk)] == {
        "start": "2024-11-14",
        "all_day": True,
        "status": "TENTATIVE",
        "sequence": 0,
    }


def test_a_cancelled_forum_keeps_its_sessions_as_cancelled(staff_client):
    forum = ForumFactory(status=Forum.Status.CANCELLED)
    SessionFactory(forum=forum, order=1)

    events = assert_parsers_agree(forum_ics(staff_client, forum, sessions=True).content)

    assert {event["status"] for event in events.values()} == {"CANCELLED"}


def test_forum_downloads_need_a_login(client, forum6):
    response = forum_ics(client, forum6, sessions=True)

    assert response.status_code == 302


QUERIES_FORUM_ICS = 10


@pytest.mark.parametrize("count", [3, 60])
def test_forum_with_agenda_takes_the_same_queries_for_any_number_of_rows(
    client, django_assert_num_queries, count
):
    forum = ForumFactory()
    presenter = PersonFactory(email="speaker@example.org")
    start = datetime(2024, 11, 14, 15, 0, tzinfo=SEOUL)
    for n in range(count):
        session = SessionFactory(forum=forum, order=n + 1, starts_at=start + timedelta(minutes=n))
        SessionItemFactory(session=session, person=presenter)
        SessionPersonFactory(session=session, person=presenter)
    client.force_login(UserFactory(is_superuser=True))
    forum_ics(client, forum, sessions=True)  # the first export serializes and stores them

    # session, user, the validator (one query), the forum's title, per source its rows'
    # versions (and for sessions the forum's stamps) and stored events, the tombstones
    with django_assert_num_queries(QUERIES_FORUM_ICS):
        response = forum_ics(client, forum, sessions=True)

    assert response.content.count(b"BEGIN:VEVENT") == count + 1

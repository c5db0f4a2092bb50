"""Check-in at the door: search, one-click check-in and undo, walk-ins, the live count."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.attendees.services import attendance_count
from forums.models import Attendee
from tests import factories as f
from tests.forums.attendee_support import AttendeeFactory, user_in

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def forum():
    return f.ForumFactory()


@pytest.fixture
def door(client, settings):
    """The events team at the door: an editor."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user_in("editor"))
    return client


@pytest.fixture
def people(forum):
    return {
        "kim": AttendeeFactory(forum=forum, name="김민준", organisation_name="행정안전부"),
        "park": AttendeeFactory(forum=forum, name="박지훈", organisation_name="서울특별시"),
        "lee": AttendeeFactory(
            forum=forum,
            name="이서연",
            organisation_name="행정안전부 디지털정부실",
            status=Attendee.Status.CONFIRMED,
        ),
        "gone": AttendeeFactory(
            forum=forum, name="최취소", organisation_name="경기도", status="cancelled"
        ),
    }


def url(name, forum, *args):
    return reverse(f"forums:attendees:{name}", args=[forum.pk, *args])


def test_search_by_name_or_organisation(door, forum, people):
    by_org = door.get(url("check_in", forum), {"q": "행정안전부"})
    by_name = door.get(url("check_in", forum), {"q": "박지"})
    both_words = door.get(url("check_in", forum), {"q": "이서연 디지털"})

    assert [a.name for a in by_org.context["results"]] == ["김민준", "이서연"]
    assert [a.name for a in by_name.context["results"]] == ["박지훈"]
    assert [a.name for a in both_words.context["results"]] == ["이서연"]


def test_search_as_you_type_returns_only_the_results(door, forum, people):
    response = door.get(
        url("check_in", forum), {"q": "서울"}, headers={**HTMX, "HX-Target": "checkin-results"}
    )

    content = response.content.decode()
    assert "<html" not in content
    assert content.strip().startswith('<div id="checkin-results"')
    assert "박지훈" in content and "김민준" not in content


def test_page_has_the_htmx_search_that_also_works_as_a_form(door, forum, people):
    content = door.get(url("check_in", forum)).content.decode()

    assert 'hx-trigger="input changed delay:200ms, search"' in content
    assert f'<form method="get" action="{url("check_in", forum)}"' in content
    assert 'hx-trigger="attendanceChanged from:body, every 30s"' in content


def test_one_click_check_in_with_htmx(door, forum, people):
    kim = people["kim"]

    response = door.post(url("check_in_mark", forum, kim.pk), {"q": "김"}, headers=HTMX)

    kim.refresh_from_db()
    assert kim.status == Attendee.Status.ATTENDED
    assert timezone.now() - kim.checked_in_at < timedelta(minutes=1)
    content = response.content.decode()
    assert "<html" not in content
    assert content.strip().startswith(f'<li id="checkin-row-{kim.pk}"')
    assert "Undo" in content
    assert json.loads(response["HX-Trigger"]) == {"attendanceChanged": {}}


def test_check_in_without_javascript_redirects_back_to_the_search(door, forum, people):
    response = door.post(url("check_in_mark", forum, people["park"].pk), {"q": "박"})

    assert response.status_code == 302
    assert response.url == url("check_in", forum) + "?q=%EB%B0%95"
    people["park"].refresh_from_db()
    assert people["park"].status == Attendee.Status.ATTENDED


def test_second_click_keeps_the_first_time(door, forum, people):
    kim = people["kim"]
    door.post(url("check_in_mark", forum, kim.pk), headers=HTMX)
    kim.refresh_from_db()
    first = kim.checked_in_at

    door.post(url("check_in_mark", forum, kim.pk), headers=HTMX)

    kim.refresh_from_db()
    assert kim.checked_in_at == first


def test_undo_restores_the_status_before(door, forum, people):
    lee = people["lee"]
    checked = door.post(url("check_in_mark", forum, lee.pk), headers=HTMX).content.decode()
    assert 'name="previous" value="confirmed"' in checked

    response = door.post(
        url("check_in_undo", forum, lee.pk), {"previous": "confirmed"}, headers=HTMX
    )

    lee.refresh_from_db()
    assert (lee.status, lee.checked_in_at) == (Attendee.Status.CONFIRMED, None)
    assert json.loads(response["HX-Trigger"]) == {"attendanceChanged": {}}


def test_undo_refuses_a_made_up_status(door, forum, people):
    kim = people["kim"]
    door.post(url("check_in_mark", forum, kim.pk))

    door.post(url("check_in_undo", forum, kim.pk), {"previous": "vip"})

    kim.refresh_from_db()
    assert kim.status == Attendee.Status.REGISTERED


def test_live_count_is_attended_out_of_expected(door, forum, people):
    door.post(url("check_in_mark", forum, people["kim"].pk))

    response = door.get(url("check_in_count", forum), headers=HTMX)

    assert attendance_count(forum) == {"attended": 1, "expected": 3}
    content = response.content.decode()
    assert "<html" not in content
    assert '<span class="att-big-number">1</span>' in content
    assert "/ 3" in content


def test_walk_in_is_registered_and_checked_in(door, forum, people):
    response = door.post(
        url("walk_in", forum),
        {
            "name": "정우진",
            "organisation_name": "한국행정연구원",
            "position": "연구위원",
            "phone": "0220070501",
            "category": "public_body",
            "consent": "on",
        },
        headers=HTMX,
    )

    walk_in = forum.attendees.get(name="정우진")
    assert walk_in.source == Attendee.Source.WALK_IN
    assert walk_in.status == Attendee.Status.ATTENDED
    assert walk_in.phone == "02-2007-0501"
    assert walk_in.checked_in_at is not None and walk_in.consent_at is not None
    assert json.loads(response["HX-Trigger"]) == {"attendanceChanged": {}, "walkedIn": {}}
    assert "정우진 was registered and checked in." in response.content.decode()
    assert attendance_count(forum) == {"attended": 1, "expected": 4}


def test_walk_in_without_javascript_redirects(door, forum):
    response = door.post(
        url("walk_in", forum),
        {
            "name": "정우진",
            "organisation_name": "한국행정연구원",
            "category": "other",
            "consent": "on",
        },
    )

    assert response.status_code == 302
    assert forum.attendees.filter(source=Attendee.Source.WALK_IN).count() == 1


def test_walk_in_of_someone_registered_points_to_the_search(door, forum, people):
    response = door.post(
        url("walk_in", forum),
        {
            "name": "김민준",
            "organisation_name": "행정안전부",
            "category": "central",
            "consent": "on",
        },
        headers=HTMX,
    )

    assert "is registered already" in response.content.decode()
    assert forum.attendees.filter(name="김민준").count() == 1


def test_walk_in_needs_consent(door, forum):
    response = door.post(
        url("walk_in", forum), {"name": "정우진", "category": "other"}, headers=HTMX
    )

    assert response.status_code == 200
    assert forum.attendees.count() == 0
    assert "form-hint-invalid" in response.content.decode()


def test_viewers_see_the_list_but_cannot_check_in(client, settings, forum, people):
    client.force_login(user_in("viewer"))

    page = client.get(url("check_in", forum))
    post = client.post(url("check_in_mark", forum, people["kim"].pk))

    assert "김민준" in page.content.decode()
    assert url("check_in_mark", forum, people["kim"].pk) not in page.content.decode()
    assert post.status_code == 403
    people["kim"].refresh_from_db()
    assert people["kim"].status == Attendee.Status.REGISTERED


def test_attendee_of_another_forum_cannot_be_checked_in_here(door, forum, people):
    other = f.ForumFactory()

    response = door.post(url("check_in_mark", other, people["kim"].pk))

    assert response.status_code == 404

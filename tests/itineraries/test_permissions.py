"""Who may do what: anonymous users see nothing of a trip, viewers read and export,
editors change."""

import pytest
from django.urls import reverse

from itineraries.models import Engagement
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="장관 면담")
    line = f.EngagementPersonFactory(engagement=engagement)
    member = f.DelegationMemberFactory(trip=trip)
    return trip, belgrade, engagement, line, member


def read_urls(trip, belgrade, engagement, member) -> list[str]:
    return [
        reverse("itineraries:trip_list"),
        trip.get_absolute_url(),
        reverse("itineraries:trip_print", args=[trip.pk]),
        reverse("itineraries:trip_history", args=[trip.pk]),
        reverse("itineraries:engagement_history", args=[trip.pk, engagement.pk]),
        reverse("itineraries:stop_history", args=[trip.pk, belgrade.pk]),
        reverse("itineraries:member_history", args=[trip.pk, member.pk]),
    ]


def change_urls(trip, belgrade, engagement, line, member) -> list[str]:
    args = [trip.pk, engagement.pk]
    return [
        reverse("itineraries:engagement_add", args=[trip.pk]),
        reverse("itineraries:engagement_edit", args=args),
        reverse("itineraries:engagement_cancel", args=args),
        reverse("itineraries:engagement_delete", args=args),
        reverse("itineraries:engagement_move", args=args),
        reverse("itineraries:engagement_person_add", args=args),
        reverse("itineraries:engagement_person_remove", args=[*args, line.pk]),
        reverse("itineraries:stop_add", args=[trip.pk]),
        reverse("itineraries:stop_edit", args=[trip.pk, belgrade.pk]),
        reverse("itineraries:stop_move", args=[trip.pk, belgrade.pk]),
        reverse("itineraries:stop_delete", args=[trip.pk, belgrade.pk]),
        reverse("itineraries:segment_add", args=[trip.pk]),
        reverse("itineraries:member_add", args=[trip.pk]),
        reverse("itineraries:member_edit", args=[trip.pk, member.pk]),
        reverse("itineraries:member_delete", args=[trip.pk, member.pk]),
        reverse("itineraries:trip_settings", args=[trip.pk]),
        reverse("itineraries:trip_edit", args=[trip.pk]),
        reverse("itineraries:trip_add"),
    ]


def test_anonymous_users_are_sent_to_the_login_page_for_everything(client, items):
    trip, belgrade, engagement, line, member = items
    login = reverse("login")

    for url in read_urls(trip, belgrade, engagement, member):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{login}?next="), url
    for url in change_urls(trip, belgrade, engagement, line, member):
        response = client.post(url, {"revision": 1, "title_ko": "바뀜"})
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url

    assert Engagement.objects.get(pk=engagement.pk).title_ko == "장관 면담"
    assert trip.stops.count() == 2


def test_anonymous_users_see_nothing_of_a_trip(client, items):
    trip, *_ = items

    response = client.get(trip.get_absolute_url(), follow=True)

    assert trip.title_ko not in response.content.decode()


def test_viewers_read_the_trip_print_and_history_and_export(viewer_client, items):
    trip, belgrade, engagement, _, member = items

    for url in read_urls(trip, belgrade, engagement, member):
        assert viewer_client.get(url).status_code == 200, url
    ics = viewer_client.get(reverse("itineraries_ical:trip", args=[trip.pk]))

    assert ics["Content-Type"].startswith("text/calendar")


def test_viewers_see_no_editing_controls(viewer_client, items):
    trip, _, engagement, _, member = items

    content = viewer_client.get(trip.get_absolute_url()).content.decode()

    assert "장관 면담" in content
    assert reverse("itineraries:member_edit", args=[trip.pk, member.pk]) not in content
    assert reverse("itineraries:member_history", args=[trip.pk, member.pk]) in content
    assert reverse("itineraries:engagement_edit", args=[trip.pk, engagement.pk]) not in content
    assert reverse("itineraries:engagement_add", args=[trip.pk]) not in content
    assert reverse("itineraries:stop_add", args=[trip.pk]) not in content
    menu_url = reverse("itineraries:engagement_menu", args=[trip.pk, engagement.pk])
    assert menu_url in content
    menu = viewer_client.get(menu_url).content.decode()
    assert reverse("itineraries:engagement_history", args=[trip.pk, engagement.pk]) in menu
    assert reverse("itineraries:engagement_delete", args=[trip.pk, engagement.pk]) not in menu


def test_viewers_cannot_change_anything(viewer_client, items):
    trip, belgrade, engagement, line, member = items

    for url in change_urls(trip, belgrade, engagement, line, member):
        # Forms that only take POST answer a GET with 405 before asking who is there.
        assert viewer_client.get(url).status_code in (403, 405), url
        for response in (
            viewer_client.post(url, {"revision": 1, "title_ko": "바뀜", "direction": "up"}),
            viewer_client.post(url, {"revision": 1}, headers=htmx()),
        ):
            assert response.status_code == 403, url

    engagement.refresh_from_db()
    assert (engagement.title_ko, engagement.status, engagement.revision) == (
        "장관 면담",
        Engagement.Status.TENTATIVE,
        1,
    )
    assert engagement.people.count() == 1
    assert trip.members.count() == 1


def test_a_viewer_who_posts_gets_a_friendly_page(viewer_client, items):
    trip, _, engagement, _, _ = items

    response = viewer_client.post(
        reverse("itineraries:engagement_cancel", args=[trip.pk, engagement.pk]), {"revision": 1}
    )

    content = response.content.decode()
    assert response.status_code == 403
    assert "조회는 할 수 있지만 변경할 수는 없습니다" in content
    assert "편집자(editor) 그룹" in content


def test_superusers_may_change(client, items):
    trip, _, engagement, _, _ = items
    client.force_login(f.UserFactory(username="admin", is_superuser=True))

    response = client.post(
        reverse("itineraries:engagement_cancel", args=[trip.pk, engagement.pk]), {"revision": 1}
    )

    assert response.status_code == 302
    assert Engagement.objects.get(pk=engagement.pk).status == Engagement.Status.CANCELLED

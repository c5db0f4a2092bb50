"""Defect 11 of issue #15: deny by default. An account with no role sees no staff page."""

import pytest
from django.urls import reverse

from planner.models import CalendarFeed
from tests import factories as f
from tests.forums.attendee_support import user_in
from tests.test_fuzz import ids, routes  # noqa: F401 (ids is a fixture)

pytestmark = pytest.mark.django_db

PUBLIC_PREFIXES = ("/accounts/", "/i18n/", "/register/", "/public/", "/calendar/feed/", "/health/")


def test_an_account_with_no_group_gets_403_on_every_staff_page(client, ids):  # noqa: F811
    client.force_login(user_in(None))
    staff_pages = [url for url in routes(ids) if not url.startswith(PUBLIC_PREFIXES)]
    assert len(staff_pages) > 80

    statuses = {url: client.get(url).status_code for url in staff_pages}

    assert {url: code for url, code in statuses.items() if code != 403} == {}


def test_an_account_with_no_group_cannot_create_a_feed(client):
    client.force_login(user_in(None))

    response = client.post(reverse("calendar:feeds"), {"scope": CalendarFeed.Scope.MINE})

    assert response.status_code == 403
    assert CalendarFeed.objects.count() == 0


def test_a_feed_stops_serving_when_its_owner_loses_every_role(client):
    owner = user_in("viewer")
    feed = CalendarFeed.objects.create(owner=owner, scope=CalendarFeed.Scope.MINE)
    url = reverse("calendar:feed", args=[feed.token])
    assert client.get(url).status_code == 200

    owner.groups.clear()

    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_and_public_pages_stay_open(client):
    forum = f.ForumFactory(
        registration_open=True, registration_closes_at=f.open_until(), capacity=5
    )

    trips = client.get(reverse("itineraries:trip_list"))
    home = client.get("/")
    public = client.get(reverse("public:forum", args=[forum.pk]))

    assert trips.status_code == 302
    assert trips["Location"].startswith("/accounts/login/")
    # The home page is the public one for anonymous visitors (upcoming public forums).
    assert home.status_code == 200
    assert 'href="/accounts/login/' in home.content.decode()
    assert public.status_code == 200

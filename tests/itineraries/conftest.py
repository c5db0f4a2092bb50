"""Shared setups for the trip workspace tests: staff by group, and trips to edit."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from itineraries.models import Trip
from planner.documents import documents_load
from planner.permissions import EDITOR_GROUP, VIEWER_GROUP
from tests import factories as f

HTMX = {"HX-Request": "true"}


def htmx(target: str = "") -> dict[str, str]:
    """Headers of an htmx request aimed at an element id of the trip page."""
    return {**HTMX, "HX-Target": target} if target else dict(HTMX)


def _member_of(group_name: str, username: str):
    user = f.UserFactory(username=username, is_staff=False, first_name="", last_name="")
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


@pytest.fixture
def editor():
    return _member_of(EDITOR_GROUP, "editor-kim")


@pytest.fixture
def viewer():
    return _member_of(VIEWER_GROUP, "viewer-lee")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def loaded_trip() -> Trip:
    """The Switzerland–Serbia–Egypt trip as the source documents state it."""
    documents_load()
    return Trip.objects.get(ref="trip-2026-07-vm-kim")


@pytest.fixture
def belgrade_trip():
    """A trip with Geneva (9–10 July) then Belgrade (10–12 July): (trip, geneva, belgrade)."""
    trip = f.TripFactory(title_ko="차관 세르비아 방문")
    geneva = f.StopFactory(
        trip=trip,
        order=1,
        city_ko="제네바",
        city_en="Geneva",
        country="CH",
        timezone="Europe/Zurich",
        arrival_date=date(2026, 7, 8),
        departure_date=date(2026, 7, 10),
    )
    belgrade = f.StopFactory(
        trip=trip, order=2, arrival_date=date(2026, 7, 10), departure_date=date(2026, 7, 12)
    )
    return trip, geneva, belgrade


@pytest.fixture
def staff_client(client):
    """A superuser: every page and every edit (a test file may define its own)."""
    client.force_login(f.UserFactory(is_superuser=True))
    return client

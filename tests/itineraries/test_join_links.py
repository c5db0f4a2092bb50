"""Part 6 of #13: an online meeting's join link is a field, exported as CONFERENCE."""

import warnings

import pytest
from django.urls import reverse
from icalendar import Calendar

from itineraries.models import Engagement
from tests.factories import EngagementFactory, UserFactory
from tests.itineraries.test_invitations import MEETING, TEAMS, confirm, upload
from tests.itineraries.test_invitations import trip as trip  # noqa: PLC0414 - the fixture

pytestmark = pytest.mark.django_db


def test_an_imported_invitation_keeps_its_join_link_as_a_field(staff_client, trip):
    preview = upload(staff_client, trip, MEETING)

    confirm(staff_client, trip, preview)

    assert preview.context["form"]["join_url"].value() == TEAMS
    assert Engagement.objects.get().join_url == TEAMS


def test_the_join_link_is_exported_as_conference_and_in_the_description(client, trip):
    engagement = EngagementFactory(
        trip=trip, stop=trip.stops.get(order=1), title_ko="화상 회의", join_url=TEAMS
    )
    client.force_login(UserFactory(is_superuser=True))

    body = client.get(reverse("itineraries_ical:engagement", args=[trip.pk, engagement.pk]))

    (event,) = Calendar.from_ical(body.content).walk("VEVENT")
    assert str(event["CONFERENCE"]) == TEAMS
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    assert event["CONFERENCE"].params["FEATURE"] == "AUDIO,VIDEO"
    assert f"온라인 참여: {TEAMS}" in str(event["DESCRIPTION"]).splitlines()  # Korean by default
    assert str(event["URL"]).endswith(f"#engagement-{engagement.pk}")  # the planner's page
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import vobject

        (vevent,) = vobject.readOne(body.content.decode()).vevent_list
    assert vevent.conference.value == TEAMS


def test_a_meeting_without_a_link_has_no_conference(client, trip):
    engagement = EngagementFactory(trip=trip, stop=trip.stops.get(order=1))
    client.force_login(UserFactory(is_superuser=True))

    body = client.get(reverse("itineraries_ical:engagement", args=[trip.pk, engagement.pk]))

    assert b"CONFERENCE" not in body.content

"""Calendars assembled from stored VEVENTs are byte for byte the calendars icalendar builds.

The trip .ics is assembled from ``CalendarFragment`` rows plus cached VTIMEZONEs;
here the same entries go through ``build_calendar`` and the two bodies must match,
for timed, repeated-hour, all-day, undated and cancelled meetings, a journey
across the date line and a deleted meeting's cancellation. And a stored event is
written again when anything it shows changes, and only then.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from itineraries.calendar import (
    engagement_entry,
    engagements_for_calendar,
    segment_entry,
    segments_for_calendar,
)
from itineraries.models import Engagement, EngagementPerson, TravelSegment
from planner.calendar_tombstones import tombstone_entry
from planner.ical import build_calendar, item_uid
from planner.models import CalendarFragment, CalendarTombstone
from planner.templatetags.planner_display import localized
from tests.factories import PersonFactory, StopFactory, TripFactory, UserFactory

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def trip():
    trip = TripFactory(start_date=date(2026, 10, 20), end_date=date(2026, 10, 30))
    stop = StopFactory(trip=trip, order=1, timezone="Europe/Belgrade")
    auckland = StopFactory(trip=trip, order=2, timezone="Pacific/Auckland")
    meet = {"trip": trip, "stop": stop, "status": Engagement.Status.CONFIRMED}
    Engagement.objects.create(
        title_ko="면담", date=date(2026, 10, 22), start_time=time(10), end_time=time(11), **meet
    )
    # The repeated autumn hour, the later reading: written in UTC.
    Engagement.objects.create(
        title_ko="반복 시각",
        date=date(2026, 10, 25),
        start_time=time(2, 30),
        start_fold=1,
        **meet,
    )
    Engagement.objects.create(title_ko="시간 미정", date=date(2026, 10, 23), **meet)
    Engagement.objects.create(title_ko="날짜 미정", date=None, **meet)
    meet["status"] = Engagement.Status.CANCELLED
    Engagement.objects.create(
        title_ko="취소", date=date(2026, 10, 24), start_time=time(9), end_time=time(9, 30), **meet
    )
    gone = Engagement.objects.create(
        title_ko="삭제", date=date(2026, 10, 26), start_time=time(15), stop=stop, trip=trip
    )
    TravelSegment.objects.create(
        trip=trip,
        from_stop=stop,
        to_stop=auckland,
        origin="BEG",
        destination="AKL",
        departs_at=datetime(2026, 10, 27, 22, 0, tzinfo=BELGRADE),
        departure_timezone="Europe/Belgrade",
        arrives_at=datetime(2026, 10, 29, 11, 0, tzinfo=ZoneInfo("Pacific/Auckland")),
        arrival_timezone="Pacific/Auckland",
    )
    gone.delete()
    return trip


def _built(trip) -> bytes:
    """The trip's calendar as ``build_calendar`` writes it from freshly built entries."""

    def absolute(path: str) -> str:
        return f"http://testserver{path}"

    with translation.override(settings.LANGUAGE_CODE):
        entries = [engagement_entry(e, absolute) for e in engagements_for_calendar()]
        entries += [segment_entry(s, absolute) for s in segments_for_calendar()]
        entries += [tombstone_entry(t) for t in CalendarTombstone.objects.all()]
        title = localized(trip, "title")
        calendar = build_calendar(
            entries,
            name=title,
            uid=item_uid("calendar-trip", trip.pk),
            description=_("%(title)s, %(start)s to %(end)s. Times are in the zone of each place.")
            % {"title": title, "start": trip.start_date, "end": trip.end_date},
            url=absolute(trip.get_absolute_url()),
        )
    return calendar.to_ical()


def test_the_assembled_calendar_is_the_built_one_byte_for_byte(client, trip):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("itineraries_ical:trip", args=[trip.pk])

    first = client.get(url).content  # serializes and stores each event
    again = client.get(url).content  # from the stored events

    assert CalendarFragment.objects.count() == 6  # five engagements and the journey
    assert first == again == _built(trip)
    assert b"DTSTART:20261025T013000Z" in again  # the later 02:30, unambiguous


def test_a_stored_event_is_rewritten_when_what_it_shows_changes_and_only_then(client, trip):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("itineraries_ical:trip", args=[trip.pk])
    meeting = Engagement.objects.get(title_ko="면담")
    client.get(url)
    stored = {(f.kind, f.object_id): f.version for f in CalendarFragment.objects.all()}

    person = PersonFactory(name_ko="요바노비치")
    EngagementPerson.objects.create(engagement=meeting, person=person, role="counterpart")
    client.get(url)
    person.name_ko = "요바노비치 장관"
    person.save()
    body = client.get(url).content.decode().replace("\r\n ", "")

    assert "요바노비치 장관" in body
    now = {(f.kind, f.object_id): f.version for f in CalendarFragment.objects.all()}
    changed = {key for key in now if now[key] != stored[key]}
    assert changed == {("engagement", meeting.pk)}
    assert body.encode() == _built(trip).decode().replace("\r\n ", "").encode()

"""Part 4 of #13: the autumn hour the clocks repeat (2026-10-25 02:00–03:00 in Belgrade).

The form asks which 02:30 is meant (both offsets shown, in Korean too), stores the
choice in ``start_fold``/``end_fold``, derives the instant with it, and the .ics
carries that instant for icalendar and vobject alike.
"""

import warnings
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from itineraries.forms import EngagementForm
from itineraries.models import Engagement
from tests.factories import StopFactory, TripFactory, UserFactory
from tests.ical_support import assert_well_formed, events_by_icalendar, events_by_vobject
from tests.outlook_reading import events_by_outlook

pytestmark = pytest.mark.django_db


@pytest.fixture
def stop():
    trip = TripFactory(start_date=date(2026, 10, 23), end_date=date(2026, 10, 27))
    return StopFactory(
        trip=trip, arrival_date=date(2026, 10, 23), departure_date=date(2026, 10, 27)
    )


def _data(stop, **overrides):
    data = {
        "stop": stop.pk,
        "kind": "meeting",
        "title_ko": "새벽 통화",
        "date": "2026-10-25",
        "start_time": "02:30",
        "end_time": "03:30",
        "status": "confirmed",
    }
    return {**data, **overrides}


def test_a_repeated_time_is_refused_until_staff_choose_which_in_korean(stop):
    with translation.override("ko"):
        form = EngagementForm(data=_data(stop), trip=stop.trip)
        valid = form.is_valid()
        choices = [str(label) for _, label in form.fields["start_fold"].choices]
        html = str(form["start_fold"])

    assert not valid
    assert form.errors.as_data()["start_fold"][0].code == "ambiguous_time"
    assert choices == [
        "앞의 02:30 (UTC+02:00): 03:30까지 120분",
        "뒤의 02:30 (UTC+01:00): 03:30까지 60분",
    ]
    assert 'type="radio"' in html
    assert "end_fold" not in form.errors  # 03:30 happens once


@pytest.mark.parametrize(
    ("fold", "starts", "minutes"),
    [
        (0, datetime(2026, 10, 25, 0, 30, tzinfo=UTC), 120),
        (1, datetime(2026, 10, 25, 1, 30, tzinfo=UTC), 60),
    ],
)
def test_the_chosen_reading_is_stored_and_gives_the_instant(stop, fold, starts, minutes):
    form = EngagementForm(data=_data(stop, start_fold=str(fold)), trip=stop.trip)

    assert form.is_valid(), form.errors
    engagement = form.save()
    engagement.refresh_from_db()

    assert (engagement.start_fold, engagement.starts_at) == (fold, starts)
    assert engagement.ends_at == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    assert (engagement.ends_at - engagement.starts_at).total_seconds() == minutes * 60


def test_an_ambiguous_end_is_asked_too(stop):
    form = EngagementForm(
        data=_data(stop, start_time="01:30", end_time="02:30", end_fold="1"), trip=stop.trip
    )

    assert form.is_valid(), form.errors
    engagement = form.save()

    assert (engagement.end_fold, engagement.ends_at - engagement.starts_at) == (
        1,
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC) - datetime(2026, 10, 24, 23, 30, tzinfo=UTC),
    )


def test_saving_an_unchanged_ambiguous_meeting_keeps_its_sequence(stop):
    form = EngagementForm(data=_data(stop, start_fold="1"), trip=stop.trip)
    assert form.is_valid(), form.errors
    engagement = Engagement.objects.get(pk=form.save().pk)
    sequence = engagement.sequence

    engagement.save()  # the model alone
    edit = EngagementForm(instance=Engagement.objects.get(pk=engagement.pk), trip=stop.trip)
    data = _data(stop, start_fold=str(edit["start_fold"].value()), revision=engagement.revision)
    again = EngagementForm(
        data=data, instance=Engagement.objects.get(pk=engagement.pk), trip=stop.trip
    )
    assert again.is_valid(), again.errors
    again.save()

    stored = Engagement.objects.get(pk=engagement.pk)
    assert (stored.sequence, stored.starts_at) == (
        sequence,
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    )
    assert 'type="radio"' in str(edit["start_fold"])  # the edit form shows the choice made


def _ends(body: bytes) -> dict[str, str]:
    events = Calendar.from_ical(body).walk("VEVENT")
    return {
        str(event["UID"]): event.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for event in events
    }


def test_the_ics_carries_the_later_reading_unambiguously(client, stop):
    form = EngagementForm(data=_data(stop, start_fold="1"), trip=stop.trip)
    assert form.is_valid(), form.errors
    engagement = form.save()
    client.force_login(UserFactory(is_superuser=True))

    body = client.get(
        reverse("itineraries_ical:engagement", args=[stop.trip.pk, engagement.pk])
    ).content

    assert_well_formed(body)
    (by_icalendar,) = events_by_icalendar(body).values()
    assert by_icalendar["start"] == "2026-10-25T01:30:00Z"
    by_vobject = events_by_vobject(body)
    if by_vobject is not None:
        assert [event["start"] for event in by_vobject.values()] == ["2026-10-25T01:30:00Z"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import vobject

            (vevent,) = vobject.readOne(body.decode()).vevent_list
        assert vevent.dtend.value.astimezone(UTC) == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    assert list(_ends(body).values()) == ["2026-10-25T02:30:00Z"]
    assert list(events_by_outlook(body).values()) == ["2026-10-25T01:30:00Z"]
    assert b"DTSTART:20261025T013000Z" in body  # not TZID=...:T023000, which means the first
    assert b"DTEND;TZID=Europe/Belgrade:20261025T033000" in body

"""Invitation import by UID: re-import, update, cancel, repeating meetings, join links, stop."""

from datetime import UTC, date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from itineraries.models import Engagement
from planner.ical_import import parse_invitation
from tests.factories import StopFactory, TripFactory

pytestmark = pytest.mark.django_db

TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5@thread.v2/0?context=%7b%7d"
ZOOM = "https://us02web.zoom.us/j/81234567890?pwd=abc"
MEET = "https://meet.google.com/abc-defg-hij"


def ics(*event_lines: str, method: str = "REQUEST") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT"]
    lines += ["UID:meeting-42@mduls.gov.rs", "DTSTAMP:20260601T090000Z", *event_lines]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


MEETING = ics(
    "SEQUENCE:0",
    "SUMMARY:Meeting with Minister Paunović",
    "DTSTART:20260710T090000Z",
    "DTEND:20260710T100000Z",
    "LOCATION:Palace of Serbia",
    f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS}",
    f"DESCRIPTION:Join: {TEAMS}",
)


@pytest.fixture
def trip():
    trip = TripFactory(start_date=date(2026, 7, 8), end_date=date(2026, 7, 15))
    for order, (city, country, zone) in enumerate(
        [("베오그라드", "RS", "Europe/Belgrade"), ("런던", "GB", "Europe/London")], start=1
    ):
        StopFactory(
            trip=trip,
            order=order,
            city_ko=city,
            country=country,
            timezone=zone,
            arrival_date=date(2026, 7, 9),
            departure_date=date(2026, 7, 12),
        )
    return trip


def url(trip) -> str:
    return reverse("itineraries_ical:import", args=[trip.pk])


def upload(client, trip, content: bytes):
    file = SimpleUploadedFile("invite.ics", content, "text/calendar")
    return client.post(url(trip), {"step": "upload", "file": file})


def confirm(client, trip, preview, **changes):
    """Post the draft as shown (hidden fields included), with the user's changes."""
    form = preview.context["form"]
    data = {"step": "confirm", "revision": form["revision"].value() or ""}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    for name in ("start_time", "end_time"):
        if data[name]:
            data[name] = data[name].strftime("%H:%M")
    data["invitation"] = preview.context["carried"]
    data["guessed_stop"] = preview.context["guessed_stop"]
    data.update(changes)
    return client.post(url(trip), data)


def test_reimporting_the_same_invitation_makes_no_copy(staff_client, trip):
    confirm(staff_client, trip, upload(staff_client, trip, MEETING))

    again = upload(staff_client, trip, MEETING)

    assert Engagement.objects.count() == 1
    assert again.context["form"] is None
    assert again.context["existing"] == Engagement.objects.get()
    assert "이미 가져온 초대장이며 바뀐 내용이 없습니다." in again.content.decode()


def test_an_update_with_a_higher_sequence_changes_the_same_engagement(staff_client, trip):
    confirm(staff_client, trip, upload(staff_client, trip, MEETING))
    first = Engagement.objects.get()
    first.status = Engagement.Status.CONFIRMED
    first.save()
    moved = MEETING.replace(b"SEQUENCE:0", b"SEQUENCE:1").replace(b"T090000Z", b"T120000Z")

    preview = upload(staff_client, trip, moved.replace(b"T100000Z", b"T130000Z"))
    response = confirm(staff_client, trip, preview)

    [change] = preview.context["changes"]
    assert (change.before, change.after) == (
        "2026-07-10 11:00~12:00 (Europe/Belgrade)",
        "2026-07-10 14:00~15:00 (Europe/Belgrade)",
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get()
    assert engagement.pk == first.pk
    assert engagement.starts_at == datetime(2026, 7, 10, 12, 0, tzinfo=UTC)
    assert engagement.status == Engagement.Status.CONFIRMED
    assert "SEQUENCE: 1" in engagement.notes


def test_a_cancel_from_the_organizer_cancels_the_imported_meeting(staff_client, trip):
    confirm(staff_client, trip, upload(staff_client, trip, MEETING))
    cancel = ics("SEQUENCE:2", "SUMMARY:Cancelled", "DTSTART:20260710T090000Z", method="CANCEL")

    preview = upload(staff_client, trip, cancel)
    response = staff_client.post(
        url(trip), {"step": "cancel", "invitation": preview.context["carried"]}
    )

    assert preview.context["cancel_targets"] == [Engagement.objects.get()]
    assert response.status_code == 302
    assert Engagement.objects.get().status == Engagement.Status.CANCELLED


def test_a_cancel_for_a_meeting_never_imported_is_refused(staff_client, trip):
    cancel = ics("SUMMARY:x", "DTSTART:20260710T090000Z", method="CANCEL")

    response = upload(staff_client, trip, cancel)

    assert response.context["form"] is None
    assert "이 출장에 가져온 적이 없는 회의를 취소하는 파일입니다." in response.content.decode()


REPEATING = ics(
    "SUMMARY:Daily coordination",
    "DTSTART;TZID=Europe/Belgrade:20260709T080000",
    "DTEND;TZID=Europe/Belgrade:20260709T083000",
    "RRULE:FREQ=DAILY;COUNT=5",
    "EXDATE;TZID=Europe/Belgrade:20260711T080000",
    "LOCATION:Belgrade",
)


def test_a_repeating_invitation_imports_its_meetings_within_the_trip_but_no_excluded_one(
    staff_client, trip
):
    preview = upload(staff_client, trip, REPEATING)
    carried = preview.context["carried"]

    staff_client.post(url(trip), {"step": "occurrences", "invitation": carried})
    staff_client.post(url(trip), {"step": "occurrences", "invitation": carried})  # again

    # 9, 10, 12 July (the 11th is excluded, the 13th is after the Belgrade stop)
    assert len(preview.context["occurrences"]) == 4
    starts = sorted(Engagement.objects.values_list("starts_at", flat=True))
    assert starts == [
        datetime(2026, 7, 9, 6, 0, tzinfo=UTC),
        datetime(2026, 7, 10, 6, 0, tzinfo=UTC),
        datetime(2026, 7, 12, 6, 0, tzinfo=UTC),
    ]


def test_an_update_that_excludes_a_meeting_cancels_it(staff_client, trip):
    preview = upload(staff_client, trip, REPEATING)
    staff_client.post(url(trip), {"step": "occurrences", "invitation": preview.context["carried"]})
    fewer = REPEATING.replace(
        b"EXDATE;TZID=Europe/Belgrade:20260711T080000",
        b"EXDATE;TZID=Europe/Belgrade:20260711T080000,20260712T080000\r\nSEQUENCE:1",
    )

    update = upload(staff_client, trip, fewer)
    staff_client.post(url(trip), {"step": "occurrences", "invitation": update.context["carried"]})

    cancelled = Engagement.objects.get(status=Engagement.Status.CANCELLED)
    assert cancelled.starts_at == datetime(2026, 7, 12, 6, 0, tzinfo=UTC)
    assert Engagement.objects.count() == 3


def test_join_links_of_teams_meet_and_zoom_are_found():
    invitation = parse_invitation(
        ics(
            "SUMMARY:x",
            "DTSTART:20260710T090000Z",
            f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS}",
            f"X-GOOGLE-CONFERENCE:{MEET}",
            f"DESCRIPTION:Zoom: {ZOOM}\\nTeams again: {TEAMS}",
            "LOCATION:Room 3",
        )
    )

    assert invitation.join_links == [TEAMS, MEET, ZOOM]


def test_the_join_link_is_kept_in_the_engagements_notes(staff_client, trip):
    confirm(staff_client, trip, upload(staff_client, trip, MEETING))

    notes = Engagement.objects.get().notes

    assert f"Join online: {TEAMS}" in notes.splitlines()


def test_changing_the_guessed_stop_keeps_the_invitations_instant(staff_client, trip):
    london = trip.stops.get(timezone="Europe/London")
    preview = upload(staff_client, trip, MEETING)
    assert preview.context["form"].initial["start_time"].strftime("%H:%M") == "11:00"

    confirm(staff_client, trip, preview, stop=str(london.pk))

    engagement = Engagement.objects.get()
    assert engagement.stop == london
    assert engagement.starts_at == datetime(2026, 7, 10, 9, 0, tzinfo=UTC)  # 10:00 in London
    assert engagement.ends_at == datetime(2026, 7, 10, 10, 0, tzinfo=UTC)


def test_times_the_user_typed_stand_when_the_stop_changes(staff_client, trip):
    london = trip.stops.get(timezone="Europe/London")
    preview = upload(staff_client, trip, MEETING)

    confirm(staff_client, trip, preview, stop=str(london.pk), start_time="12:00", end_time="")

    assert Engagement.objects.get().starts_at == datetime(2026, 7, 10, 11, 0, tzinfo=UTC)

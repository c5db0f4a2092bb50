"""Accommodation: the per-night view, the form and service, print, and the trip calendar."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from itineraries.models import Stay
from itineraries.nights import trip_nights
from itineraries.stay_services import stay_save
from planner.models import Venue
from tests import factories as f

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    data = {
        "hotel_name": "호텔 오쿠라",
        "hotel_name_en": "Hotel Okura",
        "address": "2-10-4 Toranomon",
        "city": "도쿄",
        "country": "",
        "timezone": "",
        "check_in_date": "2026-07-09",
        "check_in_time": "",
        "check_out_date": "2026-07-11",
        "check_out_time": "",
        "confirmation_number": "OK-7731",
        "notes": "",
    }
    return {**data, **overrides}


def _add_url(trip):
    return reverse("itineraries:stay_add", args=[trip.pk])


# Nights -------------------------------------------------------------------------------


def test_trip_nights_shows_each_night_and_the_nights_without_a_stay():
    trip = f.TripFactory(start_date=date(2026, 7, 8), end_date=date(2026, 7, 12))
    stay = f.StayFactory(
        trip=trip, check_in_date=date(2026, 7, 10), check_out_date=date(2026, 7, 12)
    )

    nights = trip_nights(trip, [stay])

    assert [n.day.day for n in nights.nights] == [8, 9, 10, 11]
    assert [[s.pk for s in n.stays] for n in nights.nights] == [[], [], [stay.pk], [stay.pk]]
    assert nights.without_stay == 2


def test_trip_nights_keeps_a_stay_known_to_the_month_apart():
    trip = f.TripFactory(start_date=date(2026, 7, 8), end_date=date(2026, 7, 9))
    stay = f.StayFactory(
        trip=trip,
        check_in_date=date(2026, 7, 1),
        check_in_date_precision="month",
        check_out_date=None,
    )

    nights = trip_nights(trip, [stay])

    assert [n.day for n in nights.nights] == [date(2026, 7, 8)]
    assert nights.undated == [stay]


# The form and the service ---------------------------------------------------------------


def test_stay_add_takes_the_zone_from_the_city_typed(editor_client):
    trip = f.TripFactory()

    response = editor_client.post(_add_url(trip), _form())

    assert response.status_code == 302
    stay = Stay.objects.get(trip=trip)
    assert (stay.venue.country.code, stay.venue.timezone) == ("JP", "Asia/Tokyo")
    assert (stay.check_in_date, stay.check_out_date) == (date(2026, 7, 9), date(2026, 7, 11))
    assert stay.confirmation_number == "OK-7731"


def test_stay_add_refuses_a_check_out_before_check_in_and_keeps_the_entries(editor_client):
    trip = f.TripFactory()

    response = editor_client.post(_add_url(trip), _form(check_out_date="2026-07-08"))

    assert response.status_code == 200
    assert Stay.objects.count() == 0
    page = response.content.decode()
    assert "체크아웃은 체크인 날짜보다 뒤여야 합니다." in page
    assert 'value="호텔 오쿠라"' in page


def test_stay_edit_based_on_an_old_revision_is_refused(editor_client):
    stay = f.StayFactory()
    url = reverse("itineraries:stay_edit", args=[stay.trip.pk, stay.pk])
    opened = stay.revision
    stay_save(
        stay=stay,
        venue_values={
            "name_ko": "호텔 모스크바",
            "city_ko": "베오그라드",
            "country": "RS",
            "timezone": "Europe/Belgrade",
            "address": "Terazije 20",
            "name_en": "",
        },
        member_ids=None,
        expected_revision=opened,
    )
    data = _form(hotel_name="호텔 모스크바", city="베오그라드", country="RS", revision=str(opened))

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "다른 사용자가 먼저 저장했습니다." in response.content.decode()
    stay.refresh_from_db()
    assert stay.confirmation_number == ""


def test_stay_save_never_renames_a_place_another_row_uses():
    stay = f.StayFactory()
    hotel = stay.venue
    values = {
        "name_ko": "호텔 메트로폴",
        "city_ko": "베오그라드",
        "country": "RS",
        "timezone": "Europe/Belgrade",
        "address": "",
        "name_en": "",
    }

    stay_save(stay=stay, venue_values=values, member_ids=None, expected_revision=stay.revision)

    hotel.refresh_from_db()
    assert hotel.name_ko == "호텔 모스크바"
    assert stay.venue.name_ko == "호텔 메트로폴"
    assert Venue.objects.count() == 2


def test_stay_save_sets_who_stays_from_this_trip_only():
    stay = f.StayFactory()
    ours = f.DelegationMemberFactory(trip=stay.trip, printed_as="황명석")
    theirs = f.DelegationMemberFactory()
    values = {
        "name_ko": "호텔 모스크바",
        "city_ko": "베오그라드",
        "country": "RS",
        "timezone": "Europe/Belgrade",
        "address": "",
        "name_en": "",
    }

    stay_save(
        stay=stay,
        venue_values=values,
        member_ids=[ours.pk, theirs.pk],
        expected_revision=stay.revision,
    )

    assert list(stay.members.all()) == [ours]


def test_stay_delete_asks_first_then_deletes(editor_client):
    stay = f.StayFactory()
    url = reverse("itineraries:stay_delete", args=[stay.trip.pk, stay.pk])

    asked = editor_client.get(url)
    assert Stay.objects.filter(pk=stay.pk).exists()
    assert "호텔 모스크바" in asked.content.decode()

    response = editor_client.post(url, {"revision": stay.revision})

    assert response.status_code == 302
    assert not Stay.objects.filter(pk=stay.pk).exists()
    assert Venue.objects.filter(pk=stay.venue_id).exists()


def test_stay_delete_of_a_changed_stay_is_refused(editor_client):
    stay = f.StayFactory()
    url = reverse("itineraries:stay_delete", args=[stay.trip.pk, stay.pk])

    response = editor_client.post(url, {"revision": stay.revision + 5})

    assert response.status_code == 200
    assert Stay.objects.filter(pk=stay.pk).exists()


def test_viewer_cannot_add_a_stay(viewer_client):
    trip = f.TripFactory()

    response = viewer_client.post(_add_url(trip), _form())

    assert response.status_code == 403
    assert Stay.objects.count() == 0


# The trip page, print and the calendar -------------------------------------------------


def test_confirmation_number_is_shown_to_editors_on_the_trip_page_only(client, editor, viewer):
    stay = f.StayFactory(confirmation_number="MOS-5521")
    url = stay.trip.get_absolute_url()
    print_url = reverse("itineraries:trip_print", args=[stay.trip.pk])

    client.force_login(editor)
    assert "MOS-5521" in client.get(url).content.decode()
    assert "MOS-5521" not in client.get(print_url).content.decode()  # print is handed on
    client.force_login(viewer)
    viewer_page = client.get(url).content.decode()
    assert "MOS-5521" not in viewer_page
    assert "호텔 모스크바" in viewer_page
    assert "MOS-5521" not in client.get(print_url).content.decode()


def test_trip_page_lists_nights_without_accommodation(viewer_client):
    trip = f.TripFactory(start_date=date(2026, 7, 8), end_date=date(2026, 7, 12))
    f.StayFactory(trip=trip)

    page = viewer_client.get(trip.get_absolute_url()).content.decode()

    assert page.count('class="night-without-stay"') == 2
    assert 'id="night-2026-07-10"' in page


def test_print_shows_the_stay_per_night_and_a_free_text_member_by_name(viewer_client):
    trip = f.TripFactory(start_date=date(2026, 7, 10), end_date=date(2026, 7, 12))
    member = f.DelegationMemberFactory(
        trip=trip, printed_as="황명석", organisation=f.OrganisationFactory(name_ko="혁신기획과")
    )
    f.StayFactory(trip=trip).members.add(member)

    page = viewer_client.get(reverse("itineraries:trip_print", args=[trip.pk])).content.decode()

    assert "황명석 (혁신기획과)" in page
    assert page.count("호텔 모스크바 · 베오그라드") == 2


def _events(client, trip) -> list:
    response = client.get(reverse("itineraries_ical:trip", args=[trip.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("stay-")]


def test_trip_ics_has_a_timed_stay_in_the_hotel_zone_without_the_confirmation(viewer_client):
    stay = f.StayFactory(
        check_in_time=time(15), check_out_time=time(11), confirmation_number="MOS-5521"
    )

    (event,) = _events(viewer_client, stay.trip)

    belgrade = ZoneInfo("Europe/Belgrade")
    assert event.decoded("DTSTART") == datetime(2026, 7, 10, 15, tzinfo=belgrade)
    assert event["DTSTART"].params["TZID"] == "Europe/Belgrade"
    assert event.decoded("DTEND") == datetime(2026, 7, 12, 11, tzinfo=belgrade)
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "MOS-5521" not in event.to_ical().decode()
    assert "서울 시간(KST): 2026-07-10 22:00" in str(event["DESCRIPTION"])


def test_trip_ics_has_an_all_day_stay_from_check_in_to_check_out_day(viewer_client):
    stay = f.StayFactory()

    (event,) = _events(viewer_client, stay.trip)

    assert event.decoded("DTSTART") == date(2026, 7, 10)
    assert event.decoded("DTEND") == date(2026, 7, 13)
    assert str(event["SUMMARY"]) == "숙소: 호텔 모스크바"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_trip_ics_changes_its_etag_when_a_stay_changes(viewer_client):
    stay = f.StayFactory()
    url = reverse("itineraries_ical:trip", args=[stay.trip.pk])
    before = viewer_client.get(url)["ETag"]

    stay.check_out_date = date(2026, 7, 13)
    stay.save()

    assert viewer_client.get(url)["ETag"] != before


def test_trip_page_shows_a_free_text_member_by_name(viewer_client):
    trip = f.TripFactory()
    f.DelegationMemberFactory(
        trip=trip, printed_as="황명석", organisation=f.OrganisationFactory(name_ko="혁신기획과")
    )

    page = viewer_client.get(trip.get_absolute_url()).content.decode()

    delegation = page[page.index('id="delegation"') : page.index('id="counterparts"')]
    assert "황명석" in delegation
    assert "혁신기획과" in delegation

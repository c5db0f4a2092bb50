"""Issue #12's done-when: a two-city trip built from an empty database by typing only
airport codes (ICN, HND, CGK) and city names (도쿄, 자카르타): no zone picked by hand.

The trip page, the print view and the trip .ics must show the right zones and Seoul
times: the flights on the page and in print, the hotels and meetings in the .ics
and the flights, each leaving in its departure zone and landing in its arrival zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar
from playwright.sync_api import expect

from itineraries.models import Engagement, Stay, Stop, TravelSegment, Trip

pytestmark = pytest.mark.browser

TOKYO = ZoneInfo("Asia/Tokyo")
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def documents(transactional_db):
    """An empty database: none of the source documents (overrides the folder's fixture)."""
    return None


def _submit(page, path: str, fields: dict[str, str], choices: dict[str, str] | None = None):
    """Open a plain form page, type into the named fields (choose in ``choices``), save."""
    page.goto(path)
    form = page.locator("main form.item-form, main form").first
    for name, value in (choices or {}).items():
        form.locator(f"[name='{name}']").select_option(value)
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("button[type=submit]").first.click()
    page.wait_for_load_state("load")
    errors = page.locator(".form-error, .form-hint-invalid").all_inner_texts()
    assert not errors, f"{path} refused: {errors}"


def _build_trip(staff) -> Trip:
    page = staff.page
    page.goto(staff.url(reverse("itineraries:trip_add")))
    page.locator("[name='title_ko']").fill("도쿄·자카르타 디지털정부 협력 출장")
    page.locator("[name='start_date']").fill("2026-07-20")
    page.locator("[name='end_date']").fill("2026-07-25")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    trip = Trip.objects.get()
    base = f"/trips/{trip.pk}"
    for city, arrival, departure in (
        ("도쿄", "2026-07-20", "2026-07-23"),
        ("자카르타", "2026-07-23", "2026-07-25"),
    ):
        _submit(
            page,
            staff.url(f"{base}/stops/add/"),
            {"city_ko": city, "arrival_date": arrival, "departure_date": departure},
        )
    flights = (
        ("KE", "2101", "ICN", "HND", "2026-07-20", "09:00", "2026-07-20", "11:20"),
        ("GA", "875", "HND", "CGK", "2026-07-23", "10:00", "2026-07-23", "15:40"),
    )
    for carrier, number, origin, destination, dep_day, dep, arr_day, arr in flights:
        _submit(
            page,
            staff.url(f"{base}/travel/add/"),
            {
                "carrier": carrier,
                "number": number,
                "origin": origin,
                "destination": destination,
                "departure_date": dep_day,
                "departure_time": dep,
                "arrival_date": arr_day,
                "arrival_time": arr,
            },
        )
    hotels = (
        ("호텔 오쿠라 도쿄", "도쿄", "2026-07-20", "15:00", "2026-07-23", "11:00", "OKU-2207"),
        ("호텔 인도네시아 켐핀스키", "자카르타", "2026-07-23", "", "2026-07-25", "", ""),
    )
    for name, city, check_in, in_time, check_out, out_time, confirmation in hotels:
        _submit(
            page,
            staff.url(f"{base}/stays/add/"),
            {
                "hotel_name": name,
                "city": city,
                "check_in_date": check_in,
                "check_in_time": in_time,
                "check_out_date": check_out,
                "check_out_time": out_time,
                "confirmation_number": confirmation,
            },
        )
    stops = {stop.city_ko: stop for stop in Stop.objects.filter(trip=trip)}
    for stop_name, title, day, start, end in (
        ("도쿄", "디지털청 차관 면담", "2026-07-21", "10:00", "11:00"),
        ("자카르타", "행정개혁부 장관 면담", "2026-07-24", "14:00", "15:00"),
    ):
        _submit(
            page,
            staff.url(f"{base}/engagements/add/"),
            {"title_ko": title, "date": day, "start_time": start, "end_time": end},
            {"stop": str(stops[stop_name].pk)},
        )
    return trip


def assert_flight_in_ics(calendar: Calendar, *, summary_part: str, departs, arrives) -> None:
    """The flight leaves in its departure zone and lands in its arrival zone (DTSTART and
    DTEND each with their own TZID)."""
    event = next(e for e in calendar.walk("VEVENT") if summary_part in str(e["SUMMARY"]))
    assert event.decoded("DTSTART") == departs
    assert event["DTSTART"].params["TZID"] == departs.tzinfo.key
    assert event.decoded("DTEND") == arrives
    assert event["DTEND"].params["TZID"] == arrives.tzinfo.key


def test_two_city_trip_from_airport_codes_and_city_names(staff):
    page = staff.page
    # The first city looked up loads GeoNames' table (seconds on a shared 2-core machine).
    page.set_default_timeout(60_000)
    trip = _build_trip(staff)

    # The zones came from the places typed: none was chosen.
    zones = dict(Stop.objects.filter(trip=trip).values_list("city_ko", "timezone"))
    assert zones == {"도쿄": "Asia/Tokyo", "자카르타": "Asia/Jakarta"}
    legs = TravelSegment.objects.filter(trip=trip).order_by("departs_at")
    assert [(s.departure_timezone, s.arrival_timezone) for s in legs] == [
        ("Asia/Seoul", "Asia/Tokyo"),
        ("Asia/Tokyo", "Asia/Jakarta"),
    ]
    hotels = Stay.objects.filter(trip=trip).select_related("venue").order_by("check_in_date")
    assert [(h.venue.country.code, h.venue.timezone) for h in hotels] == [
        ("JP", "Asia/Tokyo"),
        ("ID", "Asia/Jakarta"),
    ]
    assert Engagement.objects.filter(trip=trip).count() == 2

    # The trip page: the second flight in Tokyo and Jakarta time, Seoul beside; the hotels.
    staff.open(trip.get_absolute_url(), name="trip-from-scratch")
    flight = page.locator(".segment-item", has_text="GA")
    expect(flight).to_contain_text("10:00")
    expect(flight).to_contain_text("15:40")
    expect(flight).to_contain_text("17:40")  # 15:40 in Jakarta is 17:40 in Seoul
    expect(flight).to_contain_text("Asia/Tokyo → Asia/Jakarta")
    stays = page.locator("#stays")
    expect(stays).to_contain_text("호텔 오쿠라 도쿄")
    expect(stays).to_contain_text("Asia/Jakarta")
    expect(stays).to_contain_text("OKU-2207")  # the editor sees the confirmation number
    expect(page.locator("#night-2026-07-24")).to_contain_text("호텔 인도네시아 켐핀스키")
    meeting = page.locator(".engagement", has_text="행정개혁부 장관 면담")
    expect(meeting).to_contain_text("16:00~17:00")  # Seoul time of 14:00~15:00 in Jakarta
    for width, name in ((1366, "trip-stays-1366"), (390, "trip-stays-390")):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#stays").scroll_into_view_if_needed()
        staff.check(name, axe=False)
        page.locator("#stays").screenshot(path=f"artifacts/screenshots/browser/{name}-panel.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Print: the flights with local and Seoul times, the hotel of every night.
    staff.open(reverse("itineraries:trip_print", args=[trip.pk]), name="trip-from-scratch-print")
    printed = page.locator("main")
    expect(printed).to_contain_text("도쿄 (HND) → 자카르타 (CGK)")
    expect(printed).to_contain_text("17:40")
    expect(printed.locator(".print-stays")).to_contain_text("호텔 오쿠라 도쿄 · 도쿄")
    expect(printed.locator(".print-stays")).to_contain_text("Asia/Tokyo")
    expect(printed).not_to_contain_text("OKU-2207")  # print is handed on: no confirmation

    # The .ics: hotels in their zone (timed when the times are known), meetings with Seoul.
    response = page.request.get(staff.url(reverse("itineraries_ical:trip", args=[trip.pk])))
    assert response.status == 200
    calendar = Calendar.from_ical(response.body())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    okura = events["숙소: 호텔 오쿠라 도쿄"]
    assert okura.decoded("DTSTART") == datetime(2026, 7, 20, 15, tzinfo=TOKYO)
    assert okura["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert okura.decoded("DTEND") == datetime(2026, 7, 23, 11, tzinfo=TOKYO)
    assert "OKU-2207" not in response.text()
    kempinski = events["숙소: 호텔 인도네시아 켐핀스키"]
    assert kempinski.decoded("DTSTART") == date(2026, 7, 23)
    assert kempinski.decoded("DTEND") == date(2026, 7, 26)
    jakarta_meeting = events["행정개혁부 장관 면담"]
    assert jakarta_meeting.decoded("DTSTART") == datetime(2026, 7, 24, 14, tzinfo=JAKARTA)
    assert jakarta_meeting["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert "서울 시간(KST): 2026-07-24 16:00~17:00" in str(jakarta_meeting["DESCRIPTION"])
    tokyo_meeting = events["디지털청 차관 면담"]
    assert tokyo_meeting["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} >= {"Asia/Tokyo", "Asia/Jakarta"}
    assert_flight_in_ics(
        calendar,
        summary_part="GA 875",
        departs=datetime(2026, 7, 23, 10, tzinfo=TOKYO),
        arrives=datetime(2026, 7, 23, 15, 40, tzinfo=JAKARTA),
    )
    assert_flight_in_ics(
        calendar,
        summary_part="KE 2101",
        departs=datetime(2026, 7, 20, 9, tzinfo=ZoneInfo("Asia/Seoul")),
        arrives=datetime(2026, 7, 20, 11, 20, tzinfo=TOKYO),
    )

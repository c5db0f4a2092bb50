"""Editing a trip in the browser: every change through htmx (a fragment and ``tripChanged``)
and without JavaScript (POST and redirect), the blocking rules shown on the form, and the
refusal of a stale edit."""

import json
from datetime import UTC, date, datetime, time

import pytest
from django.urls import reverse

from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from planner.timezones import local_instant
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"itineraries:{name}", args=args)


def assert_fragment_announcing_change(response) -> str:
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert json.loads(response["HX-Trigger"]) == {"tripChanged": {}}
    return content


def engagement_data(stop, **overrides) -> dict:
    data = {
        "stop": stop.pk,
        "kind": "meeting",
        "title_ko": "행정자치부 실무 협의",
        "date": "2026-07-11",
        "start_time": "10:00",
        "end_time": "11:00",
        "status": "tentative",
    }
    data.update(overrides)
    return data


def timed(stop, day, start, end=None, **extra) -> Engagement:
    return f.EngagementFactory(
        stop=stop,
        date=day,
        starts_at=local_instant(day, start, stop.timezone),
        ends_at=local_instant(day, end, stop.timezone) if end else None,
        **extra,
    )


# Engagements --------------------------------------------------------------------------------


def test_engagement_add_form_opens_inline_with_the_days_date_and_stop(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip

    response = editor_client.get(
        url("engagement_add", trip.pk),
        {"date": "2026-07-11", "stop": belgrade.pk, "slot": "day-2026-07-11-editor"},
        headers=htmx("day-2026-07-11-editor"),
    )

    content = response.content.decode()
    assert "<html" not in content
    assert 'hx-target="closest .editor-slot"' in content
    assert 'value="2026-07-11"' in content
    assert f'<option value="{belgrade.pk}" selected>' in content
    assert "HX-Trigger" not in response


def test_engagement_add_through_htmx_saves_local_time_and_announces_the_change(
    editor_client, belgrade_trip
):
    trip, _, belgrade = belgrade_trip

    response = editor_client.post(
        url("engagement_add", trip.pk), engagement_data(belgrade), headers=htmx("programme-editor")
    )

    content = assert_fragment_announcing_change(response)
    engagement = Engagement.objects.get(title_ko="행정자치부 실무 협의")
    assert engagement.starts_at == datetime(2026, 7, 11, 8, 0, tzinfo=UTC)  # CEST = UTC+2
    assert engagement.trip == trip
    assert 'id="trip-status" hx-swap-oob="innerHTML"' in content
    assert "행정자치부 실무 협의" in content


def test_engagement_add_without_javascript_redirects_to_the_item(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip

    response = editor_client.post(url("engagement_add", trip.pk), engagement_data(belgrade))

    engagement = Engagement.objects.get(title_ko="행정자치부 실무 협의")
    assert response.status_code == 302
    assert response["Location"] == f"{trip.get_absolute_url()}#engagement-{engagement.pk}"
    page = editor_client.get(response["Location"]).content.decode()
    assert "“행정자치부 실무 협의”를 추가했습니다." in page


def test_engagement_add_page_without_javascript_is_a_plain_form(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    response = editor_client.get(url("engagement_add", trip.pk))

    content = response.content.decode()
    assert "<html" in content
    assert f'action="{url("engagement_add", trip.pk)}"' in content
    assert "hx-post" not in content
    assert trip.get_absolute_url() in content


def test_engagement_without_a_start_time_is_saved_as_time_tbd(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    data = engagement_data(belgrade, start_time="", end_time="")

    editor_client.post(url("engagement_add", trip.pk), data, headers=htmx())

    engagement = Engagement.objects.get(title_ko="행정자치부 실무 협의")
    assert engagement.date == date(2026, 7, 11)
    assert engagement.starts_at is None


def test_engagement_edit_through_htmx_and_without(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="면담")
    data = engagement_data(belgrade, title_ko="장관 면담", revision=engagement.revision)

    form = editor_client.get(url("engagement_edit", trip.pk, engagement.pk), headers=htmx())
    hx_response = editor_client.post(
        url("engagement_edit", trip.pk, engagement.pk), data, headers=htmx()
    )
    engagement.refresh_from_db()
    data.update(title_ko="장관 면담 (확정)", status="confirmed", revision=engagement.revision)
    plain = editor_client.post(url("engagement_edit", trip.pk, engagement.pk), data)

    assert 'name="revision" value="1"' in form.content.decode()
    assert_fragment_announcing_change(hx_response)
    assert plain.status_code == 302
    assert plain["Location"].endswith(f"#engagement-{engagement.pk}")
    engagement.refresh_from_db()
    assert (engagement.title_ko, engagement.status, engagement.revision) == (
        "장관 면담 (확정)",
        "confirmed",
        3,
    )


def test_engagement_cancel_keeps_it_marked_as_cancelled(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    first = f.EngagementFactory(stop=belgrade)
    second = f.EngagementFactory(stop=belgrade)

    hx_response = editor_client.post(
        url("engagement_cancel", trip.pk, first.pk), {"revision": 1}, headers=htmx()
    )
    plain = editor_client.post(url("engagement_cancel", trip.pk, second.pk), {"revision": 1})

    assert_fragment_announcing_change(hx_response)
    assert plain.status_code == 302
    statuses = set(Engagement.objects.values_list("status", flat=True))
    assert statuses == {Engagement.Status.CANCELLED}


def test_engagement_delete_asks_first_then_deletes(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    first = f.EngagementFactory(stop=belgrade, title_ko="취소될 면담")
    second = f.EngagementFactory(stop=belgrade)

    confirm = editor_client.get(url("engagement_delete", trip.pk, first.pk), headers=htmx())
    assert Engagement.objects.count() == 2
    hx_response = editor_client.post(
        url("engagement_delete", trip.pk, first.pk), {"revision": 1}, headers=htmx()
    )
    plain_confirm = editor_client.get(url("engagement_delete", trip.pk, second.pk))
    plain = editor_client.post(url("engagement_delete", trip.pk, second.pk), {"revision": 1})

    confirm_html = confirm.content.decode()
    assert "<html" not in confirm_html
    assert "“취소될 면담”을 삭제하시겠습니까?" in confirm_html
    assert 'name="revision" value="1"' in confirm_html
    assert "<html" in plain_confirm.content.decode()
    assert_fragment_announcing_change(hx_response)
    assert plain.status_code == 302
    assert not Engagement.objects.exists()


def test_engagement_move_reorders_untimed_items_of_the_day(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    day = date(2026, 7, 10)
    first = f.EngagementFactory(stop=belgrade, date=day, order=1, title_ko="첫째")
    timed(belgrade, day, time(9, 0), order=2)
    second = f.EngagementFactory(stop=belgrade, date=day, order=3, title_ko="둘째")

    hx_response = editor_client.post(
        url("engagement_move", trip.pk, first.pk), {"direction": "down"}, headers=htmx()
    )
    untimed = Engagement.objects.filter(starts_at__isnull=True).order_by("order", "pk")
    after_htmx = [e.title_ko for e in untimed]
    plain = editor_client.post(url("engagement_move", trip.pk, first.pk), {"direction": "up"})
    after_plain = [e.title_ko for e in untimed.all()]

    assert_fragment_announcing_change(hx_response)
    assert after_htmx == ["둘째", "첫째"]
    assert plain.status_code == 302
    assert after_plain == ["첫째", "둘째"]
    assert second.pk != first.pk


def test_row_menus_offer_up_and_down_only_between_untimed_items(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    day = date(2026, 7, 10)
    first = f.EngagementFactory(stop=belgrade, date=day, order=1)
    second = f.EngagementFactory(stop=belgrade, date=day, order=2)
    meeting = timed(belgrade, day, time(9, 0))

    page = editor_client.get(trip.get_absolute_url()).content.decode()
    menus = {
        item: editor_client.get(
            url("engagement_menu", trip.pk, item.pk), headers=htmx()
        ).content.decode()
        for item in (first, second, meeting)
    }

    for item in (first, second, meeting):
        # One control per row; its editing panel loads the row's menu.
        assert f'href="{url("engagement_edit", trip.pk, item.pk)}"' in page
        panel = editor_client.get(url("engagement_edit", trip.pk, item.pk), headers=htmx())
        assert f'hx-get="{url("engagement_menu", trip.pk, item.pk)}?in=panel"' in panel.text
    move = {item: f'action="{url("engagement_move", trip.pk, item.pk)}"' for item in menus}
    assert menus[first].count(move[first]) == 1  # down only
    assert "아래로 이동" in menus[first] and "위로 이동" not in menus[first]
    assert menus[second].count(move[second]) == 1  # up only
    assert "위로 이동" in menus[second] and "아래로 이동" not in menus[second]
    assert move[meeting] not in menus[meeting]  # timed items keep clock order


# People in an engagement -------------------------------------------------------------------


def test_person_add_and_remove_through_htmx_and_without(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade)
    minister = f.PersonFactory(name_ko="슈네자나 파우노비치", name_latin="Snežana Paunović")
    data = {"side": "counterpart", "role": "counterpart", "person": minister.pk}

    hx_add = editor_client.post(
        url("engagement_person_add", trip.pk, engagement.pk), data, headers=htmx()
    )
    plain_add = editor_client.post(
        url("engagement_person_add", trip.pk, engagement.pk),
        {"side": "ours", "role": "head", "printed_as": "김민재 차관"},
    )
    line = EngagementPerson.objects.get(person=minister)
    confirm = editor_client.get(
        url("engagement_person_remove", trip.pk, engagement.pk, line.pk), headers=htmx()
    )
    hx_remove = editor_client.post(
        url("engagement_person_remove", trip.pk, engagement.pk, line.pk), headers=htmx()
    )

    assert_fragment_announcing_change(hx_add)
    assert plain_add.status_code == 302
    assert "슈네자나 파우노비치" in confirm.content.decode()
    assert_fragment_announcing_change(hx_remove)
    assert list(engagement.people.values_list("printed_as", flat=True)) == ["김민재 차관"]


def test_person_add_needs_a_name_an_organisation_or_a_printed_title(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade)

    response = editor_client.post(
        url("engagement_person_add", trip.pk, engagement.pk),
        {"side": "counterpart", "role": "counterpart"},
        headers=htmx(),
    )

    assert response.status_code == 200
    assert "HX-Trigger" not in response
    assert not engagement.people.exists()


# Blocking rules, through the views ---------------------------------------------------------


def test_end_before_start_is_refused_on_the_form_in_korean(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    data = engagement_data(belgrade, start_time="11:00", end_time="10:00")

    response = editor_client.post(url("engagement_add", trip.pk), data, headers=htmx())

    content = response.content.decode()
    assert response.status_code == 200
    assert "HX-Trigger" not in response
    assert "<html" not in content
    assert "종료 시각은 시작 시각보다 뒤여야 합니다." in content
    assert "저장하지 않았습니다" in content
    assert not Engagement.objects.exists()


def test_a_day_outside_the_stop_is_refused_on_the_date_field(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip

    response = editor_client.post(
        url("engagement_add", trip.pk), engagement_data(belgrade, date="2026-07-14")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "베오그라드을(를) 떠나는 날은 2026. 7. 12.입니다" in content or "베오그라드" in content
    form = response.context["form"]
    assert "date" in form.errors
    assert not Engagement.objects.exists()


def test_a_day_outside_the_trip_is_refused(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    belgrade.departure_date = None
    belgrade.save()

    response = editor_client.post(
        url("engagement_add", trip.pk), engagement_data(belgrade, date="2026-07-20")
    )

    assert "date" in response.context["form"].errors
    assert not Engagement.objects.exists()


def test_a_person_in_two_places_is_refused_when_added(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    kim = f.PersonFactory(name_ko="김민재")
    day = date(2026, 7, 10)
    first = timed(geneva, day, time(10, 0), time(11, 0), title_ko="제네바 회의")
    f.EngagementPersonFactory(engagement=first, person=kim)
    second = timed(belgrade, day, time(10, 30), title_ko="베오그라드 면담")

    response = editor_client.post(
        url("engagement_person_add", trip.pk, second.pk),
        {"side": "ours", "role": "head", "person": kim.pk},
        headers=htmx(),
    )

    content = response.content.decode()
    assert "HX-Trigger" not in response
    assert "김민재는 같은 시간에 “제네바 회의”(제네바) 일정이 이미 있습니다." in content
    assert "person" in response.context["form"].errors
    assert not second.people.exists()


def test_a_person_in_two_places_is_refused_when_a_time_moves(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    kim = f.PersonFactory(name_ko="김민재")
    day = date(2026, 7, 10)
    first = timed(geneva, day, time(10, 0), time(11, 0), title_ko="제네바 회의")
    f.EngagementPersonFactory(engagement=first, person=kim)
    second = timed(belgrade, day, time(15, 0), title_ko="베오그라드 면담")
    f.EngagementPersonFactory(engagement=second, person=kim)
    data = engagement_data(belgrade, date="2026-07-10", start_time="10:30", end_time="")
    data.update(title_ko="베오그라드 면담", revision=second.revision)

    response = editor_client.post(url("engagement_edit", trip.pk, second.pk), data)

    assert "start_time" in response.context["form"].errors
    second.refresh_from_db()
    assert second.starts_at == local_instant(day, time(15, 0), "Europe/Belgrade")


def test_overlapping_stops_are_refused_on_the_arrival_field(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    data = {
        "city_ko": "카이로",
        "city_en": "Cairo",
        "country": "EG",
        "timezone": "Africa/Cairo",
        "arrival_date": "2026-07-11",
        "departure_date": "2026-07-14",
    }

    response = editor_client.post(url("stop_add", trip.pk), data, headers=htmx())

    content = response.content.decode()
    assert "HX-Trigger" not in response
    assert "베오그라드 방문 일정" in content
    assert "arrival_date" in response.context["form"].errors
    assert not Stop.objects.filter(city_en="Cairo").exists()


def test_a_stop_outside_the_trip_is_refused(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    data = {
        "city_ko": "카이로",
        "country": "EG",
        "timezone": "Africa/Cairo",
        "arrival_date": "2026-07-14",
        "departure_date": "2026-07-18",
    }

    response = editor_client.post(url("stop_add", trip.pk), data)

    assert "departure_date" in response.context["form"].errors
    assert not Stop.objects.filter(city_ko="카이로").exists()


def test_a_segment_arriving_before_it_departs_is_refused(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    data = segment_data(geneva, belgrade, arrival_time="09:00")

    response = editor_client.post(url("segment_add", trip.pk), data, headers=htmx())

    assert "arrival_time" in response.context["form"].errors
    assert not TravelSegment.objects.exists()


# Stops --------------------------------------------------------------------------------------


def test_stop_add_edit_and_move(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    data = {
        "city_ko": "카이로",
        "city_en": "Cairo",
        "country": "EG",
        "timezone": "Africa/Cairo",
        "arrival_date": "2026-07-12",
        "departure_date": "2026-07-15",
    }

    added = editor_client.post(url("stop_add", trip.pk), data, headers=htmx())
    cairo = Stop.objects.get(city_en="Cairo")
    data.update(dates_note="포럼 13일(월)", revision=cairo.revision)
    edited = editor_client.post(url("stop_edit", trip.pk, cairo.pk), data)
    moved = editor_client.post(
        url("stop_move", trip.pk, cairo.pk), {"direction": "up"}, headers=htmx()
    )

    assert_fragment_announcing_change(added)
    assert edited.status_code == 302
    assert_fragment_announcing_change(moved)
    order = list(trip.stops.order_by("order").values_list("city_en", flat=True))
    assert order == ["Geneva", "Cairo", "Belgrade"]
    assert Stop.objects.get(pk=cairo.pk).dates_note == "포럼 13일(월)"


def test_stop_delete_asks_first_and_refuses_while_it_has_engagements(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    f.EngagementFactory(stop=belgrade)

    refused = editor_client.get(url("stop_delete", trip.pk, belgrade.pk), headers=htmx())
    confirm = editor_client.get(url("stop_delete", trip.pk, geneva.pk), headers=htmx())
    deleted = editor_client.post(url("stop_delete", trip.pk, geneva.pk), {"revision": 1})

    assert "일정이 1건 남아 있습니다" in refused.content.decode()
    assert "삭제하시겠습니까?" in confirm.content.decode()
    assert deleted.status_code == 302
    assert list(trip.stops.values_list("pk", flat=True)) == [belgrade.pk]


# Travel segments ----------------------------------------------------------------------------


def segment_data(from_stop, to_stop, **overrides) -> dict:
    data = {
        "mode": "flight",
        "carrier": "JU",
        "number": "JU 231",
        "from_stop": from_stop.pk,
        "to_stop": to_stop.pk,
        "origin": "제네바",
        "destination": "베오그라드",
        "departure_date": "2026-07-10",
        "departure_time": "10:05",
        "departure_timezone": "Europe/Zurich",
        "arrival_date": "2026-07-10",
        "arrival_time": "12:00",
        "arrival_timezone": "Europe/Belgrade",
    }
    data.update(overrides)
    return data


def test_segment_add_edit_and_delete(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip

    added = editor_client.post(
        url("segment_add", trip.pk), segment_data(geneva, belgrade), headers=htmx()
    )
    segment = TravelSegment.objects.get()
    edited = editor_client.post(
        url("segment_edit", trip.pk, segment.pk),
        segment_data(geneva, belgrade, arrival_time="12:30", revision=segment.revision),
    )
    segment.refresh_from_db()
    deleted = editor_client.post(
        url("segment_delete", trip.pk, segment.pk), {"revision": segment.revision}, headers=htmx()
    )

    assert_fragment_announcing_change(added)
    assert edited.status_code == 302
    assert segment.arrives_at == datetime(2026, 7, 10, 10, 30, tzinfo=UTC)
    assert_fragment_announcing_change(deleted)
    assert not TravelSegment.objects.exists()


# Delegation and settings --------------------------------------------------------------------


def test_member_add_edit_and_remove(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    agency = f.OrganisationFactory(name_ko="법제처")

    added = editor_client.post(
        url("member_add", trip.pk), {"organisation": agency.pk, "role": "agency"}, headers=htmx()
    )
    member = DelegationMember.objects.get()
    edited = editor_client.post(
        url("member_edit", trip.pk, member.pk),
        {"organisation": agency.pk, "role": "agency", "printed_as": "법제처", "revision": 1},
    )
    confirm = editor_client.get(url("member_delete", trip.pk, member.pk), headers=htmx())
    removed = editor_client.post(url("member_delete", trip.pk, member.pk), {"revision": 2})

    assert_fragment_announcing_change(added)
    assert edited.status_code == 302
    assert "법제처" in confirm.content.decode()
    assert removed.status_code == 302
    assert not DelegationMember.objects.exists()


def test_member_needs_a_person_or_an_agency(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    response = editor_client.post(url("member_add", trip.pk), {"role": "member"}, headers=htmx())

    assert "인물 또는 기관을 선택하십시오." in response.content.decode()
    assert not DelegationMember.objects.exists()


def test_trip_settings_change_the_transfer_buffer(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    response = editor_client.post(
        url("trip_settings", trip.pk),
        {"status": "confirmed", "transfer_buffer_minutes": 45, "revision": trip.revision},
        headers=htmx(),
    )

    assert_fragment_announcing_change(response)
    trip.refresh_from_db()
    assert (trip.status, trip.transfer_buffer_minutes) == ("confirmed", 45)


def test_a_new_trip_is_added_and_opens(editor_client):
    organisation = f.OrganisationFactory(name_ko="행정안전부")
    data = {
        "title_ko": "장관 영국 방문",
        "organisation": organisation.pk,
        "start_date": "2026-09-01",
        "end_date": "2026-09-04",
        "status": "draft",
        "transfer_buffer_minutes": 90,
    }

    form = editor_client.get(reverse("itineraries:trip_add"))
    response = editor_client.post(reverse("itineraries:trip_add"), data)

    trip = Trip.objects.get(title_ko="장관 영국 방문")
    assert "<html" in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == trip.get_absolute_url()
    assert trip.history.get().history_user.username == "editor-kim"


def test_a_trip_ending_before_it_starts_is_refused(editor_client):
    organisation = f.OrganisationFactory()
    data = {
        "title_ko": "장관 영국 방문",
        "organisation": organisation.pk,
        "start_date": "2026-09-04",
        "end_date": "2026-09-01",
        "status": "draft",
        "transfer_buffer_minutes": 90,
    }

    response = editor_client.post(reverse("itineraries:trip_add"), data)

    assert response.status_code == 200
    assert "저장하지 않았습니다" in response.content.decode()
    assert not Trip.objects.filter(title_ko="장관 영국 방문").exists()


def test_trip_details_are_edited_inline(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    data = {
        "title_ko": "차관 세르비아·이집트 방문",
        "organisation": trip.organisation_id,
        "head": trip.head_id,
        "start_date": "2026-07-08",
        "end_date": "2026-07-15",
        "status": "confirmed",
        "transfer_buffer_minutes": 60,
        "revision": trip.revision,
    }

    response = editor_client.post(url("trip_edit", trip.pk), data, headers=htmx())

    assert_fragment_announcing_change(response)
    trip.refresh_from_db()
    assert (trip.title_ko, trip.transfer_buffer_minutes) == ("차관 세르비아·이집트 방문", 60)


# Conflicts panel ----------------------------------------------------------------------------


def test_conflicts_panel_links_a_late_flight_to_the_meeting_it_misses(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    meeting = timed(belgrade, date(2026, 7, 10), time(13, 0), title_ko="장관 면담")
    editor_client.post(url("segment_add", trip.pk), segment_data(geneva, belgrade))
    segment = TravelSegment.objects.get()

    response = editor_client.get(trip.get_absolute_url(), headers=htmx("conflicts"))

    content = response.content.decode()
    assert content.lstrip().startswith('<section class="panel conflicts-panel has-conflicts"')
    assert "“장관 면담” 일정에 늦게 도착합니다" in content
    assert f'href="#segment-{segment.pk}"' in content
    assert f'href="#engagement-{meeting.pk}"' in content


def test_a_saved_change_swaps_in_the_conflicts_panel_and_the_programme(
    editor_client, belgrade_trip
):
    trip, geneva, belgrade = belgrade_trip
    timed(belgrade, date(2026, 7, 10), time(13, 0), title_ko="장관 면담")

    response = editor_client.post(
        url("segment_add", trip.pk), segment_data(geneva, belgrade), headers=htmx()
    )

    content = assert_fragment_announcing_change(response)
    for region in ("conflicts", "programme", "segments"):
        start = content.index(f'id="{region}"')
        tag = content[content.rindex("<section", 0, start) : content.index(">", start)]
        assert 'hx-swap-oob="true"' in tag
    assert "“장관 면담” 일정에 늦게 도착합니다" in content


def test_a_shorter_transfer_buffer_clears_the_conflict(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    timed(belgrade, date(2026, 7, 10), time(13, 0))
    editor_client.post(url("segment_add", trip.pk), segment_data(geneva, belgrade))
    trip.transfer_buffer_minutes = 30
    trip.save()

    response = editor_client.get(trip.get_absolute_url(), headers=htmx("conflicts"))

    content = response.content.decode()
    assert '<span class="count-pill">0</span>' in content
    assert "has-conflicts" not in content


# Two staff, one engagement ------------------------------------------------------------------


def test_a_stale_edit_is_refused_showing_what_changed_and_keeping_theirs(
    client, editor, belgrade_trip
):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="면담", room="")
    other = f.UserFactory(username="editor-park", first_name="", last_name="")
    other.groups.add(*editor.groups.all())
    client.force_login(other)
    client.post(
        url("engagement_edit", trip.pk, engagement.pk),
        engagement_data(
            belgrade, title_ko="면담", room="A실", revision=1, start_time="", end_time=""
        ),
    )
    client.force_login(editor)

    response = client.post(
        url("engagement_edit", trip.pk, engagement.pk),
        engagement_data(
            belgrade, title_ko="면담", room="B실", revision=1, start_time="", end_time=""
        ),
        headers=htmx(f"engagement-{engagement.pk}-editor"),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "HX-Trigger" not in response
    assert "다른 사용자가 먼저 저장했습니다." in content
    assert "editor-park" in content
    assert '<td class="stale-theirs">A실</td>' in content
    assert '<td class="stale-mine">B실</td>' in content
    assert "다른 사용자가 바꿈" in content
    assert "최신 버전 불러오기" in content
    assert 'name="revision" value="2"' in content
    engagement.refresh_from_db()
    assert (engagement.room, engagement.revision) == ("A실", 2)


def test_a_stale_edit_without_javascript_is_refused_too(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="면담")
    engagement.room = "A실"
    engagement.revision = 2
    engagement.save()

    response = editor_client.post(
        url("engagement_edit", trip.pk, engagement.pk),
        engagement_data(belgrade, title_ko="면담", room="B실", revision=1),
    )

    assert response.status_code == 200
    assert "다른 사용자가 먼저 저장했습니다." in response.content.decode()
    assert Engagement.objects.get(pk=engagement.pk).room == "A실"


def test_a_stale_delete_is_refused_and_asks_again(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="면담")
    engagement.title_ko = "장관 면담"
    engagement.revision = 2
    engagement.save()

    response = editor_client.post(
        url("engagement_delete", trip.pk, engagement.pk), {"revision": 1}, headers=htmx()
    )

    content = response.content.decode()
    assert "HX-Trigger" not in response
    assert "다른 사용자가 먼저 저장했습니다." in content
    assert 'name="revision" value="2"' in content
    assert Engagement.objects.filter(pk=engagement.pk).exists()


def test_an_item_of_another_trip_is_not_found(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    elsewhere = f.EngagementFactory()

    response = editor_client.get(url("engagement_edit", trip.pk, elsewhere.pk))

    assert response.status_code == 404


def test_editors_find_an_edit_link_for_every_kind_of_item(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade)
    member = f.DelegationMemberFactory(trip=trip)
    editor_client.post(url("segment_add", trip.pk), segment_data(geneva, belgrade))
    segment = TravelSegment.objects.get()

    page = editor_client.get(trip.get_absolute_url()).content.decode()
    # Rarely used actions are in the row's menu, which its editing panel loads.
    menu = editor_client.get(url("engagement_menu", trip.pk, engagement.pk), headers=htmx())
    content = page + menu.content.decode()

    # A programme row's one link is boosted (htmx takes the href; no hx-get repeated).
    row = content[content.index(f'id="engagement-{engagement.pk}"') :]
    actions = row[
        row.index('<div class="item-actions') : row.index("</div>", row.index("item-actions"))
    ]
    assert 'hx-boost="true"' in actions
    assert f'href="{url("engagement_edit", trip.pk, engagement.pk)}"' in actions
    for kind, item in (("engagement", engagement), ("segment", segment)):
        panel = editor_client.get(url(f"{kind}_edit", trip.pk, item.pk), headers=htmx()).text
        assert f'hx-get="{url(f"{kind}_menu", trip.pk, item.pk)}?in=panel"' in panel, kind
    for link in (
        url("engagement_person_add", trip.pk, engagement.pk),
        url("engagement_delete", trip.pk, engagement.pk),
        url("stop_edit", trip.pk, belgrade.pk),
        url("segment_edit", trip.pk, segment.pk),
        url("member_edit", trip.pk, member.pk),
        url("member_delete", trip.pk, member.pk),
        url("trip_settings", trip.pk),
    ):
        assert f'href="{link}" hx-get="{link}"' in content, link


def test_engagement_cancel_asks_first_and_changes_nothing_until_confirmed(
    editor_client, belgrade_trip
):
    trip, geneva, _belgrade = belgrade_trip
    engagement = f.EngagementFactory(trip=trip, stop=geneva, title_ko="실무 회의")
    cancel_url = url("engagement_cancel", trip.pk, engagement.pk)

    asked = editor_client.get(cancel_url, headers=htmx(f"engagement-{engagement.pk}-editor"))
    engagement.refresh_from_db()
    status_after_asking = engagement.status
    confirmed = editor_client.post(cancel_url, {"revision": engagement.revision}, follow=True)
    engagement.refresh_from_db()

    content = asked.content.decode()
    assert "<html" not in content
    assert f'action="{cancel_url}"' in content
    assert "“실무 회의”를 취소된 일정으로 표시하시겠습니까?" in content
    assert status_after_asking != "cancelled"
    assert engagement.status == "cancelled"
    assert "app-alert success" in confirmed.content.decode()


def test_engagement_cancel_button_is_a_link_to_the_confirm_step(editor_client, belgrade_trip):
    trip, geneva, _belgrade = belgrade_trip
    engagement = f.EngagementFactory(trip=trip, stop=geneva)
    cancel_url = url("engagement_cancel", trip.pk, engagement.pk)

    panel = editor_client.get(url("engagement_edit", trip.pk, engagement.pk)).content.decode()
    menu_url = url("engagement_menu", trip.pk, engagement.pk)
    menu = editor_client.get(menu_url, headers=htmx()).content.decode()

    assert f'href="{menu_url}"' in panel  # without JavaScript, a link in the editing panel
    assert f'href="{cancel_url}" hx-get="{cancel_url}"' in menu

"""Every change is kept: who changed what and when, per item and for the whole trip."""

from datetime import date, time

import pytest
from django.urls import reverse

from itineraries.models import DelegationMember, Engagement, Stop, TravelSegment
from planner.timezones import local_instant
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"itineraries:{name}", args=args)


def edit(client, trip, engagement, **changes):
    data = {
        "stop": engagement.stop_id,
        "kind": engagement.kind,
        "title_ko": engagement.title_ko,
        "date": engagement.date.isoformat(),
        "status": engagement.status,
        "revision": engagement.revision,
        **changes,
    }
    response = client.post(url("engagement_edit", trip.pk, engagement.pk), data)
    assert response.status_code == 302, response.content.decode()[:500]
    engagement.refresh_from_db()


def test_engagement_history_shows_who_when_and_each_field_before_and_after(
    editor_client, editor, belgrade_trip
):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="면담", date=date(2026, 7, 10))
    edit(editor_client, trip, engagement, title_ko="장관 면담", start_time="10:00")

    response = editor_client.get(url("engagement_history", trip.pk, engagement.pk))

    content = response.content.decode()
    assert "editor-kim" in content
    assert "“장관 면담” 변경 이력" in content
    assert '<td class="history-old">면담</td><td class="history-new">장관 면담</td>' in content
    # The new start is shown in Belgrade time with Seoul beside it.
    assert "2026년 7월 10일 (금) 10:00 CEST (서울 17:00)" in content
    assert "(시스템 또는 문서 불러오기)" in content  # the row the factory created


def test_history_records_the_people_added_to_and_removed_from_an_engagement(
    editor_client, belgrade_trip
):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade)
    editor_client.post(
        url("engagement_person_add", trip.pk, engagement.pk),
        {"side": "ours", "role": "head", "printed_as": "김민재 차관"},
    )
    line = engagement.people.get()
    editor_client.post(url("engagement_person_remove", trip.pk, engagement.pk, line.pk))

    response = editor_client.get(url("engagement_history", trip.pk, engagement.pk), headers=htmx())

    content = response.content.decode()
    assert "<html" not in content
    assert content.count("참석자: 김민재 차관") == 2
    assert "bg-light-success" in content  # added
    assert "bg-light-danger" in content  # removed


def test_a_deleted_engagement_keeps_its_history_reachable_from_the_trip(
    editor_client, belgrade_trip
):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade, title_ko="취소된 면담")
    editor_client.post(url("engagement_delete", trip.pk, engagement.pk), {"revision": 1})

    changes = editor_client.get(url("trip_history", trip.pk)).content.decode()
    history = editor_client.get(url("engagement_history", trip.pk, engagement.pk))

    item_url = url("engagement_history", trip.pk, engagement.pk)
    assert f'href="{item_url}">취소된 면담</a>' in changes
    assert "editor-kim" in changes
    assert history.status_code == 200
    assert "삭제된 항목입니다" in history.content.decode()
    assert not Engagement.objects.filter(pk=engagement.pk).exists()


def test_stop_segment_and_member_have_their_own_history(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    segment = TravelSegment.objects.create(
        trip=trip,
        origin="제네바",
        destination="베오그라드",
        departs_at=local_instant(date(2026, 7, 10), time(7, 0), "Europe/Zurich"),
        departure_timezone="Europe/Zurich",
        arrives_at=local_instant(date(2026, 7, 10), time(9, 0), "Europe/Belgrade"),
        arrival_timezone="Europe/Belgrade",
    )
    member = f.DelegationMemberFactory(trip=trip, organisation__name_ko="국세청")
    editor_client.post(
        url("stop_edit", trip.pk, belgrade.pk),
        {
            "city_ko": "베오그라드",
            "country": "RS",
            "timezone": "Europe/Belgrade",
            "arrival_date": "2026-07-10",
            "departure_date": "2026-07-12",
            "dates_note": "면담 2건",
            "revision": 1,
        },
    )

    stop_history = editor_client.get(url("stop_history", trip.pk, belgrade.pk))
    segment_history = editor_client.get(url("segment_history", trip.pk, segment.pk))
    member_history = editor_client.get(url("member_history", trip.pk, member.pk))

    assert '<td class="history-new">면담 2건</td>' in stop_history.content.decode()
    assert "2026년 7월 10일 (금) 07:00 CEST (서울 14:00)" in segment_history.content.decode()
    assert "국세청" in member_history.content.decode()
    assert Stop.history.filter(id=belgrade.pk).first().history_user.username == "editor-kim"
    assert DelegationMember.history.filter(id=member.pk).count() == 1


def test_history_of_an_item_of_another_trip_is_not_shown(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip
    elsewhere = f.EngagementFactory()

    response = editor_client.get(url("engagement_history", trip.pk, elsewhere.pk))

    assert response.status_code == 404


def test_trip_page_links_each_item_to_its_history(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = f.EngagementFactory(stop=belgrade)
    member = f.DelegationMemberFactory(trip=trip)

    content = editor_client.get(trip.get_absolute_url()).content.decode()
    menu = editor_client.get(url("engagement_menu", trip.pk, engagement.pk)).content.decode()

    panel = editor_client.get(url("engagement_edit", trip.pk, engagement.pk)).content.decode()
    assert url("engagement_edit", trip.pk, engagement.pk) in content
    assert url("engagement_menu", trip.pk, engagement.pk) in panel
    assert url("engagement_history", trip.pk, engagement.pk) in menu
    assert url("stop_history", trip.pk, belgrade.pk) in content
    assert url("member_history", trip.pk, member.pk) in content

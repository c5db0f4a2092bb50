"""The trip page as staff read it: the day-by-day programme across stops, local and Seoul
time, time-zone changes, travel in the flow, the side panels, and a fixed query count."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import Engagement, EngagementPerson, TravelSegment
from planner.models import Role
from planner.timezones import local_instant
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


def day_section(content: str, day: date) -> str:
    """The HTML of one day of the programme."""
    anchor = f'id="day-{day.isoformat()}"'
    start = content.index(anchor)
    following = content.find('<section class="prog-day', start + len(anchor))
    return content[start : following if following != -1 else len(content)]


def add_segment(trip, from_stop, to_stop, departs, arrives) -> TravelSegment:
    return TravelSegment.objects.create(
        trip=trip,
        from_stop=from_stop,
        to_stop=to_stop,
        carrier="JU",
        number="JU 231",
        origin=from_stop.city_ko,
        destination=to_stop.city_ko,
        departs_at=departs,
        departure_timezone=from_stop.timezone,
        arrives_at=arrives,
        arrival_timezone=to_stop.timezone,
    )


# The Switzerland–Serbia–Egypt trip from the fixtures ----------------------------------------


def test_fixture_trip_puts_both_10_july_meetings_under_friday_in_belgrade_time_tbd(
    editor_client, loaded_trip
):
    response = editor_client.get(loaded_trip.get_absolute_url())

    friday = day_section(response.content.decode(), date(2026, 7, 10))
    assert "2026년 7월 10일 (금)" in friday
    assert "베오그라드" in friday
    assert "Europe/Belgrade" in friday
    assert "슈네자나 파우노비치 행정자치부 장관 면담" in friday
    assert "미하일로 요바노비치 총리실 정보기술·전자정부실 실장 면담" in friday
    assert friday.count('<span class="tbd">시간 미정</span>') == 2


def test_fixture_trip_puts_the_13_july_forum_under_monday_in_cairo(editor_client, loaded_trip):
    response = editor_client.get(loaded_trip.get_absolute_url())

    monday = day_section(response.content.decode(), date(2026, 7, 13))
    assert "2026년 7월 13일 (월)" in monday
    assert "카이로" in monday
    assert "Africa/Cairo" in monday
    assert "한-이집트 디지털정부 공동협력포럼" in monday
    assert '<span class="tbd">시간 미정</span>' in monday


def test_fixture_trip_marks_the_time_zone_changes_between_stops(editor_client, loaded_trip):
    content = editor_client.get(loaded_trip.get_absolute_url()).content.decode()

    assert "시간대 변경: Europe/Zurich → Europe/Belgrade (+0h)" in day_section(
        content, date(2026, 7, 10)
    )
    assert "시간대 변경: Europe/Belgrade → Africa/Cairo (+1h)" in day_section(
        content, date(2026, 7, 13)
    )


def test_fixture_trip_lists_undated_items_by_stop_after_the_days(editor_client, loaded_trip):
    response = editor_client.get(loaded_trip.get_absolute_url())

    undated = {
        group.stop.city_en: [e.title_ko for e in group.engagements]
        for group in response.context["programme"].undated
    }
    assert undated == {
        "Geneva": ["UNCTAD 「eTrade for all」 출범 10주년 기념 고위급 대화"],
        "Belgrade": ["한-세르비아 디지털정부 협력센터 성과 점검"],
        "Cairo": ["라파트 헨디 통신정보기술부 장관 양자 면담"],
    }
    content = response.content.decode()
    assert content.index('id="day-2026-07-15"') < content.index('id="undated"')


def test_fixture_trip_shows_seoul_time_beside_a_timed_meeting(editor_client, loaded_trip):
    """Belgrade 10:00 (CEST, UTC+2) is 17:00 in Seoul (KST, UTC+9)."""
    meeting = Engagement.objects.get(ref="eng-2026-07-serbia-paunovic")
    meeting.starts_at = local_instant(date(2026, 7, 10), time(10, 0), "Europe/Belgrade")
    meeting.ends_at = local_instant(date(2026, 7, 10), time(11, 0), "Europe/Belgrade")
    meeting.save()

    friday = day_section(
        editor_client.get(loaded_trip.get_absolute_url()).content.decode(), date(2026, 7, 10)
    )

    item = friday[friday.index(f'id="engagement-{meeting.pk}"') :]
    item = item[: item.index("</li>")]
    assert "10:00~11:00" in item
    assert "CEST" in item
    assert "서울 17:00~18:00" in item
    assert friday.count('<span class="tbd">시간 미정</span>') == 1


def test_every_timed_item_carries_seoul_time(editor_client, loaded_trip):
    cairo = loaded_trip.stops.get(city_en="Cairo")
    forum = Engagement.objects.get(forum__isnull=False)
    forum.starts_at = local_instant(date(2026, 7, 13), time(9, 30), cairo.timezone)
    forum.save()

    content = editor_client.get(loaded_trip.get_absolute_url()).content.decode()

    local_times = re.findall(r'<span class="time-local">', content)
    seoul_times = re.findall(r'<span class="time-seoul">', content)
    assert len(local_times) == len(seoul_times) == 1
    assert "서울 15:30" in content  # Cairo is UTC+3 in July 2026


# Times, days and travel -----------------------------------------------------------------------


def test_a_late_evening_meeting_is_marked_next_day_in_seoul(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    f.EngagementFactory(
        stop=belgrade,
        starts_at=datetime(2026, 7, 11, 20, 0, tzinfo=ZoneInfo("Europe/Belgrade")),
        date=date(2026, 7, 11),
    )

    saturday = day_section(
        editor_client.get(trip.get_absolute_url()).content.decode(), date(2026, 7, 11)
    )

    assert "서울 03:00" in saturday
    assert '<span class="day-offset"' in saturday
    assert "(+1)" in saturday


def test_a_flight_sits_in_the_day_flow_in_both_zones(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    departs = datetime(2026, 7, 10, 7, 0, tzinfo=ZoneInfo("Europe/Zurich"))
    arrives = datetime(2026, 7, 10, 9, 0, tzinfo=ZoneInfo("Europe/Belgrade"))
    segment = add_segment(trip, geneva, belgrade, departs, arrives)
    meeting = f.EngagementFactory(
        stop=belgrade, starts_at=local_instant(date(2026, 7, 10), time(14, 0), "Europe/Belgrade")
    )
    untimed = f.EngagementFactory(stop=belgrade, date=date(2026, 7, 10), title_ko="센터 방문")

    friday = day_section(
        editor_client.get(trip.get_absolute_url()).content.decode(), date(2026, 7, 10)
    )

    positions = [
        friday.index(f'id="segment-{segment.pk}"'),
        friday.index("시간대 변경: Europe/Zurich → Europe/Belgrade (+0h)"),
        friday.index(f'id="engagement-{meeting.pk}"'),
        friday.index(f'id="engagement-{untimed.pk}"'),
    ]
    assert positions == sorted(positions)
    flight = friday[positions[0] : positions[1]]
    assert "07:00" in flight
    assert "서울 14:00" in flight
    assert "09:00" in flight
    assert "서울 16:00" in flight


def test_tentative_confirmed_and_cancelled_look_different(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    for status in Engagement.Status:
        f.EngagementFactory(stop=belgrade, status=status, date=date(2026, 7, 11))

    saturday = day_section(
        editor_client.get(trip.get_absolute_url()).content.decode(), date(2026, 7, 11)
    )

    assert 'class="engagement is-tentative is-untimed"' in saturday
    assert 'class="engagement is-confirmed is-untimed"' in saturday
    assert 'class="engagement is-cancelled is-untimed"' in saturday
    assert "status-cancelled" in saturday


def test_every_day_of_the_trip_is_listed_even_without_items(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    response = editor_client.get(trip.get_absolute_url())

    days = [day.day for day in response.context["programme"].days]
    assert days == [date(2026, 7, n) for n in range(8, 16)]
    assert "아직 일정 없음" in response.content.decode()


# Side panels ----------------------------------------------------------------------------------


def test_side_panels_show_delegation_counterparts_forums_source_and_contacts(
    editor_client, loaded_trip
):
    response = editor_client.get(loaded_trip.get_absolute_url())

    content = response.content.decode()
    delegation = content[content.index('id="delegation"') : content.index('id="counterparts"')]
    assert "K-AI Gov 얼라이언스 사절단" in delegation
    assert "6개 기관 중 2개 기관 명시" in delegation
    for agency in ("법제처", "국세청", "대표단장"):
        assert agency in delegation
    counterparts = content[content.index('id="counterparts"') : content.index('id="forums"')]
    for name in ("슈네자나 파우노비치", "미하일로 요바노비치", "라파트 헨디"):
        assert name in counterparts
    forums = content[content.index('id="forums"') : content.index('id="agreements"')]
    assert "한-이집트 디지털정부 공동협력포럼" in forums
    assert loaded_trip.document.get_absolute_url() in content
    assert "인공지능정부협력과" in content
    rows = [met.line.side for met in response.context["counterparts"]]
    assert set(rows) == {EngagementPerson.Side.COUNTERPART}


def test_each_region_reloads_alone_for_htmx(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    for region in ("programme", "conflicts", "stops", "segments", "delegation", "summary"):
        response = editor_client.get(trip.get_absolute_url(), headers=htmx(region))
        content = response.content.decode()
        assert "<html" not in content
        assert f'id="{region}"' in content.split(">", 1)[0]


def test_the_trip_page_links_the_print_view_and_the_history(editor_client, belgrade_trip):
    trip, _, _ = belgrade_trip

    content = editor_client.get(trip.get_absolute_url()).content.decode()

    assert reverse("itineraries:trip_print", args=[trip.pk]) in content
    assert reverse("itineraries:trip_history", args=[trip.pk]) in content
    assert reverse("itineraries_ical:trip", args=[trip.pk]) in content


def test_the_trip_page_in_english(editor_client, loaded_trip):
    response = editor_client.get(loaded_trip.get_absolute_url(), headers={"Accept-Language": "en"})

    friday = day_section(response.content.decode(), date(2026, 7, 10))
    assert "Fri 10 July 2026" in friday
    assert "Time TBD" in friday
    assert "Time zone change: Europe/Zurich → Europe/Belgrade (+0h)" in friday


# The query count does not grow with the engagements -------------------------------------------


@pytest.mark.parametrize("count", [10, 200])
def test_trip_page_query_count_does_not_grow_with_engagements(
    editor_client, django_assert_num_queries, belgrade_trip, count
):
    trip, geneva, belgrade = belgrade_trip
    venue = f.VenueFactory(timezone="Europe/Belgrade")
    forum = f.ForumFactory()
    people = [f.PersonFactory() for _ in range(3)]
    group = f.DelegationGroupFactory(trip=trip)
    engagements = Engagement.objects.bulk_create(
        Engagement(
            trip=trip,
            stop=belgrade if n % 2 else geneva,
            title_ko=f"면담 {n}",
            date=date(2026, 7, 10),
            starts_at=(
                local_instant(date(2026, 7, 10), time(8 + n % 10), "Europe/Belgrade")
                if n % 3
                else None
            ),
            venue=venue if n % 2 else None,
            forum=forum if n % 5 == 0 else None,
            status=Engagement.Status.TENTATIVE if n % 4 else Engagement.Status.CANCELLED,
            order=n,
        )
        for n in range(count)
    )
    EngagementPerson.objects.bulk_create(
        EngagementPerson(
            engagement=engagement,
            person=people[n % 3],
            role=Role.COUNTERPART,
            side=EngagementPerson.Side.COUNTERPART,
        )
        for n, engagement in enumerate(engagements)
    )
    EngagementPerson.objects.bulk_create(
        EngagementPerson(
            engagement=engagement, printed_as="김민재 차관", role=Role.HEAD, side="ours"
        )
        for engagement in engagements
    )
    for n in range(count // 10):
        add_segment(
            trip,
            geneva,
            belgrade,
            datetime(2026, 7, 9, 6, n, tzinfo=ZoneInfo("Europe/Zurich")),
            datetime(2026, 7, 9, 8, n, tzinfo=ZoneInfo("Europe/Belgrade")),
        )
        member = f.DelegationMemberFactory(trip=trip, group=group, person=f.PersonFactory())
        f.StayFactory(trip=trip).members.add(member)

    # session, user, the user's groups (may they edit?), trip, stops, engagements,
    # engagement people, members, groups, agreements, contacts, segments, stays, who stays
    with django_assert_num_queries(15):
        response = editor_client.get(trip.get_absolute_url())

    assert response.context["programme"].engagement_count == count
    assert response.content.decode().count('class="engagement is-') == count

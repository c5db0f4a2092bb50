"""Trip pages: the list and one trip's itinerary, as staff read them."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itineraries.models import Engagement, Trip
from planner.models import Contact, Role
from tests import factories as f

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def staff_client(client):
    client.force_login(f.UserFactory())
    return client


@pytest.fixture
def belgrade_trip():
    """A trip shaped like the vice-minister's: a stop, timed, untimed and undated meetings."""
    document = f.SourceDocumentFactory(title="국제사회와 'AI 민주정부' 비전 공유")
    trip = f.TripFactory(
        title_ko="김민재 차관 스위스·세르비아·이집트 방문",
        head__name_ko="김민재",
        head__name_latin="Kim Min-jae",
        document=document,
    )
    stop = f.StopFactory(trip=trip, order=2, dates_note="도착·출발일은 보도자료에 없음.")
    return trip, stop


def test_trip_list_redirects_anonymous_users_to_login(client):
    url = reverse("itineraries:trip_list")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_trip_detail_redirects_anonymous_users_to_login(client, belgrade_trip):
    trip, _ = belgrade_trip

    response = client.get(trip.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_trip_list_shows_title_dates_cities_and_status(staff_client, belgrade_trip):
    trip, _ = belgrade_trip

    response = staff_client.get(reverse("itineraries:trip_list"))

    content = response.content.decode()
    assert trip.title_ko in content
    assert "2026년 7월 8일 (수) ~ 7월 15일 (수)" in content
    assert "베오그라드" in content
    assert "status-planned" in content


def test_trip_list_search_keeps_only_matching_trips(staff_client, belgrade_trip):
    trip, _ = belgrade_trip
    other = f.TripFactory(title_ko="장관 미국 방문")

    response = staff_client.get(reverse("itineraries:trip_list"), {"q": "세르비아"})

    titles = [row.record.title_ko for row in response.context["table"].rows]
    assert titles == [trip.title_ko]
    assert other.title_ko not in response.content.decode()


def test_trip_list_filters_by_status(staff_client):
    f.TripFactory(title_ko="확정된 출장", status=Trip.Status.CONFIRMED)
    f.TripFactory(title_ko="초안 출장", status=Trip.Status.DRAFT)

    response = staff_client.get(reverse("itineraries:trip_list"), {"status": "draft"})

    titles = [row.record.title_ko for row in response.context["table"].rows]
    assert titles == ["초안 출장"]


def test_trip_list_htmx_request_gets_only_the_table(staff_client, belgrade_trip):
    trip, _ = belgrade_trip

    response = staff_client.get(
        reverse("itineraries:trip_list"),
        {"sort": "title"},
        headers={"HX-Request": "true", "HX-Target": "table-region"},
    )

    content = response.content.decode()
    assert "<html" not in content
    assert content.lstrip().startswith('<div id="table-region"')
    assert trip.title_ko in content


@pytest.mark.parametrize("count", [1, 10])
def test_trip_list_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    for _ in range(count):
        f.StopFactory(trip=f.TripFactory())

    # session, user, the user's groups (may they add a trip?), years and countries offered
    # by the filters, count, page of trips, their stops
    with django_assert_num_queries(8):
        response = staff_client.get(reverse("itineraries:trip_list"))

    assert len(response.context["table"].rows) == count


def test_trip_detail_shows_head_ministry_dates_and_document(staff_client, belgrade_trip):
    trip, _ = belgrade_trip

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "김민재 (Kim Min-jae)" in content
    assert trip.organisation.name_ko in content
    assert "2026년 7월 8일 (수) ~ 7월 15일 (수)" in content
    assert trip.document.get_absolute_url() in content


def test_trip_detail_shows_stop_with_country_zone_and_dates_note(staff_client, belgrade_trip):
    trip, _ = belgrade_trip

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "세르비아" in content
    assert "Europe/Belgrade" in content
    assert "도착·출발일은 보도자료에 없음." in content
    assert "날짜 미정" in content


def test_trip_detail_shows_local_time_and_seoul_time_with_next_day_mark(
    staff_client, belgrade_trip
):
    trip, stop = belgrade_trip
    f.EngagementFactory(
        stop=stop,
        title_ko="만찬",
        starts_at=datetime(2026, 7, 10, 18, 0, tzinfo=BELGRADE),
        ends_at=datetime(2026, 7, 10, 20, 0, tzinfo=BELGRADE),
    )

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "18:00~20:00" in content
    assert "CEST" in content
    assert "서울 01:00~03:00" in content
    assert "(+1)" in content


def test_trip_detail_groups_engagements_by_local_date(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    f.EngagementFactory(stop=stop, title_ko="7월 10일 면담", date=date(2026, 7, 10))
    f.EngagementFactory(stop=stop, title_ko="7월 11일 방문", date=date(2026, 7, 11))

    response = staff_client.get(trip.get_absolute_url())

    days = [day.day for day in response.context["programme"].days if not day.is_empty]
    assert days == [date(2026, 7, 10), date(2026, 7, 11)]
    content = response.content.decode()
    assert content.index("2026년 7월 10일 (금)") < content.index("2026년 7월 11일 (토)")


def test_trip_detail_shows_time_tbd_and_date_tbd_with_its_note(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    f.EngagementFactory(stop=stop, title_ko="장관 면담", date=date(2026, 7, 10))
    f.EngagementFactory(stop=stop, title_ko="센터 방문", date=None, date_note="날짜 미기재")

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "시간 미정" in content
    assert "날짜 미정" in content
    assert "날짜 미기재" in content
    programme = response.context["programme"]
    assert [d.day for d in programme.days if not d.is_empty] == [date(2026, 7, 10)]
    assert [e.title_ko for g in programme.undated for e in g.engagements] == ["센터 방문"]


def test_trip_detail_marks_each_status_with_its_own_badge(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    for status in Engagement.Status:
        f.EngagementFactory(stop=stop, title_ko=f"{status} 일정", status=status)

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert 'class="krds-badge bg-light-warning status-tentative">잠정<' in content
    assert 'class="krds-badge bg-light-success status-confirmed">확정<' in content
    assert 'class="krds-badge bg-danger status-cancelled">취소<' in content
    assert "engagement is-cancelled" in content


def test_trip_detail_lists_counterparts_with_both_names_position_and_print(
    staff_client, belgrade_trip
):
    trip, stop = belgrade_trip
    engagement = f.EngagementFactory(stop=stop, title_ko="행정자치부 장관 면담")
    f.EngagementPersonFactory(
        engagement=engagement,
        person__name_ko="슈네자나 파우노비치",
        person__name_latin="Snežana Paunović",
        person__position_ko="행정자치부 장관",
        printed_as="슈네자나 파우노비치(Snežana Paunović) 행정자치부 장관",
    )

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "슈네자나 파우노비치 (Snežana Paunović)" in content
    assert "행정자치부 장관" in content
    assert "문서 표기: “슈네자나 파우노비치(Snežana Paunović) 행정자치부 장관”" in content


def test_trip_detail_shows_stated_agency_count_against_named_members(staff_client, belgrade_trip):
    trip, _ = belgrade_trip
    group = f.DelegationGroupFactory(trip=trip, name="K-AI Gov 얼라이언스 사절단", agency_count=6)
    f.DelegationMemberFactory(trip=trip, group=group, organisation__name_ko="법제처")
    f.DelegationMemberFactory(trip=trip, group=group, organisation__name_ko="국세청")

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert "K-AI Gov 얼라이언스 사절단" in content
    assert "6개 기관 중 2개 기관 명시" in content
    assert "법제처" in content
    assert "국세청" in content


def test_trip_detail_links_agreement_forum_and_lists_contacts(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    agreement = f.AgreementFactory(title_ko="디지털정부 협력센터 양해각서")
    trip.agreements.add(agreement)
    forum = f.ForumFactory(title_ko="한-이집트 디지털정부 공동협력포럼")
    f.EngagementFactory(stop=stop, title_ko="공동협력포럼", forum=forum)
    contact = f.ContactFactory(
        department__name_ko="인공지능정부협력과",
        person__name_ko="최혜선",
        rank="과장",
        phone="044-205-2781",
        responsibility=Contact.Responsibility.RESPONSIBLE,
    )
    trip.contacts.add(contact)

    response = staff_client.get(trip.get_absolute_url())

    content = response.content.decode()
    assert agreement.get_absolute_url() in content
    assert forum.get_absolute_url() in content
    for text in ("인공지능정부협력과", "책임자", "과장", "최혜선", "044-205-2781"):
        assert text in content


def test_trip_detail_in_english_shows_english_dates_and_labels(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    f.EngagementFactory(stop=stop, date=date(2026, 7, 10))

    response = staff_client.get(trip.get_absolute_url(), headers={"Accept-Language": "en"})

    content = response.content.decode()
    assert "Fri 10 July 2026" in content
    assert "Time TBD" in content
    assert "head of delegation" in content


def test_trip_detail_unknown_trip_is_404(staff_client):
    response = staff_client.get(reverse("itineraries:trip_detail", args=[999]))

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 10])
def test_trip_detail_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    trip = f.TripFactory()
    group = f.DelegationGroupFactory(trip=trip)
    for n in range(count):
        stop = f.StopFactory(trip=trip)
        engagement = f.EngagementFactory(stop=stop, venue=f.VenueFactory(), forum=f.ForumFactory())
        f.EngagementPersonFactory(engagement=engagement, role=Role.COUNTERPART)
        f.EngagementPersonFactory(engagement=engagement, person=None, printed_as=f"참석자 {n}")
        f.DelegationMemberFactory(trip=trip, group=group)
        trip.agreements.add(f.AgreementFactory())
        trip.contacts.add(f.ContactFactory())

    # session, user, the user's groups (may they edit?), trip, stops, engagements,
    # engagement people, members, groups, agreements, contacts, segments, stays
    with django_assert_num_queries(14):
        response = staff_client.get(trip.get_absolute_url())

    assert response.context["programme"].engagement_count == count


def test_trip_list_filters_by_destination_country_and_year(staff_client):
    serbia = f.StopFactory(trip=f.TripFactory(title_ko="세르비아 출장"), country="RS").trip
    f.StopFactory(
        trip=f.TripFactory(title_ko="영국 출장"), country="GB", city_ko="런던", city_en="London"
    )
    f.TripFactory(
        title_ko="지난해 세르비아 출장", start_date=date(2025, 5, 1), end_date=date(2025, 5, 3)
    )

    by_country = staff_client.get(reverse("itineraries:trip_list"), {"country": "RS"})
    by_year = staff_client.get(reverse("itineraries:trip_list"), {"year": "2025"})

    assert [row.record for row in by_country.context["table"].rows] == [serbia]
    assert [row.record.title_ko for row in by_year.context["table"].rows] == [
        "지난해 세르비아 출장"
    ]
    content = by_country.content.decode()
    assert '<option value="RS" selected>세르비아</option>' in content
    assert '<option value="2025">2025</option>' in content


def test_trip_list_search_finds_a_trip_by_its_counterpart(staff_client, belgrade_trip):
    trip, stop = belgrade_trip
    engagement = f.EngagementFactory(stop=stop)
    f.EngagementPersonFactory(engagement=engagement, person__name_latin="Snežana Paunović")
    f.TripFactory(title_ko="장관 미국 방문")

    response = staff_client.get(reverse("itineraries:trip_list"), {"q": "Paunović"})

    assert [row.record for row in response.context["table"].rows] == [trip]


def test_trip_list_shows_destination_countries(staff_client, belgrade_trip):
    response = staff_client.get(reverse("itineraries:trip_list"))

    assert '베오그라드 <span class="muted">(세르비아)</span>' in response.content.decode()

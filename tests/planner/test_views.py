"""Core pages: home, agreements, people, organisations, source documents, login, layout."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from planner.models import DatePrecision, DocumentNote, FollowUp, Organisation
from tests import factories as f

pytestmark = pytest.mark.django_db

BLOG = (
    '<p data-ke-size="size16">2023년 22일(현지시간), 행정안전부가 <b>'
    '<span style="color: #ee2323;">양해각서(MOU)</span></b>를 체결하였습니다.</p>\n'
    "<script>alert(1)</script>\n"
    "두 번째 줄"
)


@pytest.fixture
def staff_client(client):
    client.force_login(f.UserFactory())
    return client


@pytest.mark.parametrize(
    "name",
    [
        "planner:agreement_list",
        "planner:person_list",
        "planner:organisation_list",
        "planner:document_list",
    ],
)
def test_core_pages_redirect_anonymous_users_to_login(client, name):
    url = reverse(name)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_detail_pages_redirect_anonymous_users_to_login(client):
    agreement = f.AgreementFactory()
    person = f.PersonFactory()
    document = f.SourceDocumentFactory()
    urls = [
        agreement.get_absolute_url(),
        person.get_absolute_url(),
        person.organisation.get_absolute_url(),
        document.get_absolute_url(),
    ]

    locations = [client.get(url)["Location"] for url in urls]

    assert locations == [f"{reverse('login')}?next={url}" for url in urls]


def test_login_page_is_korean_and_posts_to_login(client):
    response = client.get(reverse("login"))

    content = response.content.decode()
    assert '<html lang="ko">' in content
    assert "로그인" in content
    assert "아이디" in content
    assert "비밀번호" in content
    assert f'action="{reverse("login")}"' in content


def test_login_with_valid_credentials_lands_on_home(client):
    get_user_model().objects.create_user("desk", password="a-long-test-password")

    response = client.post(
        reverse("login"), {"username": "desk", "password": "a-long-test-password"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "대표단·행사 일정 관리" in response.content.decode()


def test_layout_has_navigation_language_switch_and_post_logout(staff_client):
    response = staff_client.get(reverse("home"))

    content = response.content.decode()
    for name in (
        "itineraries:trip_list",
        "forums:forum_list",
        "planner:agreement_list",
        "planner:person_list",
        "planner:organisation_list",
        "planner:document_list",
    ):
        assert f'href="{reverse(name)}"' in content
    assert f'action="{reverse("set_language")}" method="post"' in content
    assert f'action="{reverse("logout")}" method="post"' in content
    assert 'hx-headers=\'{"X-CSRFToken": "' in content
    assert 'href="#main"' in content
    assert "<style" not in content
    assert 'style="' not in content
    assert "<script>" not in content


def test_language_switch_shows_english(staff_client):
    staff_client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = staff_client.get(reverse("home"))

    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Delegation & Event Planner" in content
    assert "Source documents" in content


def test_home_splits_upcoming_and_recent_around_today(staff_client):
    f.TripFactory(title_ko="지난 출장", start_date=date(2024, 7, 1), end_date=date(2024, 7, 5))
    f.TripFactory(title_ko="다음 출장", start_date=date(2099, 1, 1), end_date=date(2099, 1, 5))
    f.ForumFactory(title_ko="지난 포럼", date=date(2024, 11, 14))

    response = staff_client.get(reverse("home"))

    assert [t.title_ko for t in response.context["upcoming_trips"]] == ["다음 출장"]
    assert [t.title_ko for t in response.context["recent_trips"]] == ["지난 출장"]
    assert [x.title_ko for x in response.context["recent_forums"]] == ["지난 포럼"]
    assert response.context["counts"]["trips"] == 2
    content = response.content.decode()
    assert "다가오는 포럼이 없습니다." in content


def test_home_lists_agreements_expiring_within_a_year(staff_client):
    today = timezone.localdate()
    five_years_ago = today.replace(year=today.year - 5, day=1)
    soon = f.AgreementFactory(
        title_ko="곧 만료되는 협정",
        in_force_from=five_years_ago + timedelta(days=40),
        validity_years=5,
    )
    f.AgreementFactory(title_ko="오래 유효한 협정", in_force_from=today, validity_years=5)

    response = staff_client.get(reverse("home"))

    assert response.context["expiring_agreements"] == [soon]
    content = response.content.decode()
    assert "곧 만료되는 협정" in content
    assert "오래 유효한 협정" not in content


def test_agreement_list_shows_parties_and_month_precision(staff_client):
    agreement = f.AgreementFactory(
        title_ko="한-이집트 디지털정부 협력센터 양해각서",
        signed_on=date(2025, 11, 1),
        signed_on_precision=DatePrecision.MONTH,
        in_force_from=None,
        validity_years=None,
    )
    agreement.parties.add(f.OrganisationFactory(name_ko="행정안전부"))

    response = staff_client.get(reverse("planner:agreement_list"))

    content = response.content.decode()
    assert "한-이집트 디지털정부 협력센터 양해각서" in content
    assert "2025년 11월" in content
    assert "2025년 11월 1일" not in content
    assert "행정안전부" in content


@pytest.mark.parametrize("count", [1, 10])
def test_agreement_list_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    for _ in range(count):
        f.AgreementFactory().parties.add(f.OrganisationFactory())

    # session, user, count, page, parties
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("planner:agreement_list"))

    assert len(response.context["table"].rows) == count


def test_agreement_detail_shows_validity_areas_follow_ups_and_trips(staff_client):
    document = f.SourceDocumentFactory(title="디지털정부협력 한영 양해각서 서명 즉시 발효!")
    agreement = f.AgreementFactory(
        title_ko="한-영 디지털정부 협력에 관한 양해각서",
        signed_place="영국 런던",
        document=document,
    )
    f.CooperationAreaFactory(agreement=agreement, name_ko="클라우드 신기술 도입")
    f.FollowUpFactory(
        agreement=agreement,
        kind=FollowUp.Kind.ROADMAP,
        title="로드맵 마련",
        partner=f.OrganisationFactory(name_ko="디지털정부청"),
        due_text="내년 초까지",
    )
    trip = f.TripFactory(title_ko="후속 출장")
    trip.agreements.add(agreement)

    response = staff_client.get(agreement.get_absolute_url())

    content = response.content.decode()
    for text in (
        "2023년 11월 22일 (수)",
        "영국 런던",
        "5년",
        "2028년 11월 21일 (화)",
        "클라우드 신기술 도입",
        "로드맵",
        "디지털정부청",
        "“내년 초까지”",
        "후속 출장",
        document.get_absolute_url(),
    ):
        assert text in content


def test_person_detail_lists_roles_and_staff_only_contacts(staff_client):
    person = f.PersonFactory(
        name_ko="김민재", name_latin="Kim Min-jae", email="kim@example.org", phone="044-1"
    )
    trip = f.TripFactory(title_ko="차관 순방", head=person)
    f.EngagementPersonFactory(engagement__stop__trip=trip, person=person, printed_as="김민재 차관")
    f.SessionPersonFactory(person=person, session__title_ko="개회사")
    f.ContactFactory(person=person, department__name_ko="혁신기획과")

    response = staff_client.get(person.get_absolute_url())

    content = response.content.decode()
    for text in ("김민재", "Kim Min-jae", "kim@example.org", "044-1", "차관 순방", "김민재 차관"):
        assert text in content
    assert "개회사" in content
    assert "혁신기획과" in content
    assert "직원 전용" in content


def test_person_detail_hides_contact_details_from_non_staff(client):
    client.force_login(f.UserFactory(is_staff=False))
    person = f.PersonFactory(email="kim@example.org")

    response = client.get(person.get_absolute_url())

    assert "kim@example.org" not in response.content.decode()


def test_person_list_search_by_latin_name(staff_client):
    f.PersonFactory(name_ko="슈네자나 파우노비치", name_latin="Snežana Paunović")
    f.PersonFactory(name_ko="라파트 헨디", name_latin="Raafat Hendy")

    response = staff_client.get(reverse("planner:person_list"), {"q": "Paunović"})

    names = [row.record.name_ko for row in response.context["table"].rows]
    assert names == ["슈네자나 파우노비치"]


@pytest.mark.parametrize("count", [1, 10])
def test_person_list_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    f.PersonFactory.create_batch(count)

    # session, user, organisation choices, count, page
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("planner:person_list"))

    assert len(response.context["table"].rows) == count


def test_organisation_detail_shows_parent_chain_units_and_people(staff_client):
    ministry = f.OrganisationFactory(name_ko="행정안전부")
    office = f.OrganisationFactory(
        name_ko="인공지능정부실", parent=ministry, kind=Organisation.Kind.OFFICE
    )
    division = f.OrganisationFactory(
        name_ko="인공지능정부협력과", parent=office, kind=Organisation.Kind.DIVISION
    )
    f.PersonFactory(name_ko="최혜선", organisation=division)

    response = staff_client.get(division.get_absolute_url())

    assert response.context["chain"] == [ministry, office]
    content = response.content.decode()
    assert content.index("행정안전부") < content.index("인공지능정부실")
    assert "최혜선" in content
    office_page = staff_client.get(office.get_absolute_url()).content.decode()
    assert division.get_absolute_url() in office_page


@pytest.mark.parametrize("count", [1, 10])
def test_organisation_list_query_count_does_not_grow(
    staff_client, django_assert_num_queries, count
):
    for _ in range(count):
        f.OrganisationFactory(parent=f.OrganisationFactory())

    # session, user, country choices, count, page
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("planner:organisation_list"))

    assert len(response.context["table"].rows) == 2 * count


def test_document_detail_shows_the_blog_html_as_escaped_text(staff_client):
    document = f.SourceDocumentFactory(title="한영 양해각서", text=BLOG)

    response = staff_client.get(document.get_absolute_url())

    content = response.content.decode()
    assert "&lt;p data-ke-size=&quot;size16&quot;&gt;" in content
    assert "&lt;span style=&quot;color: #ee2323;&quot;&gt;" in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert '<span style="color: #ee2323;">' not in content
    assert "<script>alert(1)</script>" not in content
    assert '<pre class="source-text"' in content
    assert "\n두 번째 줄" in content


def test_document_detail_shows_notes_and_the_data_that_came_from_it(staff_client):
    document = f.SourceDocumentFactory()
    f.DocumentNoteFactory(
        document=document, kind=DocumentNote.Kind.DISCREPANCY, subject="오케스트로 / 오케스트라"
    )
    f.DocumentNoteFactory(document=document, kind=DocumentNote.Kind.OMISSION, subject="축사 연사")
    trip = f.TripFactory(document=document)
    forum = f.ForumFactory(document=document)
    agreement = f.AgreementFactory(document=document)
    f.ContactFactory(document=document, person__name_ko="전창석")

    response = staff_client.get(document.get_absolute_url())

    content = response.content.decode()
    assert "불일치" in content
    assert "오케스트로 / 오케스트라" in content
    assert "미기재" in content
    for url in (trip.get_absolute_url(), forum.get_absolute_url(), agreement.get_absolute_url()):
        assert url in content
    assert "전창석" in content


@pytest.mark.parametrize("count", [1, 10])
def test_document_list_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    for _ in range(count):
        f.DocumentNoteFactory()

    # session, user, groups (may they import a document?), count, page
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("planner:document_list"))

    assert len(response.context["table"].rows) == count

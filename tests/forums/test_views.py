"""Forum pages: the list, and one forum with its 시간 계획 table as the events team prints it."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from forums.models import ForumOrganiser
from planner.models import Role
from tests import factories as f

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def staff_client(client):
    client.force_login(f.UserFactory())
    return client


def session_at(forum, order, hour, minute, minutes, title, notes=""):
    # Pinned: rows picked from the seed table keep the clock times it prints (the gaps
    # between them are the rows left out), rather than cascading from the forum's start.
    return f.SessionFactory(
        forum=forum,
        order=order,
        title_ko=title,
        minutes=minutes,
        starts_at=datetime(2024, 11, 14, hour, minute, tzinfo=SEOUL),
        notes=notes,
        is_pinned=True,
    )


@pytest.fixture
def government_forum():
    """The 6th government-innovation forum, with the rows the seed plan prints."""
    forum = f.ForumFactory(
        title_ko="제6회 정부혁신 미래전략 포럼",
        livestream_url="https://www.youtube.com/withyou3542",
        livestream_starts_at=datetime(2024, 11, 14, 15, 0, tzinfo=SEOUL),
        livestream_ends_at=datetime(2024, 11, 14, 17, 0, tzinfo=SEOUL),
        capacity=200,
        audience="중앙부처·지자체 공무원 (사전신청)",
        linked_event="2024 대한민국 정부 박람회",
    )
    f.ForumOrganiserFactory(forum=forum, organisation__name_ko="행정안전부")
    f.ForumOrganiserFactory(
        forum=forum, organisation__name_ko="한국행정연구원", role=ForumOrganiser.Role.CO_HOST
    )
    f.ForumPersonFactory(forum=forum, role=Role.MC, printed_as="한국행정연구원 엄지선 연구위원")
    session_at(forum, 1, 14, 50, 10, "사전환담")
    opening = session_at(forum, 2, 15, 0, 3, "개회사", notes="한국행정 연구원장")
    f.SessionPersonFactory(session=opening, role=Role.SPEAKER, printed_as="한국행정 연구원장")
    talks = session_at(forum, 6, 15, 15, 30, "발제", notes="발제자 2명")
    f.SessionItemFactory(
        session=talks,
        order=1,
        marker="①",
        title_ko="정부혁신을 위한 공공부문 AI 도입 추진 사례와 거버넌스",
        printed_as="조세현 한국행정연구원 선임연구위원",
    )
    f.SessionItemFactory(
        session=talks,
        order=2,
        marker="②",
        title_ko="인공지능 전환(AI) 시대의 정부혁신 과제와 추진 방향",
        printed_as="정부만 한국지능정보사회진흥원 디지털플랫폼정부 본부장",
    )
    panel = session_at(forum, 7, 15, 45, 40, "주제를토론", notes="토론자 6명")
    f.SessionPersonFactory(
        session=panel, role=Role.MODERATOR, printed_as="김영미 상명대학교 행정학부 교수", order=0
    )
    for n, name in enumerate(["박소아 원장(오케스트라)", "김준형 교수(순천대학교)"], start=1):
        f.SessionPersonFactory(session=panel, role=Role.PANELIST, printed_as=name, order=n)
    qa = session_at(forum, 8, 16, 25, 30, "질의응답", notes="좌장")
    f.SessionPersonFactory(session=qa, role=Role.MODERATOR, printed_as="좌장")
    return forum


def test_forum_list_redirects_anonymous_users_to_login(client):
    url = reverse("forums:forum_list")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_forum_detail_redirects_anonymous_users_to_login(client, government_forum):
    response = client.get(government_forum.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_forum_list_shows_series_edition_date_and_organisers(staff_client, government_forum):
    response = staff_client.get(reverse("forums:forum_list"))

    content = response.content.decode()
    assert "제6회 정부혁신 미래전략 포럼" in content
    assert "정부혁신 미래전략 포럼 · 제6회" in content
    assert "2024년 11월 14일 (목)" in content
    assert "행정안전부, 한국행정연구원" in content


def test_forum_list_search_keeps_only_matching_forums(staff_client, government_forum):
    f.ForumFactory(title_ko="한-이집트 디지털정부 공동협력포럼", theme_ko="공공 AI")

    response = staff_client.get(reverse("forums:forum_list"), {"q": "이집트"})

    titles = [row.record.title_ko for row in response.context["table"].rows]
    assert titles == ["한-이집트 디지털정부 공동협력포럼"]


@pytest.mark.parametrize("count", [1, 10])
def test_forum_list_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    for _ in range(count):
        f.ForumOrganiserFactory(forum=f.ForumFactory())

    # session, user, series choices, count, page of forums, their organisers
    with django_assert_num_queries(6):
        response = staff_client.get(reverse("forums:forum_list"))

    assert len(response.context["table"].rows) == count


def test_forum_detail_shows_overview_facts(staff_client, government_forum):
    response = staff_client.get(government_forum.get_absolute_url())

    content = response.content.decode()
    assert "2024년 11월 14일 (목)" in content
    assert "15:00~17:00" in content
    assert "KST" in content
    assert "김대중컨벤션센터 208~213호" in content
    assert "정부혁신을 위한 공공부문 AI 활용" in content
    assert "2024 대한민국 정부 박람회" in content
    assert "200명" in content
    assert "중앙부처·지자체 공무원 (사전신청)" in content
    assert 'href="https://www.youtube.com/withyou3542"' in content
    assert "주최" in content
    assert "공동 주최" in content


def test_forum_detail_run_of_show_has_the_seed_columns_and_rows(staff_client, government_forum):
    response = staff_client.get(government_forum.get_absolute_url())

    content = response.content.decode()
    table = content[content.index('class="tbl col data ros-table"') :]
    headers = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert headers[:3] == ["시간", "주요 내용", "비고"]
    assert "(사회: 한국행정연구원 엄지선 연구위원)" in content
    assert [row.title for row in response.context["rows"]] == [
        "사전환담",
        "개회사",
        "발제",
        "주제를토론",
        "질의응답",
    ]
    assert "14:50~15:00" in table
    assert "10&#x27;" in table or "10'" in table
    assert "▶ 발제" in table


def test_forum_detail_run_of_show_prints_items_moderator_and_panel(staff_client, government_forum):
    response = staff_client.get(government_forum.get_absolute_url())

    rows = {row.title: row for row in response.context["rows"]}
    assert rows["발제"].lines == [
        "① 정부혁신을 위한 공공부문 AI 도입 추진 사례와 거버넌스"
        " - 조세현 한국행정연구원 선임연구위원",
        "② 인공지능 전환(AI) 시대의 정부혁신 과제와 추진 방향"
        " - 정부만 한국지능정보사회진흥원 디지털플랫폼정부 본부장",
    ]
    assert rows["주제를토론"].lines == [
        "- 좌장: 김영미 상명대학교 행정학부 교수",
        "- 박소아 원장(오케스트라), 김준형 교수(순천대학교)",
    ]
    # A role line already written in the remarks column is not printed twice.
    assert rows["개회사"].lines == []
    assert rows["질의응답"].lines == []
    content = response.content.decode()
    assert "- 좌장: 김영미 상명대학교 행정학부 교수" in content
    assert "발제자 2명" in content


def test_forum_detail_times_follow_session_start_and_minutes(staff_client):
    forum = f.ForumFactory()
    start = datetime(2024, 11, 14, 15, 45, tzinfo=SEOUL)
    f.SessionFactory(
        forum=forum, order=1, title_ko="토론", minutes=40, starts_at=start, is_pinned=True
    )

    response = staff_client.get(forum.get_absolute_url())

    content = response.content.decode()
    assert "15:45~16:25" in content
    assert "40&#x27;" in content or "40'" in content
    session = response.context["rows"][0].session
    assert session.ends_at == start + timedelta(minutes=40)


def test_forum_detail_shows_times_in_the_venue_zone(staff_client):
    cairo = f.VenueFactory(
        name_ko="카이로 회의장", city_ko="카이로", country="EG", timezone="Africa/Cairo"
    )
    forum = f.ForumFactory(
        venue=cairo,
        starts_at=datetime(2026, 7, 13, 7, 0, tzinfo=ZoneInfo("UTC")),
        ends_at=datetime(2026, 7, 13, 9, 0, tzinfo=ZoneInfo("UTC")),
    )

    response = staff_client.get(forum.get_absolute_url())

    content = response.content.decode()
    assert "10:00~12:00" in content
    assert "Africa/Cairo" in content


def test_forum_detail_links_document_engagement_and_contacts(staff_client, government_forum):
    document = f.SourceDocumentFactory(title="AI시대 정부혁신 방향")
    government_forum.document = document
    government_forum.save()
    government_forum.contacts.add(f.ContactFactory(person__name_ko="고용조", phone="044-205-2201"))
    engagement = f.EngagementFactory(forum=government_forum, title_ko="포럼 참석")

    response = staff_client.get(government_forum.get_absolute_url())

    content = response.content.decode()
    assert document.get_absolute_url() in content
    assert engagement.get_absolute_url() in content
    assert "고용조" in content
    assert "044-205-2201" in content


def test_forum_detail_in_english_uses_english_headings(staff_client, government_forum):
    response = staff_client.get(
        government_forum.get_absolute_url(), headers={"Accept-Language": "en"}
    )

    content = response.content.decode()
    assert "Run of show" in content
    assert "Main content" in content
    assert "(MC: 한국행정연구원 엄지선 연구위원)" in content
    assert "Thu 14 November 2024" in content


@pytest.mark.parametrize("count", [1, 10])
def test_forum_detail_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    forum = f.ForumFactory()
    for n in range(count):
        session = f.SessionFactory(forum=forum, order=n + 1)
        f.SessionItemFactory(session=session, order=1, person=f.PersonFactory())
        f.SessionPersonFactory(session=session, role=Role.MODERATOR, person=f.PersonFactory())
        f.SessionPersonFactory(session=session, role=Role.PANELIST)
        f.ForumOrganiserFactory(forum=forum)
        f.ForumPersonFactory(forum=forum, person=f.PersonFactory())
        forum.contacts.add(f.ContactFactory())
        forum.agreements.add(f.AgreementFactory())
        f.EngagementFactory(forum=forum)

    # session, user, forum, organisers, people, sessions, items, session people,
    # contacts, agreements, engagements
    with django_assert_num_queries(12):
        response = staff_client.get(forum.get_absolute_url())

    assert len(response.context["rows"]) == count


@pytest.mark.parametrize(
    "name", ["forums:forum_detail", "forums:agenda:editor", "forums:attendees:list"]
)
def test_forum_pages_mark_the_forums_menu_item(staff_client, name):
    forum = f.ForumFactory()
    page = staff_client.get(reverse(name, args=[forum.pk])).content.decode()
    menu = page.split('class="app-nav"', 1)[1].split("</nav>", 1)[0]
    current = re.findall(r'<a href="([^"]+)" aria-current="page"', menu)
    assert current == [reverse("forums:forum_list")]

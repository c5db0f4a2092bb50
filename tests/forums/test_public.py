"""The public agenda page: no login, programme and speakers, nothing internal."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.agenda import services
from forums.models import Attendee, Forum, Session
from planner.models import Person
from tests.forums.agenda_helpers import load_forum6, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    forum = load_forum6()
    session = row(forum, 7)
    session.internal_notes = "토론자 도착 확인 필요 (비공개 메모)"
    session.save()
    Person.objects.filter(name_ko="김영미").update(
        email="youngmi@example.ac.kr", phone="010-1234-5678"
    )
    Attendee.objects.create(
        forum=forum,
        name="참가자홍길동",
        organisation_name="행정안전부",
        email="attendee@example.go.kr",
        phone="010-9999-0000",
        notes="채식 식사",
    )
    services.agenda_issue_version(forum=forum)  # the public page shows what was issued
    return forum


def public(client, forum, **params):
    return client.get(reverse("public:forum", args=[forum.pk]), params)


def test_public_page_needs_no_login_and_shows_the_programme(client, forum):
    response = public(client, forum)

    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "제6회 정부혁신 미래전략 포럼",
        "2024년 11월 14일 (목)",
        "15:00~17:00",
        "김대중컨벤션센터",
        "208~213호",
        "https://www.youtube.com/withyou3542",
        "14:50~15:00",
        "▶ 주제를토론",
        "- 좌장: 김영미 상명대학교 행정학부 교수",
        "토론자 6명",
    ):
        assert text in html
    speakers = [(s["name"], s["title"]) for s in response.context["speakers"]]
    assert ("김영미", "상명대학교 행정학부 교수") in speakers
    assert ("NIA 부원장", "") in speakers
    assert speakers[-1] == ("엄지선", "한국행정연구원 연구위원")


def test_public_page_hides_internal_notes_contacts_and_attendees(client, forum):
    html = public(client, forum).content.decode()

    hidden = [
        "토론자 도착 확인 필요",  # Session.internal_notes
        "044-205-2201",  # the responsible official's phone (forum contact)
        "044-205-2211",  # the desk officer's phone
        "고용조",
        "구경배",
        "youngmi@example.ac.kr",
        "010-1234-5678",
        "참가자홍길동",
        "attendee@example.go.kr",
        "010-9999-0000",
        "채식 식사",
        "@",
    ]
    for text in hidden:
        assert text not in html, text
    assert "/accounts/logout/" not in html


def test_public_page_in_english(client, forum):
    response = public(client, forum, lang="en")

    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in html
    assert "6th Government Innovation Future Strategy Forum" in html
    assert "▶ Panel discussion" in html
    assert "Cases and governance of AI adoption in the public sector" in html
    assert "- Moderator: 김영미, Professor of Public Administration, Sangmyung University" in html
    assert 'href="?lang=ko"' in html


def test_public_page_switches_back_to_korean(client, forum):
    html = public(client, forum, lang="ko").content.decode()

    assert '<html lang="ko">' in html
    assert "▶ 주제를토론" in html
    assert 'href="?lang=en"' in html


def test_forums_still_being_planned_are_not_public(client, forum):
    Forum.objects.filter(pk=forum.pk).update(status=Forum.Status.PLANNING)

    assert public(client, forum).status_code == 404


def test_public_page_queries_do_not_grow_with_rows(client, forum, django_assert_num_queries):
    Session.objects.filter(forum=forum, order=1).update(internal_notes="")

    with django_assert_num_queries(4):  # the forum, organisers, MC lines, the issued version
        response = public(client, forum)

    assert len(response.context["rows"]) == 9


def test_public_page_links_to_registration_only_while_it_is_open(client, forum):
    url = reverse("public:forum", args=[forum.pk])
    register = reverse("registration:register", args=[forum.pk])

    closed = client.get(url).content.decode()
    Forum.objects.filter(pk=forum.pk).update(
        registration_open=True, registration_closes_at=timezone.now() + timedelta(days=1)
    )
    opened = client.get(url).content.decode()

    assert register not in closed
    assert register in opened
    assert "이 포럼에 참가 신청하기" in opened

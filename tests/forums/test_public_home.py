"""The anonymous home page: public forums with their agenda and registration links."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums():
    soon = timezone.now() + timedelta(days=20)
    return {
        "upcoming": f.ForumFactory(
            title_ko="제7회 포럼",
            date=soon.date(),
            starts_at=soon,
            ends_at=soon + timedelta(hours=2),
            status=Forum.Status.ANNOUNCED,
            registration_open=True,
        ),
        "past": f.ForumFactory(title_ko="제6회 포럼"),  # 2024, held
        "planning": f.ForumFactory(
            title_ko="기획 중인 포럼", date=soon.date(), status=Forum.Status.PLANNING
        ),
    }


def test_anonymous_home_lists_upcoming_and_past_public_forums(client, forums):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert [item["forum"].title_ko for item in response.context["upcoming"]] == ["제7회 포럼"]
    assert [item["forum"].title_ko for item in response.context["past"]] == ["제6회 포럼"]
    assert "기획 중인 포럼" not in response.content.decode()


def test_anonymous_home_links_to_agenda_registration_and_login(client, forums):
    content = client.get(reverse("home")).content.decode()

    upcoming, past = forums["upcoming"], forums["past"]
    assert reverse("public:forum", args=[upcoming.pk]) in content
    assert reverse("registration:register", args=[upcoming.pk]) in content
    assert reverse("public:forum", args=[past.pk]) in content
    assert reverse("registration:register", args=[past.pk]) not in content  # closed: it began
    assert f'href="{reverse("login")}"' in content


def test_logged_in_staff_keep_the_dashboard(client, forums):
    client.force_login(f.UserFactory())

    response = client.get(reverse("home"))

    assert "upcoming_trips" in response.context
    assert "대표단·행사 일정 관리" in response.content.decode()


def test_anonymous_home_queries_do_not_grow_with_forums(client, django_assert_num_queries):
    for _ in range(5):
        f.ForumFactory()

    with django_assert_num_queries(3):
        client.get(reverse("home"))

"""Defect 6 of issue #15: a forum still being planned does not exist on any public URL."""

import pytest
from django.urls import reverse

from forums.models import Forum
from tests import factories as f

pytestmark = pytest.mark.django_db

SECRET = "비공개 기획중 포럼"


@pytest.fixture
def planned():
    return f.ForumFactory(
        title_ko=SECRET, status=Forum.Status.PLANNING, registration_open=True, capacity=10
    )


@pytest.mark.parametrize(
    ("name", "kwarg"),
    [
        ("registration:register", "forum_pk"),
        ("registration:done", "forum_pk"),
        ("public:forum", "pk"),
    ],
)
def test_unannounced_forum_is_404_anonymously(client, planned, name, kwarg):
    response = client.get(reverse(name, kwargs={kwarg: planned.pk}))

    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_unannounced_forum_refuses_a_registration_post(client, planned):
    response = client.post(
        reverse("registration:register", args=[planned.pk]),
        {"name": "김민준", "email": "a@example.com", "consent": "on"},
    )

    assert response.status_code == 404
    assert planned.attendees.count() == 0


def test_announced_forum_registration_page_still_shows(client):
    forum = f.ForumFactory(status=Forum.Status.ANNOUNCED, registration_open=True, capacity=10)

    response = client.get(reverse("registration:register", args=[forum.pk]))

    assert response.status_code == 200
    assert forum.title_ko in response.content.decode()

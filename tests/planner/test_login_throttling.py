"""Defect 10 of issue #15: repeated wrong passwords lock out that user from that address."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "Correct-Horse-42"


@pytest.fixture
def staff(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    return f.UserFactory(username="kim.staff", password=PASSWORD)


def attempt(client, password, address="192.0.2.10", username="kim.staff"):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_out_even_the_right_one(client, staff):
    for _ in range(5):
        attempt(client, "wrong")

    response = attempt(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    with translation.override("ko"):
        page = attempt(client, PASSWORD).content.decode()
    assert "로그인이 잠겼습니다" in page
    assert "15분" in page


def test_the_lockout_is_per_user_and_address(client, staff):
    for _ in range(5):
        attempt(client, "wrong")

    other_address = attempt(client, PASSWORD, address="198.51.100.7")

    assert other_address.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_an_administrator_unlocks_by_deleting_the_attempt_in_the_admin(client, staff):
    for _ in range(5):
        attempt(client, "wrong")
    attempt_row = AccessAttempt.objects.get(username="kim.staff")
    admin = get_user_model().objects.create_superuser("root", password="!")
    client.force_login(admin)

    listing = client.get(reverse("admin:axes_accessattempt_changelist"))
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt_row.pk]), {"post": "yes"})
    client.logout()

    assert "kim.staff" in listing.content.decode()
    assert attempt(client, PASSWORD).status_code == 302


def test_a_5000_character_user_name_is_a_failed_login_counted_under_150(client, staff):
    response = attempt(client, "wrong", username="k" * 5000)

    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "k" * 150

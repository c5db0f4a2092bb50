"""The plumbing behind `make run` and `make test`: staff login, settings, database legs."""

import os
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.db import connection

from tests import postgres_cluster

User = get_user_model()

GENERATED = re.compile(r"로그인: admin / (\S+)  \(http://127\.0\.0\.1:8000/accounts/login/\)")


@pytest.fixture
def staff_env(monkeypatch, settings):
    """A clean environment for ensure_staff; tests set the variables they need."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    for name in ("USERNAME", "PASSWORD", "EMAIL"):
        monkeypatch.delenv(f"DJANGO_SUPERUSER_{name}", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    return monkeypatch


def ensure_staff() -> str:
    out = StringIO()
    call_command("ensure_staff", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_ensure_staff_generates_admin_password_once(staff_env):
    first = ensure_staff()
    admin = User.objects.get(username="admin")
    stored_hash = admin.password

    second = ensure_staff()

    password = GENERATED.search(first).group(1)
    assert len(password) >= 20
    assert admin.check_password(password)
    assert (admin.is_staff, admin.is_superuser, admin.is_active) == (True, True, True)
    assert GENERATED.search(second) is None
    assert password not in second
    assert User.objects.get(username="admin").password == stored_hash
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_ensure_staff_honours_superuser_env_vars(staff_env):
    staff_env.setenv("DJANGO_SUPERUSER_USERNAME", "kim.staff")
    staff_env.setenv("DJANGO_SUPERUSER_PASSWORD", "first-Passw0rd")
    ensure_staff()
    first_hash = User.objects.get(username="kim.staff").password
    ensure_staff()
    unchanged_hash = User.objects.get(username="kim.staff").password

    staff_env.setenv("DJANGO_SUPERUSER_PASSWORD", "second-Passw0rd")
    output = ensure_staff()

    user = User.objects.get(username="kim.staff")
    assert unchanged_hash == first_hash
    assert user.check_password("second-Passw0rd")
    assert (user.is_staff, user.is_superuser) == (True, True)
    assert "second-Passw0rd" not in output
    assert list(User.objects.values_list("username", flat=True)) == ["kim.staff"]


@pytest.mark.django_db
def test_ensure_staff_promotes_an_existing_user(staff_env):
    User.objects.create_user("lee", password="old-Passw0rd")
    staff_env.setenv("DJANGO_SUPERUSER_USERNAME", "lee")

    output = ensure_staff()

    user = User.objects.get(username="lee")
    assert (user.is_staff, user.is_superuser) == (True, True)
    assert user.check_password("old-Passw0rd")
    assert "old-Passw0rd" not in output


@pytest.mark.django_db
def test_ensure_staff_creates_groups_with_staff_in_editor(staff_env):
    ensure_staff()
    ensure_staff()

    admin = User.objects.get(username="admin")
    assert sorted(Group.objects.values_list("name", flat=True)) == ["editor", "viewer"]
    assert list(admin.groups.values_list("name", flat=True)) == ["editor"]


def test_settings_time_zone_and_language(settings):
    assert settings.USE_TZ is True
    assert settings.TIME_ZONE == "Asia/Seoul"
    assert settings.LANGUAGE_CODE == "ko"


def test_tests_use_plain_static_storage():
    # The manifest storage would raise for a file that collectstatic has not seen.
    assert (
        staticfiles_storage.url("planner/not-collected.css") == "/static/planner/not-collected.css"
    )


@pytest.mark.django_db
def test_postgres_leg_runs_on_postgresql():
    if os.environ.get("PLANNER_EXPECT_POSTGRES") != "1":
        pytest.skip("only under `python -m tests.postgres_cluster` (the PostgreSQL leg)")

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()

    assert connection.vendor == "postgresql"
    assert version.startswith("PostgreSQL ")
    # test_planner, or test_planner_gw0 … when pytest-xdist runs several processes
    assert connection.settings_dict["NAME"].startswith("test_planner")


def test_postgres_cluster_skips_without_binaries_outside_ci(monkeypatch, capsys):
    monkeypatch.setattr(postgres_cluster, "find_bin_dir", lambda: None)
    monkeypatch.delenv("CI", raising=False)

    returncode = postgres_cluster.main(["--", "true"])

    assert returncode == 0
    assert "SKIPPED: PostgreSQL leg — initdb/pg_ctl not found" in capsys.readouterr().err


def test_postgres_cluster_fails_without_binaries_in_ci(monkeypatch, capsys):
    monkeypatch.setattr(postgres_cluster, "find_bin_dir", lambda: None)
    monkeypatch.setenv("CI", "true")

    returncode = postgres_cluster.main(["--", "true"])

    assert returncode == 1
    assert "FAILED: PostgreSQL leg" in capsys.readouterr().err

"""The production settings (issue #15): check --deploy, secret key, health, request logs."""

import json
import logging
import subprocess

import pytest

from planner.request_log import JsonFormatter
from tests.live_server import project_env, run_manage

DOCUMENTED = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k3Y-of-its-own-" + "x7Qz" * 12,
    "DJANGO_ALLOWED_HOSTS": "planner.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in project_env(**env).items() if not k.startswith("DJANGO_")}
    clean.pop("REDIS_URL", None)
    return run_manage({**clean, **env}, *args, check=False)


def test_check_deploy_has_no_warnings_with_the_documented_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **DOCUMENTED)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_about_a_per_process_cache_in_production():
    env = {k: v for k, v in DOCUMENTED.items() if k != "REDIS_URL"}

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode != 0
    assert "planner.W001" in result.stderr


@pytest.mark.parametrize("key", ["", "dev-only-insecure-key-do-not-use-in-production"])
def test_production_refuses_the_development_secret_even_with_debug_on(key):
    env = {**DOCUMENTED, "DJANGO_SECRET_KEY": key, "DJANGO_DEBUG": "1"}

    result = manage("check", **env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set to a key of its own in production" in result.stderr


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_cache(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert sorted(response.json().values()) == ["OK", "OK"]
    assert any("Database" in name for name in response.json())


@pytest.mark.django_db
def test_every_request_is_logged_as_one_structured_line(client, settings, caplog):
    settings.REQUEST_LOG = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    with caplog.at_level(logging.INFO, logger="planner.requests"):
        response = client.get(
            "/public/forums/999/?token=secret",
            HTTP_X_REQUEST_ID="abc-123",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )

    (record,) = [r for r in caplog.records if r.name == "planner.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert {k: line[k] for k in ("method", "path", "status", "client", "request_id", "user")} == {
        "method": "GET",
        "path": "/public/forums/999/",
        "status": 404,
        "client": "203.0.113.9",
        "request_id": "abc-123",
        "user": None,
    }
    assert response["X-Request-ID"] == "abc-123"

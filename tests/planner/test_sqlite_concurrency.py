"""Defect 1 of issue #15: the SQLite default lets several processes write at once."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.live_server import project_env

ROOT = Path(__file__).resolve().parents[2]

# Read, then write, in one transaction: the shape of a registration or a stale-checked save.
# With SQLite's default DEFERRED transactions the read takes a shared lock and the write's
# upgrade fails at once with "database is locked" when another process holds the lock.
WRITER = """
import sys, time, uuid, django
django.setup()
from django.contrib.auth.models import Group
from django.db import transaction
for _ in range(15):
    with transaction.atomic():
        Group.objects.count()
        time.sleep(0.005)
        Group.objects.create(name=uuid.uuid4().hex)
print("ok")
"""


def _env(db: Path) -> dict[str, str]:
    return project_env(DATABASE_URL=f"sqlite:///{db}", DJANGO_SETTINGS_MODULE="planner.settings")


def test_sqlite_default_options_are_wal_immediate_with_a_busy_timeout():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the PostgreSQL leg")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]


def test_sqlite_default_survives_concurrent_writers(tmp_path):
    db = tmp_path / "c.sqlite3"
    env = _env(db)
    manage = [sys.executable, "manage.py", "migrate", "auth", "--noinput", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True, timeout=120)
    script = [sys.executable, "-c", WRITER]
    writers = [
        subprocess.Popen(script, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    results = [writer.communicate(timeout=120) for writer in writers]

    errors = [err.decode()[-300:] for _, err in results if err]
    assert errors == []
    assert [out.decode().strip() for out, _ in results] == ["ok"] * 6
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT COUNT(*) FROM auth_group").fetchone() == (90,)

"""`make backup` / `make restore` (issue #15): back up, damage, restore, nothing lost."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from tests.live_server import project_env, run_manage


def manage(db: Path, *args: str) -> None:
    run_manage(project_env(DATABASE_URL=f"sqlite:///{db}"), *args)


def groups(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = [name for (name,) in conn.execute("SELECT name FROM auth_group ORDER BY name")]
    conn.close()
    return rows


@pytest.mark.parametrize("damage", ["rows", "file"])
def test_sqlite_backup_then_damage_then_restore_loses_nothing(tmp_path, damage):
    db = tmp_path / "planner.sqlite3"
    manage(db, "migrate", "auth", "--noinput", "-v0")
    with sqlite3.connect(db) as conn:
        conn.executemany("INSERT INTO auth_group (name) VALUES (?)", [("편집자",), ("viewer",)])
    conn.close()
    backup = tmp_path / "backups" / "one.backup"

    manage(db, "db_backup", str(backup))
    if damage == "rows":
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM auth_group")
            conn.execute("INSERT INTO auth_group (name) VALUES ('intruder')")
        conn.close()
    else:
        db.write_bytes(b"not a database " * 1000)
    manage(db, "db_restore", str(backup))

    assert groups(db) == ["viewer", "편집자"]


@pytest.mark.django_db(transaction=True)
def test_postgres_backup_and_restore_round_trip(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL leg runs this")
    from django.contrib.auth.models import Group

    from planner.backup import database_backup, database_restore

    Group.objects.create(name="before")
    backup = database_backup(tmp_path / "pg.backup")
    Group.objects.all().delete()
    Group.objects.create(name="after")

    database_restore(backup)

    assert list(Group.objects.values_list("name", flat=True)) == ["before"]

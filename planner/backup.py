"""Backups of the default database: one file, taken while the site runs, and restored.

- SQLite: SQLite's online backup API (``sqlite3.Connection.backup``) copies a
  consistent snapshot page by page while other connections keep reading and
  writing; restoring copies the file back the same way, so open connections see
  the restored data, never a half-written file.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists``
  (the client programs of the server's major version or newer).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    pass


def _settings(alias: str) -> dict[str, Any]:
    return connections[alias].settings_dict


def _vendor(alias: str) -> str:
    return connections[alias].vendor


def _pg_env(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _sqlite_copy(source: str | Path, target: str | Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    # connections used as context managers commit but stay open
    src.close()
    dst.close()


def _discard_if_damaged(path: Path) -> None:
    """A database file SQLite cannot read cannot be written over page by page: remove it
    (and its WAL) so that the restore starts from an empty file."""
    try:
        with sqlite3.connect(path) as conn:
            ok = conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        conn.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def database_backup(target: Path, *, alias: str = "default") -> Path:
    """Write a backup of the database to ``target``; returns the path written."""
    db = _settings(alias)
    target.parent.mkdir(parents=True, exist_ok=True)
    if _vendor(alias) == "sqlite":
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        _sqlite_copy(db["NAME"], partial)
        partial.replace(target)
    elif _vendor(alias) == "postgresql":
        args, env = _pg_env(db)
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
    else:
        raise BackupError(f"no backup for the {_vendor(alias)} backend")
    return target


def database_restore(source: Path, *, alias: str = "default") -> None:
    """Replace the database's contents with the backup in ``source``."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    db = _settings(alias)
    connections[alias].close()
    if _vendor(alias) == "sqlite":
        with sqlite3.connect(source) as check:
            if check.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError(f"{source} is not an intact SQLite database")
        check.close()
        _discard_if_damaged(Path(db["NAME"]))
        _sqlite_copy(source, db["NAME"])
    elif _vendor(alias) == "postgresql":
        args, env = _pg_env(db)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", *args, str(source)], env)
    else:
        raise BackupError(f"no restore for the {_vendor(alias)} backend")

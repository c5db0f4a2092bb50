"""Checked import rows waiting for confirmation, kept on the server, not in the session.

A preview can be thousands of rows; in the session it would be read and written on
every request of that user (and sent to a cookie store, if one were configured). It
is written here as one JSON file under ``settings.IMPORT_PREVIEW_ROOT``, named by a
random token that the session holds; confirming or cancelling deletes it, and files
older than a day are removed whenever a new preview is stored. Several application
servers need this directory on shared storage (see the README).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.crypto import get_random_string

MAX_AGE_SECONDS = 24 * 3600
TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _root() -> Path:
    root = Path(settings.IMPORT_PREVIEW_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def _path(token: str) -> Path | None:
    if len(token) != 32 or any(char not in TOKEN_CHARS for char in token):
        return None
    return _root() / f"{token}.json"


def preview_store(data: dict[str, Any]) -> str:
    """Keep a preview; returns its token."""
    _purge_old()
    token = get_random_string(32, TOKEN_CHARS)
    path = _path(token)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    return token


def preview_load(token: str) -> dict[str, Any] | None:
    path = _path(token or "")
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def preview_discard(token: str) -> None:
    path = _path(token or "")
    if path is not None:
        path.unlink(missing_ok=True)


def _purge_old() -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _root().glob("*.json"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue

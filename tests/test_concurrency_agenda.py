"""Defect 2 of issue #15, end to end: simultaneous run-of-show changes against gunicorn.

Twenty editors change a row's minutes at the same moment through the editor table's
form (4 workers; SQLite with WAL by default, PostgreSQL when the PostgreSQL leg runs the
suite); two or three of them change each row from pages that showed the same minutes.
Every write locks the forum row first, so the changes queue instead of deadlocking: no
server errors, every unpinned row stored where the cascade puts it, one change per row
written and the others refused, and no row's SEQUENCE lower than before.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_server import Browser, LiveServer

ROWS = 8
CLIENTS = 20

SETUP = f"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from forums.agenda import services
from tests import factories as f

forum = f.ForumFactory()
rows = [
    services.session_create(forum=forum, title_ko=f"순서 {{i}}", minutes=10).pk
    for i in range({ROWS})
]
user = f.UserFactory(username="agenda-live", is_staff=False, password="!")
user.groups.add(Group.objects.get_or_create(name="editor")[0])
sessions = []
for _ in range({CLIENTS}):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
print(json.dumps({{"forum": forum.pk, "rows": rows, "sessions": sessions}}))
"""

STORED = """
import json
from forums.agenda.rows import forum_timing
from forums.models import Forum, Session
forum = Forum.objects.get(pk={forum})
rows = list(Session.objects.filter(forum=forum).order_by("order", "pk"))
timing = forum_timing(forum, rows)
print(json.dumps([
    {{"pk": row.pk, "pinned": row.is_pinned, "minutes": row.minutes,
      "sequence": row.sequence,
      "stored": row.start_time.isoformat() if row.start_time else None,
      "cascade": slot.starts_at.time().isoformat() if slot else None}}
    for row, slot in zip(rows, timing.slots, strict=True)
]))
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("agenda-live"))
    server.manage("migrate", "--noinput", "-v0")
    data = json.loads(server.setup(SETUP).strip().splitlines()[-1])
    server.start()
    yield server, data
    server.stop()


def stored(server: LiveServer, data: dict) -> list[dict]:
    return json.loads(server.setup(STORED.format(**data)).strip().splitlines()[-1])


def test_20_simultaneous_minute_changes_keep_the_cascade(live):
    server, data = live
    before = {row["pk"]: row["sequence"] for row in stored(server, data)}
    barrier = threading.Barrier(CLIENTS)

    def change(index: int) -> tuple[int, str]:
        browser = Browser(server, "127.0.0.1", session=data["sessions"][index])
        status, page = browser.request(f"/forums/{data['forum']}/agenda/")
        assert status == 200, page[-500:]
        row = data["rows"][index % ROWS]
        barrier.wait(timeout=120)
        # The table's form, as the page showed it: this row's field changed from 10.
        return browser.request(
            f"/forums/{data['forum']}/agenda/rows/",
            {"csrfmiddlewaretoken": browser.csrf(), f"minutes-{row}-10": str(11 + index)},
        )

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(change, range(CLIENTS)))

    errors = [(status, body[-300:]) for status, body in results if status >= 400]
    assert errors == []
    after = stored(server, data)
    # Each row is changed by two or three editors from pages that showed 10: whichever
    # came first is written, the others are refused (the row changed since their page).
    for position, row in enumerate(after):
        assert row["minutes"] in {11 + i for i in range(CLIENTS) if i % ROWS == position}
    refused = [body for status, body in results if "after the page was shown" in body]
    assert len(refused) == CLIENTS - ROWS
    drift = [row for row in after if not row["pinned"] and row["stored"] != row["cascade"]]
    assert drift == []
    assert all(row["sequence"] >= before[row["pk"]] for row in after)
    assert any(row["sequence"] > before[row["pk"]] for row in after)

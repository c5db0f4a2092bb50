"""Defect 1 of issue #15, end to end: simultaneous writers against gunicorn with 4 workers.

On the SQLite default (WAL, IMMEDIATE transactions, a busy timeout), and on
PostgreSQL when the PostgreSQL leg runs the suite: 30 people register at once for 10
seats, and 20 editors save the same engagement at once. No request may fail with
a server error; the seats and the waiting list add up, and the task worker
(``db_worker``) sends all 30 confirmation e-mails; one editor's save wins and the
others are told that someone else saved first.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_server import Browser, LiveServer, hidden

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from forums.models import Forum
from tests import factories as f

forum = f.ForumFactory(
    status=Forum.Status.ANNOUNCED,
    registration_open=True,
    registration_closes_at=f.open_until(),
    capacity=10,
    registration_fields=[],
)
engagement = f.EngagementFactory()
user = f.UserFactory(username="editor-live", is_staff=False, password="!")
user.groups.add(Group.objects.get_or_create(name="editor")[0])
sessions = []
for _ in range(20):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
print(json.dumps({
    "forum": forum.pk, "trip": engagement.trip_id, "engagement": engagement.pk,
    "revision": engagement.revision, "sessions": sessions,
}))
"""

COUNTS = """
import json
from forums.models import Attendee
from itineraries.models import Engagement
statuses = list(Attendee.objects.filter(forum_id={forum}).values_list("status", flat=True))
engagement = Engagement.objects.get(pk={engagement})
print(json.dumps({{"statuses": statuses, "status": engagement.status,
                   "revision": engagement.revision}}))
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("live"), worker=True)
    server.manage("migrate", "--noinput", "-v0")
    data = json.loads(server.setup(SETUP).strip().splitlines()[-1])
    server.start()
    yield server, data
    server.stop()


def all_at_once(count: int, prepare, act) -> list[tuple[int, str]]:
    """Each worker prepares (opens its page), then all act together."""
    barrier = threading.Barrier(count)

    def run(index: int) -> tuple[int, str]:
        state = prepare(index)
        barrier.wait(timeout=120)
        return act(index, state)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_30_simultaneous_registrations_for_10_seats(live):
    server, data = live
    path = f"/register/forums/{data['forum']}/"

    def prepare(index):
        browser = Browser(server, f"198.51.100.{index + 1}")
        status, page = browser.request(path)
        assert status == 200, page[-500:]
        return browser, hidden(page, "token")

    def act(index, state):
        browser, token = state
        return browser.request(
            path,
            {
                "csrfmiddlewaretoken": browser.csrf(),
                "token": token,
                "name": f"참석자{index:02d}",
                "email": f"person{index}@example.com",
                "consent": "on",
                "website": "",
            },
        )

    results = all_at_once(30, prepare, act)

    statuses = sorted(status for status, _ in results)
    assert statuses == [302] * 30, [body[-300:] for status, body in results if status != 302]
    stored = json.loads(server.setup(COUNTS.format(**data)).strip().splitlines()[-1])
    waitlisted = [s for s in stored["statuses"] if s == "waitlisted"]
    assert (len(stored["statuses"]), len(waitlisted)) == (30, 20)
    # Each confirmation is a task the worker runs after the response: all 30 arrive.
    deadline = time.monotonic() + 90
    while len(server.sent_mail()) < 30 and time.monotonic() < deadline:
        time.sleep(0.5)
    mail = server.sent_mail()
    assert len(mail) == 30
    assert all("forum-" in message and ".ics" in message for message in mail)


def test_20_editors_saving_the_same_engagement(live):
    server, data = live
    path = f"/trips/{data['trip']}/engagements/{data['engagement']}/cancel/"

    def prepare(index):
        browser = Browser(server, "127.0.0.1", session=data["sessions"][index])
        status, page = browser.request(f"/trips/{data['trip']}/")
        assert status == 200, page[-500:]
        return browser

    def act(index, browser):
        return browser.request(
            path, {"csrfmiddlewaretoken": browser.csrf(), "revision": str(data["revision"])}
        )

    results = all_at_once(20, prepare, act)

    saved = [status for status, _ in results if status == 302]
    refused = [body for status, body in results if status != 302 and status < 500]
    errors = [status for status, _ in results if status >= 500]
    assert (len(saved), len(refused), errors) == (1, 19, [])
    assert all("Someone else saved this first." in body for body in refused)
    stored = json.loads(server.setup(COUNTS.format(**data)).strip().splitlines()[-1])
    assert (stored["status"], stored["revision"]) == ("cancelled", data["revision"] + 1)

"""Defect 9 of issue #15: with Redis as the shared cache, 4 workers keep one rate limit and
one set of spent form tokens, and every visitor behind the proxy has their own bucket.

Starts Debian's ``redis-server`` on a Unix socket in a temporary directory (skipped
when it is not installed, except under CI, where ``make system-deps`` installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time

import pytest

from tests.live_server import Browser, LiveServer, hidden
from tests.test_concurrency import SETUP

REDIS = shutil.which("redis-server")


@pytest.fixture(scope="module")
def redis_socket(tmp_path_factory):
    if REDIS is None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("redis-server is missing (Debian package redis-server)")
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    directory = tmp_path_factory.mktemp("redis")
    socket_path = directory / "redis.sock"
    process = subprocess.Popen(
        [
            REDIS,
            "--port",
            "0",
            "--unixsocket",
            str(socket_path),
            "--save",
            "",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not socket_path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    yield socket_path
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def live(tmp_path_factory, redis_socket):
    server = LiveServer(
        tmp_path_factory.mktemp("live-redis"), extra_env={"REDIS_URL": f"unix://{redis_socket}"}
    )
    server.manage("migrate", "--noinput", "-v0")
    data = json.loads(server.setup(SETUP).strip().splitlines()[-1])
    server.start()
    yield server, data
    server.stop()


def post_form(browser: Browser, path: str, index: int, token: str) -> int:
    status, _body = browser.request(
        path,
        {
            "csrfmiddlewaretoken": browser.csrf(),
            "token": token,
            "name": f"방문자{index}",
            "email": f"visitor{index}@example.com",
            "consent": "on",
            "website": "",
        },
    )
    return status


def test_one_address_gets_10_attempts_across_4_workers(live):
    server, data = live
    path = f"/register/forums/{data['forum']}/"
    browser = Browser(server, "203.0.113.50")
    statuses = []
    for index in range(16):
        _status, page = browser.request(path)
        statuses.append(post_form(browser, path, index, hidden(page, "token")))

    assert statuses.count(429) == 6
    other = Browser(server, "203.0.113.51")
    page = other.request(path)[1]
    assert post_form(other, path, 99, hidden(page, "token")) == 302


def test_a_form_token_is_accepted_once_whichever_worker_gets_it(live):
    server, data = live
    path = f"/register/forums/{data['forum']}/"
    browsers = [Browser(server, f"203.0.113.{60 + n}") for n in range(4)]
    page = browsers[0].request(path)[1]
    token = hidden(page, "token")
    for browser in browsers[1:]:
        browser.request(path)  # each gets its own CSRF cookie
    barrier = threading.Barrier(4)
    results: list[int] = []

    def submit(n: int) -> None:
        barrier.wait(timeout=60)
        # The same form sent four times (a double click, a retry): one e-mail each, so
        # only the token can stop the copies.
        results.append(post_form(browsers[n], path, 200 + n, token))

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(results) == [302, 400, 400, 400]

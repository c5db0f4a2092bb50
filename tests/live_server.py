"""A production-like server for the concurrency tests: gunicorn, 4 workers, a file database.

``LiveServer`` migrates a fresh SQLite database (WAL, the default settings) in a
temporary directory, or on the PostgreSQL leg a database of its test process's own,
runs a setup snippet with Django loaded, starts gunicorn on a free 127.0.0.1 port
and stops it afterwards; with ``worker=True`` the task worker too (``db_worker``: tasks
queued in the database, e-mail written as files in ``mail_dir``). ``Browser`` is one
visitor: its own cookies, a CSRF token read from the pages it opened, and a forwarded
address (the server trusts 127.0.0.1 as its proxy, as production trusts the reverse
proxy).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess that runs this checkout (not the one the shared
    virtualenv was installed from): PYTHONPATH first, then ``extra`` over os.environ."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def run_python(env: dict[str, str], *args: str, check: bool = True):
    """``python <args>`` in a subprocess, from the checkout; text output captured."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=check,
    )


def run_manage(env: dict[str, str], *args: str, check: bool = True):
    return run_python(env, "manage.py", *args, check=check)


def server_database(directory: Path) -> str:
    """The live server's database: a file in ``directory``, or on the PostgreSQL leg a
    database of this test process's own (pytest-xdist runs several processes at once,
    and two servers migrating one database collide)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{directory / 'live.sqlite3'}"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"{parts.path.lstrip('/')}_live_{worker}"
    with psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(
        self,
        directory: Path,
        *,
        workers: int = 4,
        worker: bool = False,
        extra_env: dict | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        database = server_database(directory)
        self.env = project_env(
            DATABASE_URL=database,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_TRUSTED_PROXIES="127.0.0.1",
            DJANGO_PLAIN_STATIC="1",
            DJANGO_TASKS_BACKEND="database" if worker else "immediate",
            DJANGO_EMAIL_FILE_PATH=str(directory / "mail"),
            **(extra_env or {}),
        )
        self.mail_dir = directory / "mail"
        self.workers = workers
        self.worker = worker
        self.worker_process: subprocess.Popen | None = None
        self.process: subprocess.Popen | None = None
        self.log = directory / "gunicorn.log"

    def manage(self, *args: str) -> str:
        result = run_manage(self.env, *args, check=False)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-3000:])
        return result.stdout

    def setup(self, code: str) -> str:
        """Run Python with Django set up (factories available); returns what it printed."""
        return self.manage("shell", "-c", code)

    def start(self) -> None:
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
        command = [
            gunicorn or "gunicorn",
            "planner.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            "60",
        ]
        self.log_file = self.log.open("w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT
        )
        if self.worker:
            self.worker_process = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--queue-name", "*"]
                + ["--interval", "0.2", "--no-reload", "--no-startup-delay"],
                cwd=ROOT,
                env=self.env,
                stdout=self.log_file,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.log.read_text()[-3000:]) from None
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        for process in (self.worker_process, self.process):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if getattr(self, "log_file", None):
            self.log_file.close()

    def sent_mail(self) -> list[str]:
        """The e-mails the worker has sent so far. The file backend ends each message with a
        line of 79 dashes (and may append several to one file)."""
        if not self.mail_dir.exists():
            return []
        text = "".join(path.read_text(errors="replace") for path in sorted(self.mail_dir.iterdir()))
        return [message for message in text.split("\n" + "-" * 79 + "\n") if message.strip()]


class Browser:
    def __init__(self, server: LiveServer, address: str, session: str = ""):
        self.server = server
        self.address = address
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        if session:
            self.cookie("sessionid", session)

    def cookie(self, name: str, value: str) -> None:
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0, name, value, None, False, "127.0.0.1", False, False, "/", True, False,
                None, False, None, None, {},
            )
        )  # fmt: skip

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.server.url + path, data=body)
        request.add_header("X-Forwarded-For", self.address)
        request.add_header("Accept-Language", "en")
        if data is not None:
            request.add_header("Referer", self.server.url + path)
        try:
            with self.opener.open(request, timeout=90) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    return match.group(1) if match else ""

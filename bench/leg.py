"""One benchmark leg against the database in DATABASE_URL (run by bench/run.py in a child process).

Steps: migrate; time ``load_documents`` on the empty database (rolled back each
time); load the documents; add the small data set and measure the pages on its
typical trip and forum; add the large data set and measure again; finally load
the trip page through gunicorn from a second process. Results go to a JSON file.
"""

from __future__ import annotations

import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planner.settings")
    import django

    django.setup()


LOAD_CLIENTS = 50  # concurrent clients of the gunicorn load
LOAD_WORKERS = 4  # gunicorn sync workers, as in production

# What is measured: (key, description, URL name, which object's pk, timed runs).
PAGES = [
    ("trip_page", "Trip page", "itineraries:trip_detail", "trip", 30),
    ("forum_page", "Forum page with run-of-show", "forums:forum_detail", "forum", 30),
    ("run_of_show_editor", "Run-of-show editor", "forums:agenda:editor", "forum", 30),
    ("agenda_print", "Run-of-show print view", "forums:agenda:print", "forum", 20),
    ("attendee_list", "Attendee list (first page)", "forums:attendees:list", "forum", 30),
    ("check_in", "Check-in page", "forums:attendees:check_in", "forum", 20),
    ("trip_ics", "Trip .ics", "itineraries_ical:trip", "trip", 30),
    ("forum_ics", "Forum .ics", "forums:ical:forum", "forum", 30),
    ("personal_feed", "Personal feed (.ics)", "calendar:feed", "feed", 10),
    ("agenda_pdf", "PDF agenda", "forums:agenda:pdf", "forum", 6),
    ("home", "Home page", "home", None, 20),
    ("trip_list", "Trip list (first page)", "itineraries:trip_list", None, 20),
    ("calendar_month", "Calendar month", "calendar:month", None, 20),
]

# Single trips of a given size (engagements → timed runs): how the trip page grows with its
# own programme, measured on the large data set.
SIZED_TRIPS = {100: 20, 1000: 6}
SIZED_PAGES = [
    (f"trip_page_{size}", f"Trip page, one trip of {size:,} engagements") for size in SIZED_TRIPS
]


def personal_feed_token(user) -> str | None:
    try:
        from planner.models.calendar import CalendarFeed
    except ImportError:
        return None
    feed, _ = CalendarFeed.objects.get_or_create(owner=user, scope="mine", label="bench")
    return feed.token


def measure_pages(client, label: str, built, token: str | None) -> list[dict]:
    from bench.measure import measure_get, url_or_none

    args_for = {"trip": built.probe_trip.pk, "forum": built.probe_forum.pk, "feed": token}
    results = []
    for key, _description, url_name, obj, runs in PAGES:
        args = () if obj is None else (args_for[obj],)
        url = None if None in args else url_or_none(url_name, *args)
        # The small data set is there for the query counts: fewer timed runs suffice.
        runs = runs if label == "large" else max(3, runs // 4)
        timing = measure_get(client, key, label, url, runs=runs)
        results.append(timing.as_dict())
        shown = f"{timing.median_ms} ms, {timing.queries} queries" if url else timing.skipped
        print(f"  [{label}] {key}: {shown}", flush=True)
    return results


def measure_sized_trips(client) -> list[dict]:
    from bench import dataset
    from bench.measure import measure_get

    results = []
    for size, runs in SIZED_TRIPS.items():
        trip = dataset.sized_trip(size)
        name = f"trip_page_{size}"
        timing = measure_get(client, name, "large", trip.get_absolute_url(), runs=runs)
        results.append(timing.as_dict())
        print(f"  [large] {name}: {timing.median_ms} ms, {timing.queries} queries", flush=True)
    return results


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_load(
    paths: list[str], cookie: str, *, seconds: float, threads: int, workers: int = 4
) -> dict:
    """Serve with gunicorn (``workers``, loopback), load the page mix from another process."""
    port = free_port()
    # Static files are not part of the measurement: no collectstatic, and no warning about it.
    env = {
        **os.environ,
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_DEBUG": "0",
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "planner.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120  # four workers boot slowly on a busy machine
        while True:
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        load = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "load.py"),
                *(base + path for path in paths),
                "--cookie",
                cookie,
                "--threads",
                str(threads),
                "--seconds",
                str(seconds),
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=False,
        )
        if load.returncode != 0 and not load.stdout.strip():
            raise RuntimeError(f"load generator failed: {load.stderr[-2000:]}")
        result = json.loads(load.stdout.strip().splitlines()[-1])
        result |= {"workers": workers}
        return result
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def database_description() -> dict:
    from django.db import connection

    vendor = connection.vendor
    if vendor == "sqlite":
        import sqlite3

        version = sqlite3.sqlite_version
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    return {"vendor": vendor, "version": version}


def run_leg(out: Path, *, load_seconds: float, only_load: bool = False) -> None:
    """``only_load``: build the data sets, skip the page measurements, run the load."""
    setup_django()
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from bench import dataset
    from bench.measure import measure_rolled_back
    from forums.models import Attendee, Session
    from itineraries.models import Engagement, Trip
    from planner.documents import documents_load

    started = time.perf_counter()
    print(f"leg: migrating {settings.DATABASES['default']['ENGINE']}", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    results = {
        "load_average_at_start": os.getloadavg(),
        "database": database_description(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "pages": [],
        "shapes": {},
    }
    timing = measure_rolled_back("load_documents", "empty", documents_load, runs=5)
    results["load_documents"] = timing.as_dict()
    print(f"  load_documents on an empty database: {timing.median_ms} ms", flush=True)
    documents_load()

    client = Client()
    user = dataset.bench_user()
    client.force_login(user)
    token = personal_feed_token(user)
    for shape in (dataset.SMALL, dataset.LARGE):
        began = time.perf_counter()
        built = dataset.build(shape)
        results["shapes"][shape.label] = {
            "build_seconds": round(time.perf_counter() - began, 1),
            "trips": Trip.objects.count(),
            "engagements": Engagement.objects.count(),
            "forums": built.probe_forum.__class__.objects.count(),
            "sessions": Session.objects.count(),
            "attendees": Attendee.objects.count(),
            "probe_trip_engagements": built.probe_trip.engagements.count(),
            "probe_forum_sessions": built.probe_forum.sessions.count(),
            "probe_forum_attendees": built.probe_forum.attendees.count(),
        }
        print(f"leg: {shape.label} data set {results['shapes'][shape.label]}", flush=True)
        if not only_load:
            results["pages"] += measure_pages(client, shape.label, built, token)
    if not only_load:
        results["pages"] += measure_sized_trips(client)

    from bench import editor_sizes

    print("leg: the run-of-show editor by its own size", flush=True)
    results["editor_sizes"] = editor_sizes.measure(client)

    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    # The page mix: trip page, forum page, public agenda, personal feed (one each in turn).
    paths = [
        built.probe_trip.get_absolute_url(),
        built.probe_forum.get_absolute_url(),
        reverse("public:forum", args=[built.probe_forum.pk]),
        reverse("calendar:feed", args=[token]),
    ]
    print(f"leg: gunicorn load on {paths} for {load_seconds:.0f} s", flush=True)
    results["load"] = gunicorn_load(
        paths, cookie, seconds=load_seconds, threads=LOAD_CLIENTS, workers=LOAD_WORKERS
    )
    print(f"  {results['load']}", flush=True)
    results["load_average_at_end"] = os.getloadavg()
    results["seconds"] = round(time.perf_counter() - started, 1)
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")

"""Calendar exports at 100, 1,000 and 5,000 events: the feed, a trip .ics and a forum .ics.

    python bench/calendar_bench.py [--sizes 100,1000,5000] [--runs 5] [--json OUT]

A throw-away SQLite database, one trip with N timed meetings (the personal feed of
its head, and the trip .ics) and one forum with N agenda rows (its .ics with
sessions); for each, the first answer (every event serialized and stored), the
median of full answers from stored events (200), and of conditional ones (304, at
least 30 polls), with query counts. ``bench/run.py`` checks them against ``[calendar]`` in
bench/budgets.toml and writes them into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planner.settings")
    os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")  # static files are not measured
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _data(size: int):
    from itineraries.models import Engagement
    from planner.models import CalendarFeed
    from tests.factories import ForumFactory, SessionFactory, StopFactory, UserFactory

    belgrade = ZoneInfo("Europe/Belgrade")
    stop = StopFactory(trip__start_date=date(2026, 7, 1), trip__end_date=date(2026, 7, 31))
    start = datetime(2026, 7, 10, 8, 0, tzinfo=belgrade)
    Engagement.objects.bulk_create(
        Engagement(
            trip=stop.trip,
            stop=stop,
            title_ko=f"면담 {n}",
            date=(start + timedelta(minutes=5 * n)).date(),
            starts_at=start + timedelta(minutes=5 * n),
            ends_at=start + timedelta(minutes=5 * n + 30),
            status=Engagement.Status.CONFIRMED,
        )
        for n in range(size)
    )
    forum = ForumFactory()
    session = SessionFactory.build(forum=forum)
    type(session).objects.bulk_create(
        SessionFactory.build(forum=forum, order=n + 1, starts_at=session.starts_at)
        for n in range(size)
    )
    user = UserFactory(is_superuser=True)
    head = stop.trip.head
    head.user = user
    head.save()
    feed = CalendarFeed.objects.create(owner=user, scope="mine", include_sessions=False)
    return user, stop.trip, forum, feed


def _measure(client, url: str, runs: int, **headers) -> tuple[float, int, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url, headers=headers)
            seconds.append(time.perf_counter() - began)
    return (
        statistics.median(seconds) * 1000,
        len(queries),
        response.status_code,
        len(response.content),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="planner-calendar-bench-") as work:
        _setup(Path(work) / "bench.sqlite3")
        from django.db import transaction
        from django.test import Client
        from django.urls import reverse

        print(
            f"{'export':<22}{'N':>6}{'first ms':>10}{'200 ms':>10}{'q':>4}{'kB':>8}"
            f"{'304 ms':>10}{'q':>4}"
        )
        for size in (int(part) for part in args.sizes.split(",")):
            with transaction.atomic():
                user, trip, forum, feed = _data(size)
                client = Client()
                client.force_login(user)
                urls = {
                    "personal feed": reverse("calendar:feed", args=[feed.token]),
                    "trip .ics": reverse("itineraries_ical:trip", args=[trip.pk]),
                    "forum .ics + sessions": reverse("forums:ical:forum", args=[forum.pk])
                    + "?sessions=1",
                }
                for name, url in urls.items():
                    first_ms, *_first = _measure(client, url, 1)
                    full_ms, full_q, status, size_bytes = _measure(client, url, args.runs)
                    etag = client.get(url)["ETag"]
                    # A 304 takes a few ms, where one busy moment moves a median of 5.
                    cond_ms, cond_q, cond_status, _ = _measure(
                        client, url, max(args.runs * 6, 30), If_None_Match=etag
                    )
                    assert (status, cond_status) == (200, 304), (name, status, cond_status)
                    print(
                        f"{name:<22}{size:>6}{first_ms:>10.1f}{full_ms:>10.1f}{full_q:>4}"
                        f"{size_bytes / 1024:>8.0f}{cond_ms:>10.2f}{cond_q:>4}",
                        flush=True,
                    )
                    rows.append(
                        {
                            "export": name,
                            "events": size,
                            "first_ms": round(first_ms, 1),
                            "median_ms": round(full_ms, 1),
                            "queries": full_q,
                            "kib": round(size_bytes / 1024),
                            "not_modified_ms": round(cond_ms, 2),
                            "not_modified_queries": cond_q,
                        }
                    )
                transaction.set_rollback(True)
    if args.json:
        args.json.write_text(json.dumps(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

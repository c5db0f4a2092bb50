"""The run-of-show editor at 100 and 1,000 rows: how it grows with its own size.

Each size is a forum of its own (rows of one minute from 07:00, so 1,000 rows stay on
one day), built with ``bulk_create`` and one cascade through the agenda service, then
measured like the other pages. The forum is deleted afterwards.
"""

from __future__ import annotations

from datetime import date, time

SIZES = (100, 1000)
RUNS = {100: 20, 1000: 5}


def build_forum(rows: int):
    from forums.agenda.services import agenda_recalculate
    from forums.models import Forum, Session

    forum = Forum.objects.create(
        title_ko=f"편집기 측정 포럼 ({rows}행)",
        date=date(2031, 5, 20),
        date_precision="day",
        start_time=time(7, 0),
        timezone="Asia/Seoul",
        status=Forum.Status.PLANNING,
    )
    Session.objects.bulk_create(
        Session(forum=forum, order=order, title_ko=f"순서 {order}", minutes=1)
        for order in range(1, rows + 1)
    )
    agenda_recalculate(forum=forum)
    return forum


def measure(client) -> list[dict]:
    from django.urls import reverse

    from bench.measure import measure_get

    results = []
    for rows in SIZES:
        forum = build_forum(rows)
        url = reverse("forums:agenda:editor", args=[forum.pk])
        timing = measure_get(client, "run_of_show_editor", f"{rows} rows", url, runs=RUNS[rows])
        results.append({**timing.as_dict(), "rows": rows})
        print(f"  [editor {rows} rows] {timing.median_ms} ms, {timing.queries} queries", flush=True)
        forum.delete()
    return results

"""In-process measurements: response time and SQL query count of a URL (Django's test Client)."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse


@dataclass
class Timing:
    name: str
    label: str  # the data shape measured ("small", "large", "empty")
    runs: int = 0
    median_ms: float | None = None
    p95_ms: float | None = None
    # Process CPU time (the test client runs in this process): what other load cannot inflate.
    cpu_median_ms: float | None = None
    queries: int | None = None
    bytes: int | None = None
    skipped: str = ""  # why nothing was measured (e.g. "not built yet")

    def as_dict(self) -> dict:
        return asdict(self)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value with ``fraction`` of the runs at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarise(timing: Timing, seconds: list[float], cpu: list[float]) -> Timing:
    timing.cpu_median_ms = round(statistics.median(cpu) * 1000, 2)
    millis = [s * 1000 for s in seconds]
    timing.runs = len(millis)
    timing.median_ms = round(statistics.median(millis), 2)
    timing.p95_ms = round(percentile(millis, 0.95), 2)
    return timing


def url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def measure_get(
    client: Client, name: str, label: str, url: str | None, *, runs: int, warmup: int = 2
) -> Timing:
    """Time ``runs`` GETs of ``url`` after ``warmup`` untimed ones; count one request's queries."""
    timing = Timing(name=name, label=label)
    if url is None:
        timing.skipped = "not built yet (no such URL name)"
        return timing
    for _ in range(warmup):
        _get_ok(client, url)
    seconds, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        _get_ok(client, url)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    with CaptureQueriesContext(connection) as queries:
        response = _get_ok(client, url)
    timing.queries = len(queries)
    timing.bytes = len(response.content)
    return summarise(timing, seconds, cpu)


def _get_ok(client: Client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url}: HTTP {response.status_code}")
    # Streaming responses (downloads) are consumed so that their whole cost is counted.
    if response.streaming:
        response._content = b"".join(response.streaming_content)  # noqa: SLF001
    return response


def measure_rolled_back(
    name: str, label: str, action: Callable[[], object], *, runs: int
) -> Timing:
    """Time ``action`` inside a transaction that is rolled back, so every run starts alike."""
    timing = Timing(name=name, label=label)
    seconds, cpu = [], []
    for counting in [False] * runs + [True]:
        with transaction.atomic():
            if counting:
                with CaptureQueriesContext(connection) as queries:
                    action()
                timing.queries = len(queries)
            else:
                started, cpu_started = time.perf_counter(), time.process_time()
                action()
                seconds.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
            transaction.set_rollback(True)
    return summarise(timing, seconds, cpu)

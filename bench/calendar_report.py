"""The calendar exports' budgets and their section of bench/RESULTS.md.

Targets from issue #13 ("Speed"): a feed or trip .ics of 1,000 events under 120 ms
and of 5,000 under 500 ms, the forum .ics of 1,000 sessions under 100 ms (≥ 20×
pretalx's 2,157 ms), a 304 under 10 ms at 5,000 events, and linear in N: the time
per event at 5,000 no more than ``linear_max_ratio`` times the time per event at 1,000.
"""

from __future__ import annotations

from bench.report import Verdict

EXPORTS = ("personal feed", "trip .ics", "forum .ics + sessions")
# (export, events, field, budget key)
CHECKS = (
    ("personal feed", 1000, "median_ms", "feed_1000_ms"),
    ("personal feed", 5000, "median_ms", "feed_5000_ms"),
    ("trip .ics", 1000, "median_ms", "feed_1000_ms"),
    ("trip .ics", 5000, "median_ms", "feed_5000_ms"),
    ("forum .ics + sessions", 1000, "median_ms", "forum_ics_1000_ms"),
    ("forum .ics + sessions", 5000, "median_ms", "forum_ics_5000_ms"),
    *((export, 5000, "not_modified_ms", "not_modified_5000_ms") for export in EXPORTS),
)
# Time per event at 5,000 over the time per event at 1,000, for the answers from stored events.
LINEAR = ("linear_max_ratio", 1000, 5000)


def _linear_verdicts(found: dict, limits: dict) -> list[Verdict]:
    key, small, large = LINEAR
    if key not in limits:
        return []
    verdicts = []
    for export in EXPORTS:
        low, high = found.get((export, small)), found.get((export, large))
        if low is None or high is None or not low["median_ms"]:
            continue
        ratio = (high["median_ms"] / large) / (low["median_ms"] / small)
        verdicts.append(
            Verdict(
                ratio <= limits[key],
                f"calendar: {export} linear in N, ms per event at {large:,} / at {small:,} "
                f"= {ratio:.2f} ≤ {limits[key]}",
            )
        )
    return verdicts


def calendar_verdicts(rows: list[dict], budgets: dict) -> list[Verdict]:
    limits = budgets.get("calendar", {})
    found = {(row["export"], row["events"]): row for row in rows}
    verdicts = []
    for export, events, field, key in CHECKS:
        row = found.get((export, events))
        if row is None or key not in limits:
            continue
        kind = "304" if field == "not_modified_ms" else "200"
        verdicts.append(
            Verdict(
                row[field] <= limits[key],
                f"calendar: {export} of {events:,} events, {kind} in {row[field]} ms "
                f"≤ {limits[key]} ms",
            )
        )
    return verdicts + _linear_verdicts(found, limits)


def targets(export: str, events: int, budgets: dict) -> str:
    """The row's targets as the table prints them ("200 ≤ 120 ms, 304 ≤ 10 ms"), or —."""
    limits = budgets.get("calendar", {})
    parts = [
        f"{'304' if field == 'not_modified_ms' else '200'} ≤ {limits[key]} ms"
        for name, size, field, key in CHECKS
        if (name, size) == (export, events) and key in limits
    ]
    return ", ".join(parts) or "—"


def calendar_section(rows: list[dict], verdicts: list[Verdict], budgets: dict) -> str:
    lines = [
        "",
        "## Calendar exports (SQLite, in process)",
        "",
        "`bench/calendar_bench.py`: one trip with N timed meetings (its head's personal feed "
        "and the trip .ics) and one forum with N agenda rows (its .ics with sessions). "
        "*First* serializes every event and stores it; *200* is the median of answers "
        "assembled from stored events; *304* the median of conditional polls. Targets "
        "from #13 (`[calendar]` in bench/budgets.toml).",
        "",
        "| Export | events | first ms | 200 ms | queries | size | 304 ms | 304 queries | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['export']} | {row['events']:,} | {row['first_ms']} | {row['median_ms']} "
            f"| {row['queries']} | {row['kib']} KiB | {row['not_modified_ms']} "
            f"| {row['not_modified_queries']} | {targets(row['export'], row['events'], budgets)} |"
        )
    lines += ["", *(f"- {'ok' if v.ok else 'FAIL'}: {v.text}" for v in verdicts), ""]
    return "\n".join(lines)

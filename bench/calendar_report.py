"""The calendar exports' budgets and their section of bench/RESULTS.md."""

from __future__ import annotations

from bench.report import Verdict

# (export, events, field, budget key)
CHECKS = (
    ("personal feed", 1000, "median_ms", "feed_1000_ms"),
    ("personal feed", 5000, "median_ms", "feed_5000_ms"),
    ("forum .ics + sessions", 1000, "median_ms", "forum_ics_1000_ms"),
    ("personal feed", 5000, "not_modified_ms", "not_modified_5000_ms"),
)


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
    return verdicts


def calendar_section(rows: list[dict], verdicts: list[Verdict]) -> str:
    lines = [
        "",
        "## Calendar exports (SQLite, in process)",
        "",
        "`bench/calendar_bench.py`: one trip with N timed meetings (its head's personal feed "
        "and the trip .ics) and one forum with N agenda rows (its .ics with sessions). "
        "*First* serializes every event and stores it; *200* is the median of answers "
        "assembled from stored events; *304* the median of conditional polls.",
        "",
        "| Export | events | first ms | 200 ms | queries | size | 304 ms | 304 queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['export']} | {row['events']:,} | {row['first_ms']} | {row['median_ms']} "
            f"| {row['queries']} | {row['kib']} KiB | {row['not_modified_ms']} "
            f"| {row['not_modified_queries']} |"
        )
    lines += ["", *(f"- {'ok' if v.ok else 'FAIL'}: {v.text}" for v in verdicts), ""]
    return "\n".join(lines)

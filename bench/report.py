"""Budget checks and the bench/RESULTS.md report."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.leg import PAGES, SIZED_PAGES, SIZED_TRIPS

NOTES = Path(__file__).resolve().parent / "NOTES.md"


@dataclass
class Verdict:
    ok: bool
    text: str


def _pages(leg: dict, label: str) -> dict[str, dict]:
    return {p["name"]: p for p in leg["pages"] if p["label"] == label and not p["skipped"]}


def check_budgets(
    legs: dict[str, dict], budgets: dict, extraction: dict | None = None
) -> list[Verdict]:
    verdicts = _extraction_verdicts(extraction, budgets)
    max_queries = budgets["queries"]["max_per_page"]
    max_growth = budgets["queries"]["max_growth"]
    trip_median = budgets["time"]["trip_page_median_ms"]
    for db, leg in legs.items():
        small, large = _pages(leg, "small"), _pages(leg, "large")
        worst = max((p["queries"], p["name"]) for p in [*small.values(), *large.values()])
        verdicts.append(
            Verdict(
                worst[0] <= max_queries,
                f"{db}: at most {max_queries} queries per page (most: {worst[0]}, {worst[1]})",
            )
        )
        grown = [
            f"{name} {small[name]['queries']}→{large[name]['queries']}"
            for name in small
            if name in large and large[name]["queries"] > small[name]["queries"] + max_growth
        ]
        verdicts.append(
            Verdict(
                not grown,
                f"{db}: query counts do not grow with the data"
                + (f" (grew: {', '.join(grown)})" if grown else f" ({len(small)} pages)"),
            )
        )
        if "trip_page" in large:
            median = large["trip_page"]["median_ms"]
            verdicts.append(
                Verdict(
                    median <= trip_median,
                    f"{db}: trip page median {median} ms ≤ {trip_median} ms on the large data set",
                )
            )
        editor_budget = budgets["time"].get("editor_100_rows_median_ms")
        for size in leg.get("editor_sizes", []):
            if size["rows"] == 100 and editor_budget is not None:
                median = size["median_ms"]
                verdicts.append(
                    Verdict(
                        median <= editor_budget,
                        f"{db}: run-of-show editor with 100 rows median {median} ms"
                        f" ≤ {editor_budget} ms",
                    )
                )
        for size in SIZED_TRIPS:
            name, budget = f"trip_page_{size}", budgets["time"].get(f"trip_page_{size}_median_ms")
            if name in large and budget is not None:
                median = large[name]["median_ms"]
                verdicts.append(
                    Verdict(
                        median <= budget,
                        f"{db}: trip page of {size:,} engagements median {median} ms ≤ {budget} ms",
                    )
                )
        load = leg.get("load")
        if load:
            verdicts.append(
                Verdict(
                    load["errors"] <= budgets["load"]["max_errors"],
                    f"{db}: gunicorn load without errors ({load['errors']} of {load['requests']})",
                )
            )
    return verdicts


def _extraction_verdicts(extraction: dict | None, budgets: dict) -> list[Verdict]:
    budget = budgets.get("extraction", {}).get("warm_max_s_per_10kb")
    if budget is None:
        return []
    if not extraction or not extraction.get("documents"):
        return [Verdict(False, f"extraction: no figure (budget {budget} s per 10 kB)")]
    worst = extraction["warm_max_s_per_10kb"]
    return [
        Verdict(
            worst <= budget,
            f"extraction: worst warm {worst:.2f} s per 10 kB ≤ {budget} s "
            f"({extraction['documents']} documents)",
        )
    ]


def _extraction_section(extraction: dict | None) -> list[str]:
    if not extraction or not extraction.get("documents"):
        return []
    return [
        "",
        "## Reading documents (bench/extraction.py)",
        "",
        f"{extraction['documents']} documents of the dev corpus, in a process of their own: "
        f"cold (analyser and place tables loaded, first document) {extraction['cold_s']:.2f} s; "
        f"warm median {extraction['warm_median_s'] * 1000:.0f} ms, worst "
        f"{extraction['warm_max_s'] * 1000:.0f} ms, worst per 10 kB "
        f"{extraction['warm_max_s_per_10kb']:.2f} s.",
    ]


def machine() -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"- CPU: {usable} usable cores (nproc), {cpu or 'model unknown'}",
        f"- RAM: {memory or 'unknown'}",
        f"- OS: {platform.platform()}",
    ]


def _loads(values) -> str:
    return ", ".join(f"{x:.2f}" for x in values)


def _ms(value) -> str:
    return "—" if value is None else f"{value:.1f}"


def _page_table(leg: dict) -> list[str]:
    small, large = _pages(leg, "small"), _pages(leg, "large")
    skipped = {p["name"]: p["skipped"] for p in leg["pages"] if p["skipped"]}
    lines = [
        "| Page | median ms | p95 ms | CPU ms | median ms, small set | queries (small → large) "
        "| size | runs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, description, *_ in [*PAGES, *SIZED_PAGES]:
        if key in large:
            big = large[key]
            queries = f"{small[key]['queries'] if key in small else '—'} → {big['queries']}"
            size = f"{big['bytes'] / 1024:.0f} KiB"
            lines.append(
                f"| {description} | {_ms(big['median_ms'])} | {_ms(big['p95_ms'])} "
                f"| {_ms(big.get('cpu_median_ms'))} "
                f"| {_ms(small[key]['median_ms']) if key in small else '—'} | {queries} "
                f"| {size} | {big['runs']} |"
            )
        elif key in skipped:
            lines.append(f"| {description} | — | — | — | — | — | — | {skipped[key]} |")
    docs = leg["load_documents"]
    lines.append(
        f"| `load_documents` on an empty database | {_ms(docs['median_ms'])} "
        f"| {_ms(docs['p95_ms'])} | {_ms(docs.get('cpu_median_ms'))} "
        f"| — | {docs['queries']} (a command, not a page) | — | {docs['runs']} |"
    )
    return lines


def _editor_sizes(leg: dict) -> list[str]:
    sizes = leg.get("editor_sizes")
    if not sizes:
        return []
    lines = [
        "",
        "**Run-of-show editor by its own size** (bench/editor_sizes.py, a forum of its own):",
        "",
        "| Rows | median ms | p95 ms | CPU ms | queries | kB | runs |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        lines.append(
            f"| {size['rows']:,} | {_ms(size['median_ms'])} | {_ms(size['p95_ms'])} "
            f"| {_ms(size.get('cpu_median_ms'))} | {size['queries']} "
            f"| {size['bytes'] / 1000:.0f} | {size['runs']} |"
        )
    return lines


def write_results(path, legs, notes, budgets, verdicts, elapsed, extraction=None) -> None:
    first = next(iter(legs.values()))
    now = datetime.now(ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%d %H:%M KST")
    out = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` (`python bench/run.py`) on {now} in {elapsed:.0f} s. "
        "Do not edit by hand.",
        "",
        "## Machine",
        "",
        *machine(),
        f"- Python {first['python']}, Django {first['django']}",
        *(
            f"- {db}: {leg['database']['vendor']} {leg['database']['version']}"
            for db, leg in legs.items()
        ),
        *(f"- {db}: {note}" for db, note in notes.items() if note),
        "",
        "## Data set",
        "",
        "The three source documents, then a small data set, then a large one added on top "
        "(bench/dataset.py, bulk_create). Pages are measured on a typical trip and forum of "
        "each: the query counts of the two are compared to show they do not grow with the data.",
        "",
        "| Data set | trips | engagements | forums | sessions | attendees "
        "| probe trip engagements | probe forum sessions / attendees |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, shape in first["shapes"].items():
        out.append(
            f"| {label} | {shape['trips']:,} | {shape['engagements']:,} | {shape['forums']:,} "
            f"| {shape['sessions']:,} | {shape['attendees']:,} | {shape['probe_trip_engagements']} "
            f"| {shape['probe_forum_sessions']} / {shape['probe_forum_attendees']} |"
        )
    out += [
        "",
        "Times are in-process (Django's test client, no network), median and 95th percentile "
        "(nearest rank) over the runs shown, after two warm-up requests, on the large data set. "
        "CPU ms is the median process CPU time of the same requests: it excludes waiting for a "
        "core (other load on the machine) and, on PostgreSQL, the server's own work. "
        "The PostgreSQL leg keeps its connection between requests (`DJANGO_CONN_MAX_AGE=60`, "
        "the production setting); the SQLite leg opens one per request.",
    ]
    for db, leg in legs.items():
        start, end = leg.get("load_average_at_start"), leg.get("load_average_at_end")
        busy = (
            f"Load average (1, 5, 15 min) at the start of this leg: {_loads(start)}; "
            f"at the end: {_loads(end)}. Other work on the machine slows every number below."
            if start and end
            else ""
        )
        out += [
            "",
            f"## {db}",
            "",
            f"{leg['seconds']:.0f} s for this leg. {busy}",
            "",
            *_page_table(leg),
            *_editor_sizes(leg),
        ]
        load = leg.get("load")
        if load:
            out += [
                "",
                f"**Concurrent load**: page mix (trip page, forum page, public agenda, "
                f"personal feed, in turn) through gunicorn ({load['workers']} sync workers, "
                f"127.0.0.1), {load['threads']} concurrent clients in a second process for "
                f"{load['seconds']} s: **{load['rps']} requests/s**, "
                f"p50 {load['median_ms']} ms, p95 {load['p95_ms']} ms, "
                f"p99 {load.get('p99_ms')} ms, "
                f"{load['requests']} requests, {load['errors']} errors. "
                "Server and load generator share the same cores.",
            ]
    out += _extraction_section(extraction)
    out += ["", "## Budgets (bench/budgets.toml)", ""]
    out += [f"- {'✅' if v.ok else '❌'} {v.text}" for v in verdicts]
    broken = [v for v in verdicts if not v.ok]
    out += [
        "",
        "All budgets hold." if not broken else f"{len(broken)} budget(s) broken: see above.",
    ]
    if NOTES.exists():
        out += ["", "## Notes (bench/NOTES.md, written by hand)", "", NOTES.read_text().strip()]
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")

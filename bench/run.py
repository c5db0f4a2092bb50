"""The benchmark: `make bench` runs `python bench/run.py`.

    python bench/run.py                  SQLite, then PostgreSQL when its server binaries exist
    python bench/run.py --no-postgres    SQLite only
    python bench/run.py --load-only      only the 50-client gunicorn load, on each database
    python bench/run.py --leg OUT.json   one leg against DATABASE_URL (used internally)

Each leg runs in its own process on a throw-away database (a temporary SQLite
file; a temporary cluster from tests/postgres_cluster.py), builds the data set
(bench/dataset.py), measures the pages (bench/leg.py) and writes JSON. This
script then checks the budgets in bench/budgets.toml, writes bench/RESULTS.md
and exits non-zero when a budget is broken. Nothing here touches db.sqlite3.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.calendar_report import calendar_section, calendar_verdicts  # noqa: E402
from bench.report import check_budgets, write_results  # noqa: E402

BUDGETS = ROOT / "bench" / "budgets.toml"
RESULTS = ROOT / "bench" / "RESULTS.md"
# Seconds; two legs stay well inside the 10-minute limit (BENCH_LEG_TIMEOUT on a busy machine).
LEG_TIMEOUT = int(os.environ.get("BENCH_LEG_TIMEOUT", "280"))


def leg_env(database_url: str | None = None) -> dict[str, str]:
    # Static files are not measured: no collectstatic needed, and no whitenoise warning about it.
    env = {
        **os.environ,
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_DEBUG": "0",
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    return env


def run_child(
    name: str, command: list[str], env: dict[str, str], out: Path
) -> tuple[dict | None, str]:
    print(f"== {name} leg ==", flush=True)
    try:
        process = subprocess.run(
            command, cwd=ROOT, env=env, timeout=LEG_TIMEOUT, stderr=subprocess.PIPE, text=True
        )
    except subprocess.TimeoutExpired:
        print(f"{name} leg did not finish within {LEG_TIMEOUT} s", flush=True)
        return None, f"did not finish within {LEG_TIMEOUT} s"
    stderr = process.stderr or ""
    sys.stderr.write(stderr[-4000:])
    if out.exists():
        return json.loads(out.read_text(encoding="utf-8")), ""
    skipped = [line for line in stderr.splitlines() if line.startswith(("SKIPPED", "FAILED"))]
    return None, skipped[-1] if skipped else f"failed (exit code {process.returncode})"


def run_calendar(out: Path) -> list[dict]:
    """The calendar exports at 100 / 1,000 / 5,000 events (bench/calendar_bench.py)."""
    print("== calendar exports ==", flush=True)
    command = [sys.executable, str(ROOT / "bench" / "calendar_bench.py"), "--json", str(out)]
    try:
        subprocess.run(command, cwd=ROOT, env=leg_env(), timeout=LEG_TIMEOUT * 2, check=False)
    except subprocess.TimeoutExpired:
        print(f"calendar exports did not finish within {LEG_TIMEOUT * 2} s", flush=True)
    return json.loads(out.read_text(encoding="utf-8")) if out.exists() else []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the planner on a large data set.")
    parser.add_argument("--leg", type=Path, help="run one leg against DATABASE_URL, write JSON")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL leg")
    parser.add_argument("--load-seconds", type=float, default=20.0)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--no-calendar", action="store_true", help="skip the calendar exports")
    parser.add_argument(
        "--load-only",
        action="store_true",
        help="only the 50-client load on each database (prints it; RESULTS.md is left alone)",
    )
    args = parser.parse_args(argv)

    if args.leg:
        from bench.leg import run_leg

        run_leg(args.leg, load_seconds=args.load_seconds, only_load=args.load_only)
        return 0

    started = time.perf_counter()
    budgets = tomllib.loads(BUDGETS.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    legs: dict[str, dict] = {}
    notes: dict[str, str] = {}
    try:
        me = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--load-seconds",
            str(args.load_seconds),
            *(["--load-only"] if args.load_only else []),
        ]
        out = work / "sqlite.json"
        result, note = run_child(
            "SQLite", [*me, "--leg", str(out)], leg_env(f"sqlite:///{work / 'bench.sqlite3'}"), out
        )
        legs["SQLite"], notes["SQLite"] = result, note
        if args.no_postgres:
            notes["PostgreSQL"] = "not run (--no-postgres)"
        elif not (ROOT / "tests" / "postgres_cluster.py").exists():
            notes["PostgreSQL"] = "not run (tests/postgres_cluster.py is missing)"
        else:
            out = work / "postgresql.json"
            command = [sys.executable, "-m", "tests.postgres_cluster", "--", *me, "--leg", str(out)]
            # Persistent connections, as the README's Production section sets them: a new
            # PostgreSQL connection per request costs ~5 ms here, more than a page's queries.
            env = leg_env() | {"DJANGO_CONN_MAX_AGE": "60"}
            result, note = run_child("PostgreSQL", command, env, out)
            legs["PostgreSQL"], notes["PostgreSQL"] = result, note
        skip_calendar = args.no_calendar or args.load_only
        calendar_rows = [] if skip_calendar else run_calendar(work / "calendar.json")
        out = work / "extraction.json"
        extraction_script = str(ROOT / "bench" / "extraction.py")
        command = [sys.executable, extraction_script, "--json", str(out)]
        extraction, note = run_child("extraction", command, leg_env(), out)
        notes["Extraction"] = note
    finally:
        shutil.rmtree(work, ignore_errors=True)

    measured = {name: result for name, result in legs.items() if result}
    if not measured:
        print("bench: no leg produced results", file=sys.stderr)
        return 1
    if args.load_only:
        for name, result in measured.items():
            print(f"{name}: {json.dumps(result['load'])}")
        return 1 if any(result["load"]["errors"] for result in measured.values()) else 0
    verdicts = check_budgets(measured, budgets, extraction)
    calendar = calendar_verdicts(calendar_rows, budgets)
    elapsed = time.perf_counter() - started
    write_results(args.results, measured, notes, budgets, verdicts, elapsed, extraction)
    if calendar_rows:
        with args.results.open("a", encoding="utf-8") as results:
            results.write(calendar_section(calendar_rows, calendar, budgets))
    verdicts += calendar
    broken = [v for v in verdicts if not v.ok]
    print(f"bench: wrote {args.results} in {elapsed:.0f} s", flush=True)
    for verdict in verdicts:
        print(f"  {'ok  ' if verdict.ok else 'FAIL'} {verdict.text}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`make bench` checks every calendar export at 1,000 and 5,000 events against #13."""

import tomllib
from pathlib import Path

from bench.calendar_report import EXPORTS, calendar_section, calendar_verdicts

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))


def _row(export: str, events: int, ms: float, not_modified_ms: float = 5.0) -> dict:
    return {
        "export": export,
        "events": events,
        "first_ms": ms * 10,
        "median_ms": ms,
        "queries": 10,
        "kib": events // 2,
        "not_modified_ms": not_modified_ms,
        "not_modified_queries": 3,
    }


def test_each_export_is_checked_at_1000_and_5000_and_for_linearity():
    rows = [
        _row(export, events, ms)
        for export in EXPORTS
        for events, ms in ((100, 20.0), (1000, 60.0), (5000, 250.0))
    ]

    verdicts = calendar_verdicts(rows, BUDGETS)
    texts = [verdict.text for verdict in verdicts]

    for export in EXPORTS:
        assert any(f"{export} of 1,000 events, 200" in text for text in texts)
        assert any(f"{export} of 5,000 events, 200" in text for text in texts)
        assert any(f"{export} of 5,000 events, 304" in text for text in texts)
        assert any(f"{export} linear in N" in text for text in texts)
    assert all(verdict.ok for verdict in verdicts)


def test_a_slow_304_or_a_superlinear_export_fails_and_the_table_shows_targets():
    rows = [
        _row("personal feed", 1000, 50.0),
        _row("personal feed", 5000, 450.0, not_modified_ms=36.0),
    ]

    verdicts = calendar_verdicts(rows, BUDGETS)
    failed = [verdict.text for verdict in verdicts if not verdict.ok]
    section = calendar_section(rows, verdicts, BUDGETS)

    assert any("304 in 36.0 ms" in text for text in failed)
    assert any("linear in N" in text and "1.80" in text for text in failed)
    assert "| personal feed | 5,000 |" in section
    assert "200 ≤ 500 ms, 304 ≤ 10 ms" in section
    assert "- FAIL: calendar: personal feed of 5,000 events, 304" in section

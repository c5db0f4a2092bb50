"""`make bench` reads bench/budgets.toml first: a broken file stops every benchmark."""

import tomllib
from pathlib import Path

BUDGETS = Path(__file__).resolve().parents[1] / "bench" / "budgets.toml"


def test_the_budgets_parse_and_name_every_target_once():
    budgets = tomllib.loads(BUDGETS.read_text(encoding="utf-8"))

    assert budgets["load"]["max_errors"] == 0
    assert {"trip_page_median_ms", "editor_100_rows_median_ms"} <= set(budgets["time"])
    assert {"feed_1000_ms", "feed_5000_ms", "not_modified_5000_ms"} <= set(budgets["calendar"])
    assert "warm_max_s_per_10kb" in budgets["extraction"]

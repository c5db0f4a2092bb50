"""Planner asks the apps for possible matches through the draft registry (issue #14)."""

import ast
from pathlib import Path

from planner.drafts.registry import sections

PLANNER = Path(__file__).resolve().parents[2] / "planner"


def test_trips_and_events_offer_matches_and_quotes():
    offering = {s.key for s in sections() if s.matches and s.quotes}
    assert offering == {"trips", "events"}


def test_review_modules_name_no_app_model():
    for path in sorted(PLANNER.glob("review_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        ]
        imports = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert "get_model" not in calls, path.name
        assert not [m for m in imports if m.split(".")[0] in ("itineraries", "forums")], path.name

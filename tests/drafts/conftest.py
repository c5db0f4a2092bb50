from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPORA = [SHARED / "corpus" / "dev", SHARED / "corpus" / "seeds"]


def corpus_drafts() -> list[Path]:
    return sorted(path for corpus in CORPORA for path in corpus.glob("*.draft.json"))


@pytest.fixture(scope="session")
def compare():
    """The shared scorer (shared/tools/compare_drafts.py), as the reviewers run it."""
    tools = SHARED / "tools"
    if not (tools / "compare_drafts.py").exists():
        pytest.skip(f"{tools} is not there: the shared corpus tools are needed")
    sys.path.insert(0, str(tools))
    from compare_drafts import compare as compare_drafts

    return compare_drafts


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))

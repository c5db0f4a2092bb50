"""Warm extraction time over a corpus: `python bench/extraction.py [CORPUS_DIR] [--json OUT]`.

`make bench` (bench/run.py) runs it in its own process with `--json` and reports the figure
in bench/RESULTS.md against the budget in bench/budgets.toml.

The first document loads the analyser (kiwipiepy) and the place tables; every document is
then extracted again warm, and the report gives the median and worst time per document and
per 10 kB. Budget (issue #11): a 10 kB document in under 1 s once warm.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
BUDGET_S_PER_10KB = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))[
    "extraction"
]["warm_max_s_per_10kb"]


def measure_extraction(corpus: Path = DEFAULT_CORPUS) -> dict:
    from planner.extraction import warm_up
    from planner.extraction.draft import build

    texts = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("\n", 1)[1].lstrip("\n") if text.startswith("source:") else text)
    if not texts:
        return {"documents": 0}
    t0 = time.perf_counter()
    warm_up()
    build(texts[0])
    cold = time.perf_counter() - t0
    warm, per_10kb = [], []
    for text in texts:
        t0 = time.perf_counter()
        build(text)
        seconds = time.perf_counter() - t0
        warm.append(seconds)
        per_10kb.append(seconds * 10_000 / max(len(text.encode("utf-8")), 1))
    return {
        "documents": len(texts),
        "cold_s": cold,
        "warm_median_s": statistics.median(warm),
        "warm_max_s": max(warm),
        "warm_max_s_per_10kb": max(per_10kb),
        "ok": max(per_10kb) < BUDGET_S_PER_10KB,
    }


def main(argv: list[str]) -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planner.settings")
    django.setup()
    out = Path(argv[argv.index("--json") + 1]) if "--json" in argv else None
    folders = [a for a in argv if not a.startswith("--") and (out is None or a != str(out))]
    result = measure_extraction(Path(folders[0]) if folders else DEFAULT_CORPUS)
    if out is not None:
        out.write_text(json.dumps(result), encoding="utf-8")
    if not result["documents"]:
        print("extraction: no documents found")
        return 1
    print(
        f"extraction: {result['documents']} documents, cold {result['cold_s']:.2f} s, warm median "
        f"{result['warm_median_s'] * 1000:.0f} ms, worst {result['warm_max_s'] * 1000:.0f} ms, "
        f"worst per 10 kB {result['warm_max_s_per_10kb']:.2f} s "
        f"({'within' if result['ok'] else 'OVER'} the {BUDGET_S_PER_10KB:.0f} s budget)"
    )
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

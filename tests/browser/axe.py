"""Run axe-core in a Playwright page and fail on serious or critical violations.

axe is loaded through the DevTools protocol (``page.evaluate``), which the
page's Content-Security-Policy does not govern: the app keeps its strict
``script-src 'self'`` during the tests, so a CSP breakage still shows.
Every report, blocking or not, is written to ``artifacts/axe/<name>.json``
so that moderate and minor findings can be read too.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})

RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""
# axe's colour checks leave empty style="" attributes behind. The app has none (the CSP
# forbids them), and htmx copies attributes onto swapped-in elements, which the CSP would
# then report as the page's fault: restore the DOM as it was.
CLEAN_UP = (
    """() => document.querySelectorAll('[style=""]').forEach((e) => e.removeAttribute("style"))"""
)


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """All axe violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(RUN_AXE)
    page.evaluate(CLEAN_UP)
    return violations


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(
            f"    at {node['target']}: {(node['summary'] or '').splitlines()[-1].strip()}"
            for node in violation["nodes"][:5]
        )
    return "\n".join(lines)


def axe_blocking(page: Page, *, report: Path) -> list[dict]:
    """Run axe, write the full report, return the serious and critical violations."""
    violations = axe_violations(page)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(
        json.dumps({"url": page.url, "violations": violations}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]

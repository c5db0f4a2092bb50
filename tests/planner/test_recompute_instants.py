"""Part 3 of #13: new zone rules move future instants (local time kept), never past ones.

The processes below are real ``manage.py`` runs on one SQLite file: the rows are
stored with the pinned tzdata, then ``recompute_instants`` runs in a process whose
``tzdata`` package has a Vancouver built by ``zic`` from a crafted rule (a fixed
-05:00, as if the province had moved again).
"""

import shutil
import subprocess
from pathlib import Path

import pytest
import tzdata

from tests.live_server import ROOT, project_env, run_manage

CRAFTED_RULES = "Zone America/Vancouver -5:00 - XST\n"

STORE = """
from datetime import date, time
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.factories import (
    EngagementFactory, ForumFactory, SessionFactory, StopFactory, VenueFactory,
)
stop = StopFactory(timezone="America/Vancouver", city_en="Vancouver")
for ref, day in (("future", date(2027, 1, 15)), ("past", date(2026, 1, 15))):
    EngagementFactory(
        ref=ref, stop=stop, date=day, start_time=time(10, 0), end_time=time(11, 30)
    )
venue = VenueFactory(timezone="America/Vancouver")
forum = ForumFactory(
    ref="forum", venue=venue, date=date(2027, 2, 10), start_time=time(9, 0),
    end_time=time(17, 0), starts_at=None, ends_at=None, status="planned",
)
SessionFactory(ref="session", forum=forum, start_time=time(10, 0), starts_at=None)
"""

SHOW = """
from itineraries.models import Engagement
from forums.models import Forum, Session
for model in (Engagement, Forum, Session):
    for row in model.objects.order_by("ref"):
        ends = getattr(row, "ends_at", None)
        print(row.ref, row.start_time, row.starts_at.isoformat(),
              ends.isoformat() if ends else "-", row.sequence)
"""


def _crafted_tzdata(tmp_path: Path) -> Path:
    """A copy of the ``tzdata`` package whose Vancouver comes from ``CRAFTED_RULES``."""
    package = tmp_path / "site" / "tzdata"
    shutil.copytree(Path(tzdata.__file__).parent, package)
    (package / "__init__.py").write_text('IANA_VERSION = "2099z"\n')
    rules = tmp_path / "vancouver.zi"
    rules.write_text(CRAFTED_RULES)
    subprocess.run(
        [shutil.which("zic"), "-d", str(package / "zoneinfo"), str(rules)],
        check=True,
        timeout=60,
    )
    return tmp_path / "site"


def _rows(env) -> dict[str, list[str]]:
    out = run_manage(env, "shell", "-c", SHOW).stdout
    return {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}


@pytest.mark.skipif(shutil.which("zic") is None, reason="zic (tzdata's compiler) is not here")
def test_new_rules_move_future_instants_and_keep_past_ones(tmp_path):
    pinned = project_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    crafted = {**pinned, "PYTHONPATH": f"{_crafted_tzdata(tmp_path)}:{ROOT}"}
    run_manage(pinned, "shell", "-c", STORE)
    before = _rows(pinned)

    report = run_manage(crafted, "recompute_instants").stdout
    after = _rows(crafted)
    again = run_manage(crafted, "recompute_instants").stdout

    # Stored with the pinned rules: Vancouver is at -07:00 from November 2026, -08:00 before.
    assert before["future"] == [
        "10:00:00",
        "2027-01-15T17:00:00+00:00",
        "2027-01-15T18:30:00+00:00",
        "0",
    ]
    assert before["past"] == [
        "10:00:00",
        "2026-01-15T18:00:00+00:00",
        "2026-01-15T19:30:00+00:00",
        "0",
    ]
    # The future meeting keeps its local 10:00; its instant follows the new rules (-05:00).
    assert after["future"] == [
        "10:00:00",
        "2027-01-15T15:00:00+00:00",
        "2027-01-15T16:30:00+00:00",
        "1",
    ]
    assert after["forum"] == [
        "09:00:00",
        "2027-02-10T14:00:00+00:00",
        "2027-02-10T22:00:00+00:00",
        "1",
    ]
    assert after["session"][:2] == ["10:00:00", "2027-02-10T15:00:00+00:00"]
    assert after["session"][3] == "1"
    # What happened happened: the past meeting keeps its instant and its SEQUENCE.
    assert after["past"] == before["past"]
    assert (
        "engagement" in report
        and "2027-01-15 10:00 America/Vancouver (UTC-07:00 → UTC-05:00): "
        "2027-01-15 17:00 UTC → 2027-01-15 15:00 UTC, 2027-01-15 18:30 UTC → 2027-01-15 16:30 UTC"
        in report
    )
    assert report.splitlines()[-1] == "tzdata 2099z: 3 future item(s) moved; past items kept."
    assert again.splitlines() == ["tzdata 2099z: 0 future item(s) moved; past items kept."]

"""Defect 5 of issue #15: a line break in a title never breaks or injects into a calendar."""

import json
from datetime import date

import icalendar

from planner.ical import CalendarEntry, build_calendar
from tests.live_server import project_env, run_python

EVIL = "Evil\r\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT"


def test_build_calendar_escapes_the_calendar_name():
    entry = CalendarEntry(uid="e-1@x", summary=EVIL, timezone="Asia/Seoul", day=date(2026, 7, 10))

    calendar = build_calendar([entry], name=EVIL, uid="trip-1@x")
    parsed = icalendar.Calendar.from_ical(calendar.to_ical())

    assert len(parsed.events) == 1
    text = calendar.to_ical()
    assert b"\r\nNAME:Evil\\nBEGIN:VEVENT\\nSUMMARY:injected\\nEND:VEVENT\r\n" in text
    assert b"\r\nX-WR-CALNAME:Evil\\nBEGIN:VEVENT\\nSUMMARY:injected\\nEND:VEVENT\r\n" in text


def test_exports_under_python_optimize_escape_every_title(tmp_path):
    env = project_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'o.sqlite3'}",
        DJANGO_SETTINGS_MODULE="planner.settings",
    )
    result = run_python(env, "-O", "-m", "tests.planner.ics_under_optimize", check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    exports = json.loads(result.stdout)

    statuses = {name: export["status"] for name, export in exports.items()}
    assert statuses == {"trip": 200, "engagement": 200, "forum": 200, "session": 200}
    for name, export in exports.items():
        body = export["body"]
        assert "\r\nSUMMARY:injected" not in body, name
        assert "\r\nBEGIN:VEVENT\r\nSUMMARY:injected" not in body, name
        parsed = icalendar.Calendar.from_ical(body)
        assert not [e for e in parsed.events if str(e["SUMMARY"]) == "injected"], name

"""Zone rules come from the pinned tzdata package in every process, and show on /about/."""

import os
import shutil
import struct
import subprocess
import sys
import zoneinfo
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import tzdata
from django.core import checks
from django.urls import reverse

from planner.tzdata import tzdata_version, use_pinned_tzdata
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_VANCOUVER = Path("/usr/share/zoneinfo/America/Vancouver")


def test_this_process_reads_only_the_tzdata_package():
    assert zoneinfo.TZPATH == ()
    assert os.environ["PYTHONTZPATH"] == ""
    assert checks.run_checks(tags=[checks.Tags.compatibility]) == []


def test_vancouver_2027_follows_the_pinned_rules_not_the_systems():
    wall = datetime(2027, 1, 15, 10, 0)  # noqa: DTZ001 - a wall-clock time, zones added below

    pinned = wall.replace(tzinfo=zoneinfo.ZoneInfo("America/Vancouver"))

    assert tzdata_version() >= "2026f"
    assert pinned.utcoffset() == timedelta(hours=-7)  # permanent -07 from November 2026
    if SYSTEM_VANCOUVER.exists():  # Debian's 2025b still says PST, an hour off
        with SYSTEM_VANCOUVER.open("rb") as data:
            system = wall.replace(tzinfo=zoneinfo.ZoneInfo.from_file(data))
        assert system.utcoffset() != pinned.utcoffset()


def test_the_check_fails_when_a_system_path_comes_back():
    zoneinfo.reset_tzpath(["/usr/share/zoneinfo"])
    try:
        messages = checks.run_checks(tags=[checks.Tags.compatibility])
    finally:
        use_pinned_tzdata()

    assert [message.id for message in messages] == ["planner.E001"]


def _python(code: str, **env) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "planner.settings", **env},
    )
    return result.stdout.strip()


def test_a_management_command_process_reads_the_package_too():
    # A fresh process whose environment asks for the system's zone data.
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "import zoneinfo; print(zoneinfo.TZPATH)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONTZPATH": "/usr/share/zoneinfo"},
    )
    assert out.stdout.strip().splitlines()[-1] == "()"


def _tzif(offset_hours: int, name: bytes) -> bytes:
    """A TZif v2 file with one fixed offset and no transitions (RFC 8536)."""
    counts = struct.pack(">6l", 0, 0, 0, 0, 1, len(name) + 1)
    ttinfo = struct.pack(">lbb", offset_hours * 3600, 0, 0) + name + b"\0"
    block = b"TZif2" + b"\0" * 15 + counts + ttinfo
    sign = "-" if offset_hours > 0 else "+"  # POSIX counts west of Greenwich as positive
    footer = f"\n{name.decode()}{sign}{abs(offset_hours)}\n".encode()
    return block + block + footer


@pytest.fixture
def crafted_tzdata(tmp_path):
    """A copy of the ``tzdata`` package where Vancouver has moved to a fixed -05:00."""
    package = tmp_path / "tzdata"
    shutil.copytree(Path(tzdata.__file__).parent, package)
    (package / "__init__.py").write_text('IANA_VERSION = "2099z"\n')
    (package / "zoneinfo" / "America" / "Vancouver").write_bytes(_tzif(-5, b"XST"))
    return tmp_path


def test_new_zone_data_keeps_a_future_meetings_local_time(crafted_tzdata):
    code = """
import django; django.setup()
from datetime import date, time
from planner.ical import CalendarEntry, build_calendar
from planner.timezones import local_instant
from planner.tzdata import tzdata_version
start = local_instant(date(2027, 1, 15), time(10, 0), "America/Vancouver")
entry = CalendarEntry(uid="e@x", summary="Meeting", timezone="America/Vancouver", start=start)
body = build_calendar([entry], name="n", uid="c@x").to_ical().decode()
print(tzdata_version(), start.utcoffset().total_seconds() / 3600)
print([line for line in body.splitlines() if line.startswith(("DTSTART;", "TZOFFSETTO"))])
"""
    pinned = _python(code).splitlines()
    crafted = _python(code, PYTHONPATH=str(crafted_tzdata)).splitlines()

    assert pinned[0].endswith(" -7.0")
    assert crafted[0] == "2099z -5.0"
    # The wall-clock time staff entered stays 10:00; the offset (so the instant) follows the data.
    assert "DTSTART;TZID=America/Vancouver:20270115T100000" in crafted[1]
    assert "DTSTART;TZID=America/Vancouver:20270115T100000" in pinned[1]
    assert "TZOFFSETTO:-0500" in crafted[1]
    assert "TZOFFSETTO:-0500" not in pinned[1]


@pytest.mark.django_db
def test_staff_see_the_zone_data_version_on_the_about_page(client):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("planner:about"))

    assert response.status_code == 200
    assert f'<dd id="tzdata-version">{tzdata_version()} (' in response.content.decode()
    assert reverse("planner:about") in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_about_page_is_for_staff_only(client):
    client.force_login(UserFactory(is_staff=False))

    assert client.get(reverse("planner:about")).status_code == 403

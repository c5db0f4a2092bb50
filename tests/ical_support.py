"""Reading our .ics output the way calendar apps do, with three independent parsers.

- icalendar (Python; the library that writes it, so it is not enough alone),
- Mozilla's ical.js, the parser inside Thunderbird, run under node
  (install once with ``npm ci --prefix tests/js``; without it these tests skip,
  except under CI=true, where they fail),
- vobject (Python; the parser of the Radicale CalDAV server), when installed.

``assert_parsers_agree`` checks that every parser finds the same events at the
same instants, and returns icalendar's view for further asserts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

JS_DIR = Path(__file__).parent / "js"
NODE = shutil.which("node")
ICALJS_READY = bool(NODE) and (JS_DIR / "node_modules" / "ical.js").is_dir()
ICALJS_MISSING = (
    "Mozilla's ical.js is not installed: run `npm ci --prefix tests/js` (needs node >= 18)"
    if NODE
    else "node is not installed, so Mozilla's ical.js cannot check the calendars"
)

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import vobject
except ImportError:  # pragma: no cover - optional third parser
    vobject = None


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _start_key(value: date | datetime) -> str:
    """An instant in UTC for timed events, the bare date for all-day ones."""
    if isinstance(value, datetime):
        return _iso(value)
    return value.isoformat()


def events_by_icalendar(body: bytes) -> dict[str, dict]:
    calendar = Calendar.from_ical(body)
    return {
        str(event["UID"]): {
            "start": _start_key(event.start),
            "all_day": not isinstance(event.start, datetime),
            "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
        }
        for event in calendar.walk("VEVENT")
    }


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def events_by_icaljs(body: bytes) -> dict[str, dict]:
    if not ICALJS_READY:
        # Like the browser and PostgreSQL legs: skipped on a laptop, required in CI.
        if _in_ci():
            pytest.fail(ICALJS_MISSING)
        pytest.skip(ICALJS_MISSING)
    result = subprocess.run(
        [NODE, str(JS_DIR / "parse_ics.mjs")],
        input=body,
        capture_output=True,
        check=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
    )
    parsed = json.loads(result.stdout)
    events = {}
    for event in parsed["events"]:
        start = event["start_date"] if event["all_day"] else event["start"].replace(".000Z", "Z")
        events[event["uid"]] = {
            "start": start,
            "all_day": event["all_day"],
            "status": event["status"] or "",
            "sequence": event["sequence"],
        }
    return events


def events_by_vobject(body: bytes) -> dict[str, dict] | None:
    if vobject is None:
        return None
    # vobject keeps the first VTIMEZONE it met for a TZID for the whole process: forget
    # earlier files, so each calendar is read with its own blocks.
    registry = vars(vobject.icalendar)["__tzidMap"]
    for tzid in [tzid for tzid in registry if tzid != "UTC"]:
        del registry[tzid]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = vobject.readOne(body.decode("utf-8"))
        events = {}
        for event in getattr(calendar, "vevent_list", []):
            start = event.dtstart.value
            events[event.uid.value] = {
                "start": _start_key(start),
                "all_day": not isinstance(start, datetime),
                "status": event.status.value if hasattr(event, "status") else "",
                "sequence": int(event.sequence.value) if hasattr(event, "sequence") else 0,
            }
    return events


def assert_parsers_agree(body: bytes) -> dict[str, dict]:
    """Every parser sees the same events, instants, all-day flags, statuses and sequences."""
    reference = events_by_icalendar(body)
    assert events_by_icaljs(body) == reference
    by_vobject = events_by_vobject(body)
    if by_vobject is not None:
        assert by_vobject == reference
    return reference


# Text-level checks -------------------------------------------------------------------


def unfold(body: bytes) -> str:
    return body.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")


def assert_well_formed(body: bytes) -> None:
    """CRLF line ends, no line over 75 octets, and a VTIMEZONE for every TZID."""
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character
    text = unfold(body)
    used = set(re.findall(r";TZID=([^:;]+)[:;]", text))
    defined = set(re.findall(r"^TZID:([^\r\n]+)", text, flags=re.MULTILINE))
    assert used <= defined, f"TZIDs without a VTIMEZONE: {used - defined}"
    assert Calendar.from_ical(body).get_missing_tzids() == set()


def property_values(body: bytes, name: str) -> list[str]:
    """The raw (unfolded, still escaped) values of a property, in file order."""
    return re.findall(rf"^{name}(?:;[^:\r\n]*)?:([^\r\n]*)", unfold(body), flags=re.MULTILINE)

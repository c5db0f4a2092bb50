"""Zone rules from the pinned ``tzdata`` package, never from the operating system.

Python's ``zoneinfo`` looks in ``/usr/share/zoneinfo`` and its siblings first and
falls back to the ``tzdata`` package only when a zone is missing there, so a
server's old system data (2025b on Debian here) would decide where meetings
land. :func:`use_pinned_tzdata` empties the search path, so that every zone
comes from the package pinned in ``pyproject.toml``. ``planner.settings``
calls it before anything can build a zone, which covers the web processes,
management commands and the test run alike; ``PYTHONTZPATH`` is emptied too,
so Python processes that this one starts (the autoreloader, a worker) begin
the same way. ``planner.checks`` refuses to start if anything put a path back.
"""

from __future__ import annotations

import os
import zoneinfo
from importlib.metadata import PackageNotFoundError, version


def use_pinned_tzdata() -> None:
    os.environ["PYTHONTZPATH"] = ""
    zoneinfo.reset_tzpath([])
    # Zones built before this point (none, when called from settings) came from the OS.
    zoneinfo.ZoneInfo.clear_cache()


def tzdata_version() -> str:
    """The IANA release of the zone data in use, e.g. ``2026f`` (package 2026.6)."""
    try:
        import tzdata
    except ImportError:  # pragma: no cover - tzdata is a hard dependency
        return ""
    return tzdata.IANA_VERSION


def tzdata_package_version() -> str:
    try:
        return version("tzdata")
    except PackageNotFoundError:  # pragma: no cover
        return ""


def zone_source_problem() -> str:
    """Why zones might not come from the pinned package, or "" when they do."""
    if zoneinfo.TZPATH:
        return f"zoneinfo searches {zoneinfo.TZPATH!r} before the tzdata package"
    if not tzdata_version():
        return "the tzdata package is not installed"
    return ""

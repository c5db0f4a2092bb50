"""The draft's small value types (DATE, TIME, PLACE) in and out of model fields.

A DATE goes into four columns named by convention: ``<field>``, ``<field>_precision``,
``<field>_written`` and ``<field>_weekday`` (see ``planner.models.base.fuzzy_date``).
Span, confidence and notes of any object are kept in the row's ``provenance``,
keyed by where they sat in the draft ("" for the object itself, "start" for its
start date), so that a round trip gives them back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from django.db import models

from planner.drafts.errors import DraftError, join
from planner.models import FLOATING, DatePrecision, Venue
from planner.timezones import IANA_ZONES

META_KEYS = ("span", "confidence", "notes")
_ZONES = frozenset(IANA_ZONES)
_PRECISION_BY_LENGTH = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}
_DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- span, confidence, notes ---------------------------------------------------


def collect_meta(data: dict, *, skip: tuple[str, ...] = ()) -> dict:
    """Span/confidence/notes of ``data`` and of the plain objects nested in it."""
    found: dict[str, dict] = {}

    def walk(obj: dict, prefix: str) -> None:
        own = {key: obj[key] for key in META_KEYS if obj.get(key) is not None}
        if not isinstance(own.get("notes", []), list):
            del own["notes"]  # a row's remarks (비고) are a field, not notes about it
        if own:
            found[prefix] = own
        for key, value in obj.items():
            if key in skip and not prefix:
                continue
            if isinstance(value, dict):
                walk(value, f"{prefix}.{key}" if prefix else key)

    walk(data, "")
    return found


def apply_meta(data: dict, provenance: dict | None) -> dict:
    """Put stored span/confidence/notes back where they were read."""
    for prefix, meta in (provenance or {}).items():
        target: Any = data
        for key in prefix.split(".") if prefix else []:
            target = target.get(key) if isinstance(target, dict) else None
        if isinstance(target, dict):
            target.update(meta)
    return data


# --- DATE -----------------------------------------------------------------------


def parse_date(value: Any, path: str) -> tuple[date | None, str, str, str]:
    """(date, precision, as written, weekday stated) from a DATE; a bad date names its path."""
    if value is None:
        return None, DatePrecision.DAY, "", ""
    if isinstance(value, str):
        value = {"value": value}
    raw = value.get("value")
    written = value.get("as_written") or ""
    weekday = value.get("weekday_stated") or ""
    precision = value.get("precision")
    if raw is None:
        return None, precision or DatePrecision.DAY, written, weekday
    if not _DATE_PATTERN.match(raw):
        raise DraftError(
            join(path, "value"), f"“{raw}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    implied = _PRECISION_BY_LENGTH[len(raw)]
    precision = precision or implied
    if precision != implied:
        raise DraftError(
            join(path, "precision"), f"“{raw}” is a {implied} date, not precise to the {precision}"
        )
    parts = [int(part) for part in raw.split("-")] + [1, 1]
    try:
        day = date(parts[0], parts[1], parts[2])
    except ValueError as error:
        raise DraftError(join(path, "value"), f"“{raw}” is not a date in the calendar") from error
    return day, precision, written, weekday


def date_columns(field: str, written: str | None = None) -> tuple[str, str, str, str]:
    return field, f"{field}_precision", written or f"{field}_written", f"{field}_weekday"


def set_date(row: models.Model, field: str, value: Any, path: str, written: str | None = None):
    names = date_columns(field, written)
    for name, part in zip(names, parse_date(value, path), strict=True):
        setattr(row, name, part)


def date_out(row: models.Model, field: str, written: str | None = None) -> dict | None:
    value_name, precision_name, written_name, weekday_name = date_columns(field, written)
    value: date | None = getattr(row, value_name)
    as_written = getattr(row, written_name)
    if value is None and not as_written:
        return None
    precision = getattr(row, precision_name)
    text = None
    if value is not None:
        text = {"day": value.isoformat(), "month": value.isoformat()[:7]}.get(
            precision, str(value.year)
        )
    return {
        "value": text,
        "precision": precision,
        "as_written": as_written or None,
        "weekday_stated": getattr(row, weekday_name) or None,
    }


# --- TIME -------------------------------------------------------------------------


def parse_time(value: Any, path: str) -> time | None:
    if value in (None, ""):
        return None
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", str(value))
    if not match or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        raise DraftError(path, f"“{value}” is not a time (HH:MM)")
    hour, minute = int(match.group(1)), int(match.group(2))
    return time(0, minute) if hour == 24 else time(hour, minute)


def time_out(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def parse_local_datetime(value: Any, path: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError as error:
        raise DraftError(path, f"“{value}” is not a local date and time") from error


# --- PLACE -----------------------------------------------------------------------

PLACE_KEYS = (
    "country", "city", "locality", "venue", "building", "floor", "room", "address", "phone",
    "airport", "timezone",
)  # fmt: skip


def check_timezone(value: Any, path: str) -> str:
    if value in (None, ""):
        return ""
    if value != FLOATING and value not in _ZONES:
        raise DraftError(path, f"“{value}” is not an IANA time zone or “floating”")
    return value


def check_country(value: Any, path: str) -> str:
    if value in (None, ""):
        return ""
    from django_countries import countries

    code = str(value).upper()
    if code not in dict(countries):
        raise DraftError(path, f"“{value}” is not an ISO 3166 country code")
    return code


def is_hangul(text: str | None) -> bool:
    return bool(text) and any("\uac00" <= char <= "\ud7a3" for char in text)


def venue_from_place(place: dict, path: str) -> Venue:
    """An unsaved Venue holding every key of a PLACE (an empty one when nothing is known)."""
    city = place.get("city") or ""
    venue_name = place.get("venue") or ""
    return Venue(
        name_ko=venue_name,
        building=place.get("building") or "",
        floor=place.get("floor") or "",
        room=place.get("room") or "",
        locality=place.get("locality") or "",
        city_ko=city,
        country=check_country(place.get("country"), join(path, "country")),
        timezone=check_timezone(place.get("timezone"), join(path, "timezone")),
        address=place.get("address") or "",
        phone=place.get("phone") or "",
        airport=(place.get("airport") or "").upper(),
    )


def place_out(venue: Venue | None) -> dict | None:
    if venue is None:
        return None
    return {
        "country": venue.country.code or None,
        "city": venue.city_ko or venue.city_en or None,
        "locality": venue.locality or None,
        "venue": venue.name_ko or venue.name_en or None,
        "building": venue.building or None,
        "floor": venue.floor or None,
        "room": venue.room or None,
        "address": venue.address or None,
        "phone": venue.phone or None,
        "airport": venue.airport or None,
        "timezone": venue.timezone or None,
    }


def place_is_empty(place: dict | None) -> bool:
    return not place or all(place.get(key) in (None, "") for key in PLACE_KEYS)


# --- plain text and keyed rows ------------------------------------------------


def as_text(value: Any) -> str:
    """A draft's string; anything else (null, a number, a list) reads as no text."""
    return value if isinstance(value, str) else ""


def keyed_row(model: type[models.Model], entry: dict) -> Any:
    """The row an entry's ``key`` names (found again on a round trip), else a new one with it."""
    row = model.objects.filter(ref=entry["key"]).first() if entry.get("key") else None
    return row or model(ref=entry.get("key") or None)

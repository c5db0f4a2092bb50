"""What the planner accepts from a URL or a form: numbers and dates within bounds.

A query string is typed by hand or by a bot: ``?month=9999-12`` (whose next month
does not exist), ``?date=2026-02-30``, ``?version=`` with 5,000 digits. Each parser
here returns ``None`` for "not given" and raises ``BadRequest`` (a 400 page that
says what was wrong) for a value no page can show. Forms use ``validate_day`` so
that a date of year 1 or 9999 is a form error, not an overflow later on.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import BadRequest, ValidationError
from django.utils.translation import gettext as _

# Dates the planner can show and compute with (a month or a week either side still
# exists, and every time zone's offset still fits in a datetime).
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
# Row ids and version numbers: a bigint, at most 19 digits.
MAX_DIGITS = 18


def day_in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def range_message() -> str:
    return _("Dates from %(first)s to %(last)s only.") % {
        "first": EARLIEST.isoformat(),
        "last": LATEST.isoformat(),
    }


def validate_day(value: date | datetime | None) -> None:
    """A form validator: the date (or the date of a datetime) is in the supported range."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if not day_in_range(day):
        raise ValidationError(range_message(), code="date_out_of_range")


def query_day(value: str | None, *, name: str) -> date | None:
    """``YYYY-MM-DD`` or nothing; anything else is a 400."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadRequest(_("%(name)s: not a date (YYYY-MM-DD).") % {"name": name}) from None
    if not day_in_range(day):
        raise BadRequest(f"{name}: {range_message()}")
    return day


def query_month(value: str | None, *, name: str = "month") -> date | None:
    """``YYYY-MM`` (the first of that month) or nothing; anything else is a 400."""
    if not value:
        return None
    year, _sep, month = value.partition("-")
    if not (year.isdigit() and month.isdigit() and len(year) == 4 and len(month) <= 2):
        raise BadRequest(_("%(name)s: not a month (YYYY-MM).") % {"name": name})
    try:
        first = date(int(year), int(month), 1)
    except ValueError:
        raise BadRequest(_("%(name)s: not a month (YYYY-MM).") % {"name": name}) from None
    if not day_in_range(first):
        raise BadRequest(f"{name}: {range_message()}")
    return first


def query_number(value: str | None, *, name: str) -> int | None:
    """A positive whole number (an id, a version) or nothing; anything else is a 400."""
    if not value:
        return None
    if not value.isdigit() or not value.isascii() or len(value) > MAX_DIGITS:
        raise BadRequest(_("%(name)s: not a number.") % {"name": name})
    return int(value)

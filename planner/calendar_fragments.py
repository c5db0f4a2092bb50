"""Calendars assembled from stored VEVENTs: each event is serialized once, not on every poll.

icalendar still writes every event (escaping, folding and the repeated hour stay
the library's and ``planner.ical``'s); the text is kept in ``CalendarFragment``
with a version, and a feed, trip or forum calendar is its VCALENDAR head, the
VTIMEZONE blocks of the zones its events use (cached per zone and span), and the
stored events in calendar order. Only rows whose version changed are loaded with
their relations and written again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from icalendar import Calendar

from planner.calendar_registry import Absolute, CalendarSource
from planner.calendar_validators import row_versions
from planner.ical import (
    CalendarEntry,
    CalendarHead,
    ZoneSpans,
    build_event,
    empty_calendar,
    timezone_blocks,
    widen_spans,
)
from planner.models import CalendarFragment

# Rows loaded with their relations per query when their fragments are rewritten.
REWRITE_BATCH = 500
END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class Piece:
    """One item of a calendar: its VEVENT text, or only its title when it has no date."""

    uid: str
    sort_key: str
    body: str
    summary: str = ""
    # The TZIDs its VEVENT uses with the local year: "Pacific/Auckland:2027 UTC:".
    zones: str = ""


def piece_of(entry: CalendarEntry) -> Piece:
    if not entry.placed:
        return Piece(entry.uid, "", "", summary=entry.summary)
    event = build_event(entry)
    years = entry.zone_years()
    zones = " ".join(
        f"{tzid}:{years.get(tzid) or ''}" for tzid in sorted(Calendar.get_used_tzids(event))
    )
    return Piece(entry.uid, entry.sort_text(), event.to_ical().decode(), zones=zones)


def _zones_of(text: str) -> dict[str, int | None]:
    """TZID -> local year (None: this year's, as for a TZID without a timed item)."""
    zones: dict[str, int | None] = {}
    for part in text.split():
        tzid, _sep, year = part.rpartition(":")
        zones[tzid] = int(year) if year else None
    return zones


def _versions(source: CalendarSource, rows: QuerySet, shaping: str) -> dict[int, str]:
    """Per row, a digest of its stamps and of the settings that shape its text."""
    return {
        pk: hashlib.md5(  # noqa: S324 - a change detector, not a secret
            "|".join([shaping, *map(str, stamps)]).encode(), usedforsecurity=False
        ).hexdigest()
        for pk, stamps in row_versions(source, rows).items()
    }


def pieces(
    source: CalendarSource, rows: QuerySet, absolute: Absolute, shaping: tuple
) -> list[Piece]:
    """The pieces of ``rows`` (``source``'s rows with their relations), rewriting stale ones."""
    versions = _versions(source, rows, repr(shaping))
    if not versions:
        return []
    stored = CalendarFragment.objects.filter(
        kind=source.kind, object_id__in=rows.order_by().values("pk")
    ).values_list("object_id", "version", "uid", "sort_key", "body", "summary", "zones")
    found: dict[int, Piece] = {
        pk: Piece(*fields) for pk, version, *fields in stored if versions.get(pk) == version
    }
    stale = sorted(pk for pk in versions if pk not in found)
    if stale:
        # A few changed rows are loaded by id; many (a first export) with the whole scope,
        # so the reads stay the same in number whatever the size.
        loaded = source.rows().filter(pk__in=stale) if len(stale) <= REWRITE_BATCH else rows
        written = {
            row.pk: piece_of(source.entry(row, absolute))
            for row in loaded
            if row.pk in versions and row.pk not in found
        }
        _store(source.kind, written, versions)
        found |= written
    return list(found.values())


def _store(kind: str, written: dict[int, Piece], versions: dict[int, str]) -> None:
    # In primary-key order: two polls rewriting the same rows lock them in one order.
    CalendarFragment.objects.bulk_create(
        [
            CalendarFragment(
                kind=kind,
                object_id=pk,
                version=versions[pk],
                uid=piece.uid,
                sort_key=piece.sort_key,
                zones=piece.zones,
                summary=piece.summary,
                body=piece.body,
            )
            for pk, piece in sorted(written.items())
        ],
        update_conflicts=True,
        unique_fields=("kind", "object_id"),
        update_fields=("version", "uid", "sort_key", "zones", "summary", "body"),
    )


def forget(kind: str, object_id: int) -> None:
    """A deleted item's text goes with it (its tombstone tells calendars)."""
    CalendarFragment.objects.filter(kind=kind, object_id=object_id).delete()


def assemble(
    head: CalendarHead, parts: Iterable[Piece], extra: Iterable[CalendarEntry] = ()
) -> bytes:
    """The calendar text: head, VTIMEZONEs, events in order; ``extra`` built now (tombstones),
    left out when an item with the same UID is live again."""
    parts = list(parts)
    live = {part.uid for part in parts}
    parts += [piece_of(entry) for entry in extra if entry.uid not in live]
    placed = sorted((part for part in parts if part.body), key=lambda part: part.sort_key)
    unplaced = [part.summary for part in parts if not part.body]
    spans: ZoneSpans = {}
    tzids: set[str] = set()
    for zones in {part.zones for part in placed}:  # most events share a few zone lines
        years = _zones_of(zones)
        tzids.update(years)
        widen_spans(spans, {tzid: year for tzid, year in years.items() if year})
    text = empty_calendar(head, unplaced).to_ical()
    return b"".join(
        [
            text.removesuffix(END),
            *timezone_blocks(tzids, spans),
            "".join(part.body for part in placed).encode(),
            END,
        ]
    )

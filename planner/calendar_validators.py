"""Validators (ETags) of calendar exports, computed before anything is built.

Calendar apps poll feeds every few minutes; most polls find nothing new. The
validator is a digest of what the calendar is made from: per table, how many
rows and when the latest one changed (one aggregate query each), the live
tombstones, and the settings that shape the text (UID domain, language, the
tzdata release, the output format, the host the links point to). A poll whose
``If-None-Match`` matches is answered 304 without loading or serializing a row.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from planner.ical import PRODID, uid_domain
from planner.tzdata import tzdata_version

# Raise when the text of the exports changes for unchanged rows (a new property, a fix).
OUTPUT_FORMAT = "2026-12-journeys-in-two-zones"


def aggregate_state(queryset: QuerySet, relations=(), counts=()) -> tuple:
    """Count and latest changes of the rows and of what they show: one aggregate query.

    ``relations``: paths to an ``updated`` stamp; ``counts``: relations whose rows
    are counted (a removed line changes no stamp).
    """
    aggregates = {
        "state_rows": Count("pk", distinct=True),
        "state_changed": Max("updated"),
        "state_sequence": Max("sequence"),
    }
    aggregates |= {f"state_v{n}": Max(path) for n, path in enumerate(relations)}
    aggregates |= {f"state_c{n}": Count(path, distinct=True) for n, path in enumerate(counts)}
    return _plain(queryset.order_by().aggregate(**aggregates).values())


def row_versions(queryset: QuerySet, relations=(), counts=()) -> QuerySet:
    """Per row, what its calendar text is made of: ``(pk, updated, sequence, stamps…)``.

    The same stamps as :func:`aggregate_state`, grouped by row: a stored fragment
    whose version differs is written again.
    """
    annotations = {f"v_{n}": Max(path) for n, path in enumerate(relations)}
    annotations |= {f"c_{n}": Count(path, distinct=True) for n, path in enumerate(counts)}
    return (
        queryset.order_by()
        .annotate(**annotations)
        .values_list("pk", "updated", "sequence", *annotations)
    )


def _plain(values) -> tuple:
    return tuple(value.isoformat() if hasattr(value, "isoformat") else value for value in values)


def tombstones_state(tombstones: QuerySet) -> tuple:
    values = tombstones.order_by().aggregate(rows=Count("pk"), deleted=Max("deleted_at"))
    return _plain(values.values())


def shaping(request: HttpRequest) -> tuple:
    """The settings that shape the text of unchanged rows (stored fragments are keyed by it)."""
    return (
        OUTPUT_FORMAT,
        PRODID,
        uid_domain(),
        settings.LANGUAGE_CODE,
        tzdata_version(),
        timezone.localdate().year,  # the VTIMEZONE span of a calendar without timed items
        request.scheme,
        request.get_host(),
    )


def validator(request: HttpRequest, *states) -> str:
    """A strong ETag from the states of the rows and the settings that shape the text."""
    digest = hashlib.sha256(repr((shaping(request), states)).encode()).hexdigest()[:32]
    return f'"{digest}"'

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
OUTPUT_FORMAT = "2026-12-repeated-hour-utc"


def _state(queryset: QuerySet, **aggregates) -> tuple:
    # Aliases of their own: an alias named like a relation ("people") would shadow it.
    values = queryset.order_by().aggregate(
        **{f"state_{name}": expression for name, expression in aggregates.items()}
    )
    return tuple(
        value.isoformat() if hasattr(value, "isoformat") else value for value in values.values()
    )


def stays_state(stays: QuerySet) -> tuple:
    """Hotel stays: a deleted stay lowers the count, an edited place moves ``venues``."""
    return _state(
        stays,
        rows=Count("pk", distinct=True),
        changed=Max("updated"),
        venues=Max("venue__updated"),
        members=Count("members", distinct=True),
        members_changed=Max("members__updated"),
    )


def engagements_state(engagements: QuerySet) -> tuple:
    return _state(
        engagements,
        rows=Count("pk", distinct=True),
        changed=Max("updated"),
        sequence=Max("sequence"),
        trips=Max("trip__updated"),
        stops=Max("stop__updated"),
        venues=Max("venue__updated"),
        hosts=Max("host__updated"),
        people=Count("people", distinct=True),
        people_changed=Max("people__updated"),
        persons=Max("people__person__updated"),
    )


def forums_state(forums: QuerySet, *, with_sessions: bool) -> tuple:
    aggregates = {
        "rows": Count("pk", distinct=True),
        "changed": Max("updated"),
        "sequence": Max("sequence"),
        "venues": Max("venue__updated"),
        "people": Count("people", distinct=True),
        "people_changed": Max("people__updated"),
        "organisers": Count("organisers", distinct=True),
        "organisers_changed": Max("organisers__updated"),
    }
    if with_sessions:
        aggregates |= {
            "sessions": Count("sessions", distinct=True),
            "sessions_changed": Max("sessions__updated"),
            "session_people": Count("sessions__people", distinct=True),
            "session_people_changed": Max("sessions__people__updated"),
            "items": Count("sessions__items", distinct=True),
            "items_changed": Max("sessions__items__updated"),
        }
    return _state(forums, **aggregates)


def tombstones_state(tombstones: QuerySet) -> tuple:
    return _state(tombstones, rows=Count("pk"), deleted=Max("deleted_at"))


def validator(request: HttpRequest, *states) -> str:
    """A strong ETag from the states of the rows and the settings that shape the text."""
    shaping = (
        OUTPUT_FORMAT,
        PRODID,
        uid_domain(),
        settings.LANGUAGE_CODE,
        tzdata_version(),
        timezone.localdate().year,  # the VTIMEZONE span of a calendar without timed items
        request.scheme,
        request.get_host(),
    )
    digest = hashlib.sha256(repr((shaping, states)).encode()).hexdigest()[:32]
    return f'"{digest}"'

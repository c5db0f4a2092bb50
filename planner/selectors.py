"""Reads for the core pages: each returns a queryset that needs a fixed number of queries.

``planner`` imports neither ``itineraries`` nor ``forums``: what a core page shows
of them (home lists, the "involved in" sections of people, organisations and
documents) is what they registered (``planner.calendar_registry``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Prefetch, QuerySet

from planner.calendar_registry import parent, related_lookups
from planner.models import (
    Agreement,
    Contact,
    FollowUp,
    Organisation,
    Person,
    SourceDocument,
)

# Home -----------------------------------------------------------------------


def _upcoming(key: str, today: date, limit: int) -> list:
    kind = parent(key)
    rows = kind.objects().filter(**{f"{kind.ends_field}__gte": today})
    return list(rows.order_by(kind.starts_field, "pk")[:limit])


def _recent(key: str, today: date, limit: int) -> list:
    kind = parent(key)
    rows = kind.objects().filter(**{f"{kind.ends_field}__lt": today})
    return list(rows.order_by(f"-{kind.starts_field}", "pk")[:limit])


def upcoming_trips(today: date, limit: int = 5) -> list:
    return _upcoming("trip", today, limit)


def recent_trips(today: date, limit: int = 5) -> list:
    return _recent("trip", today, limit)


def upcoming_forums(today: date, limit: int = 5) -> list:
    return _upcoming("forum", today, limit)


def recent_forums(today: date, limit: int = 5) -> list:
    return _recent("forum", today, limit)


def one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + timedelta(days=365)


def agreements_expiring(today: date) -> list[Agreement]:
    """Agreements whose last day in force falls within the coming year, soonest first."""
    horizon = one_year_after(today)
    candidates = Agreement.objects.filter(
        in_force_from__isnull=False, validity_years__isnull=False
    ).prefetch_related("parties")
    expiring = [a for a in candidates if today <= a.valid_until <= horizon]
    return sorted(expiring, key=lambda a: (a.valid_until, a.pk))


def counts() -> dict[str, int]:
    return {
        "trips": parent("trip").objects().count(),
        "forums": parent("forum").objects().count(),
        "agreements": Agreement.objects.count(),
        "people": Person.objects.count(),
        "organisations": Organisation.objects.count(),
        "documents": SourceDocument.objects.count(),
    }


# Agreements -------------------------------------------------------------------


def agreements_for_list() -> QuerySet[Agreement]:
    return (
        Agreement.objects.select_related("document")
        .prefetch_related("parties")
        .annotate(follow_up_count=Count("follow_ups", distinct=True))
    )


def agreement_for_detail() -> QuerySet[Agreement]:
    return Agreement.objects.select_related("document").prefetch_related(
        "parties",
        "areas",
        Prefetch("follow_ups", queryset=FollowUp.objects.select_related("partner")),
        *related_lookups("agreement"),
    )


# People -----------------------------------------------------------------------


def people_for_list() -> QuerySet[Person]:
    return Person.objects.select_related("organisation")


def person_for_detail() -> QuerySet[Person]:
    return Person.objects.select_related("organisation__parent").prefetch_related(
        *related_lookups("person"),
        Prefetch(
            "contact_lines", queryset=Contact.objects.select_related("department", "document")
        ),
    )


# Organisations ----------------------------------------------------------------


def organisations_for_list() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("parent").annotate(
        people_count=Count("people", distinct=True),
        unit_count=Count("units", distinct=True),
    )


def organisation_for_detail() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("parent__parent__parent").prefetch_related(
        "units",
        "people",
        Prefetch("agreements", queryset=Agreement.objects.prefetch_related("parties")),
        *related_lookups("organisation"),
        "documents",
    )


def parent_chain(organisation: Organisation) -> list[Organisation]:
    """The organisations above this one, the top first."""
    chain = []
    current = organisation.parent
    while current is not None and current not in chain:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


# Source documents -------------------------------------------------------------


def documents_for_list() -> QuerySet[SourceDocument]:
    return SourceDocument.objects.select_related("publisher").annotate(
        note_count=Count("notes", distinct=True)
    )


def document_for_detail() -> QuerySet[SourceDocument]:
    return SourceDocument.objects.select_related("publisher").prefetch_related(
        "notes",
        *related_lookups("document"),
        Prefetch("agreements", queryset=Agreement.objects.prefetch_related("parties")),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("department", "person").order_by(
                "-responsibility", "pk"
            ),
        ),
    )

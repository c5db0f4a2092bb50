"""Reads for the core pages: each returns a queryset that needs a fixed number of queries.

``planner`` imports neither ``itineraries`` nor ``forums``: their models are
looked up by name where a core page shows them (home, people, documents).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.apps import apps
from django.db.models import Count, Prefetch, QuerySet

from planner.models import (
    Agreement,
    Contact,
    FollowUp,
    Organisation,
    Person,
    SourceDocument,
)


def _model(label: str):
    return apps.get_model(label)


# Home -----------------------------------------------------------------------


def upcoming_trips(today: date, limit: int = 5) -> list:
    trips = _model("itineraries.Trip").objects.select_related("head", "organisation")
    return list(trips.filter(end_date__gte=today).order_by("start_date", "pk")[:limit])


def recent_trips(today: date, limit: int = 5) -> list:
    trips = _model("itineraries.Trip").objects.select_related("head", "organisation")
    return list(trips.filter(end_date__lt=today).order_by("-start_date", "pk")[:limit])


def upcoming_forums(today: date, limit: int = 5) -> list:
    forums = _model("forums.Forum").objects.select_related("venue", "series")
    return list(forums.filter(date__gte=today).order_by("date", "pk")[:limit])


def recent_forums(today: date, limit: int = 5) -> list:
    forums = _model("forums.Forum").objects.select_related("venue", "series")
    return list(forums.filter(date__lt=today).order_by("-date", "pk")[:limit])


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
        "trips": _model("itineraries.Trip").objects.count(),
        "forums": _model("forums.Forum").objects.count(),
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
        Prefetch("trips", queryset=_model("itineraries.Trip").objects.select_related("head")),
        Prefetch("forums", queryset=_model("forums.Forum").objects.select_related("venue")),
    )


# People -----------------------------------------------------------------------


def people_for_list() -> QuerySet[Person]:
    return Person.objects.select_related("organisation")


def person_for_detail() -> QuerySet[Person]:
    engagement_person = _model("itineraries.EngagementPerson")
    session_person = _model("forums.SessionPerson")
    forum_person = _model("forums.ForumPerson")
    session_item = _model("forums.SessionItem")
    member = _model("itineraries.DelegationMember")
    trip = _model("itineraries.Trip")
    return Person.objects.select_related("organisation__parent").prefetch_related(
        Prefetch(
            "itineraries_engagementperson_lines",
            queryset=engagement_person.objects.select_related(
                "engagement__trip", "engagement__stop", "engagement__venue"
            ),
        ),
        Prefetch(
            "forums_sessionperson_lines",
            queryset=session_person.objects.select_related("session__forum"),
        ),
        Prefetch("forums_forumperson_lines", queryset=forum_person.objects.select_related("forum")),
        Prefetch("session_items", queryset=session_item.objects.select_related("session__forum")),
        Prefetch("delegations", queryset=member.objects.select_related("trip", "group")),
        Prefetch("trips_headed", queryset=trip.objects.all()),
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
    trip = _model("itineraries.Trip")
    organiser = _model("forums.ForumOrganiser")
    return Organisation.objects.select_related("parent__parent__parent").prefetch_related(
        "units",
        "people",
        Prefetch("agreements", queryset=Agreement.objects.prefetch_related("parties")),
        Prefetch("trips", queryset=trip.objects.select_related("head")),
        Prefetch("forum_roles", queryset=organiser.objects.select_related("forum")),
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
    trip = _model("itineraries.Trip")
    forum = _model("forums.Forum")
    return SourceDocument.objects.select_related("publisher").prefetch_related(
        "notes",
        Prefetch("trips", queryset=trip.objects.select_related("head")),
        Prefetch("forums", queryset=forum.objects.select_related("venue")),
        Prefetch("agreements", queryset=Agreement.objects.prefetch_related("parties")),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("department", "person").order_by(
                "-responsibility", "pk"
            ),
        ),
    )

"""Reads for the forum pages, and the run-of-show rows as the events team prints them."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from forums.agenda.rows import AgendaRow, agenda_rows, forum_timing
from forums.models import Forum, ForumOrganiser, ForumPerson, Session
from planner.calendar_registry import related_lookups
from planner.language import is_english
from planner.models import Agreement, Contact, Role


def forums_for_list() -> QuerySet[Forum]:
    return (
        Forum.objects.select_related("series", "venue")
        .prefetch_related(
            Prefetch("organisers", queryset=ForumOrganiser.objects.select_related("organisation"))
        )
        .annotate(session_count=Count("sessions", distinct=True))
    )


def forum_for_detail() -> QuerySet[Forum]:
    sessions = Session.objects.with_lines()
    return Forum.objects.select_related("series", "venue", "document").prefetch_related(
        Prefetch("organisers", queryset=ForumOrganiser.objects.select_related("organisation")),
        Prefetch(
            "people",
            queryset=ForumPerson.objects.select_related("person__organisation", "organisation"),
        ),
        Prefetch("sessions", queryset=sessions),
        Prefetch(
            "contacts",
            queryset=Contact.objects.select_related("department", "person").order_by(
                "-responsibility", "pk"
            ),
        ),
        Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "pk")),
        # The trip engagements at this forum: itineraries registers them (forums does not
        # import itineraries).
        *related_lookups("forum"),
    )


def run_of_show(forum: Forum) -> list[AgendaRow]:
    """The rows as printed, from the one read model of the run-of-show. No queries."""
    sessions = list(forum.sessions.all())
    english = is_english()
    return agenda_rows(sessions, forum_timing(forum, sessions), english=english)


def master_of_ceremonies(forum: Forum) -> list[ForumPerson]:
    return [line for line in forum.people.all() if line.role == Role.MC]

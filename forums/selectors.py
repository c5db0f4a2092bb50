"""Reads for the forum pages, and the run-of-show rows as the events team prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Count, Prefetch, QuerySet
from django.utils.text import capfirst
from django.utils.translation import get_language

from forums.models import Forum, ForumOrganiser, ForumPerson, Session, SessionItem, SessionPerson
from planner.models import Agreement, Contact, Role


def forums_for_list() -> QuerySet[Forum]:
    return (
        Forum.objects.select_related("series", "venue")
        .prefetch_related(
            Prefetch("organisers", queryset=ForumOrganiser.objects.select_related("organisation"))
        )
        .annotate(session_count=Count("sessions", distinct=True))
    )


def forums_between(start: date | None = None, end: date | None = None) -> QuerySet[Forum]:
    forums = Forum.objects.select_related("series", "venue")
    if start is not None:
        forums = forums.filter(date__gte=start)
    if end is not None:
        forums = forums.filter(date__lt=end)
    return forums


def forum_for_detail() -> QuerySet[Forum]:
    sessions = Session.objects.order_by("order", "pk").prefetch_related(
        Prefetch("items", queryset=SessionItem.objects.select_related("person")),
        Prefetch("people", queryset=SessionPerson.objects.select_related("person", "organisation")),
    )
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
        Prefetch("engagements", queryset=_linked_engagements()),
    )


def _linked_engagements() -> QuerySet:
    # forums does not import itineraries (imports run one way): look the model up by name.
    return apps.get_model("itineraries", "Engagement").objects.select_related("trip", "stop")


def _title(obj: SessionItem | Session) -> str:
    english = (get_language() or "ko").lower().startswith("en")
    return (obj.title_en or obj.title_ko) if english else obj.title_ko


def _who(line: SessionPerson) -> str:
    return line.printed_as or line.display_name


@dataclass
class AgendaRow:
    """One row of the 시간 계획 table: the session, then the lines under "▶ title"."""

    session: Session
    title: str
    lines: list[str] = field(default_factory=list)


def run_of_show(forum: Forum) -> list[AgendaRow]:
    """The rows as printed: sub-items, the moderator line, the panel on one line. No queries."""
    rows = []
    for session in forum.sessions.all():
        lines = []
        for item in session.items.all():
            presenter = item.printed_as or (str(item.person) if item.person_id else "")
            text = f"{item.marker} {_title(item)}".strip()
            lines.append(f"{text} - {presenter}" if presenter else text)
        # A role line already printed in the remarks column (비고) is not repeated.
        people = [
            line for line in session.people.all() if _who(line) and _who(line) != session.notes
        ]
        for line in people:
            if line.role == Role.MODERATOR:
                lines.append(f"- {capfirst(line.get_role_display())}: {_who(line)}")
        panel = [_who(line) for line in people if line.role == Role.PANELIST]
        if panel:
            lines.append("- " + ", ".join(panel))
        for line in people:
            if line.role not in (Role.MODERATOR, Role.PANELIST):
                lines.append(f"- {capfirst(line.get_role_display())}: {_who(line)}")
        rows.append(AgendaRow(session=session, title=_title(session), lines=lines))
    return rows


def master_of_ceremonies(forum: Forum) -> list[ForumPerson]:
    return [line for line in forum.people.all() if line.role == Role.MC]

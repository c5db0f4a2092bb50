"""Reads behind the run-of-show pages: a fixed number of queries, however many rows."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from forums.models import AgendaVersion, Forum, ForumPerson
from planner.models import Role


def forums_for_agenda() -> QuerySet[Forum]:
    """Forums with what the agenda header prints: venue, series and the MC line."""
    return Forum.objects.select_related("venue", "series").prefetch_related(
        Prefetch(
            "people",
            queryset=ForumPerson.objects.filter(role=Role.MC).select_related(
                "person", "organisation"
            ),
            to_attr="mc_lines",
        )
    )


def public_forums() -> QuerySet[Forum]:
    """Forums the public may see: announced, held or cancelled, never those being planned."""
    return forums_for_agenda().exclude(status=Forum.Status.PLANNING)


def latest_version(forum: Forum) -> AgendaVersion | None:
    return AgendaVersion.objects.filter(forum=forum).order_by("-number").first()


def versions_for_forum(forum: Forum) -> QuerySet[AgendaVersion]:
    return AgendaVersion.objects.filter(forum=forum).select_related("issued_by").order_by("-number")

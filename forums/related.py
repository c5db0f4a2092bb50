"""What the core pages show of forums: a person's roles and agenda items, the forums of an
organisation, a document or an agreement. Registered with planner in ``ready()``."""

from __future__ import annotations

from django.db.models import Prefetch

from forums.models import Forum, ForumOrganiser, ForumPerson, SessionItem, SessionPerson
from planner.calendar_registry import register_related


def _forums() -> Prefetch:
    return Prefetch("forums", queryset=Forum.objects.select_related("venue"))


def _person() -> list[Prefetch]:
    return [
        Prefetch(
            "forums_sessionperson_lines",
            queryset=SessionPerson.objects.select_related("session__forum"),
        ),
        Prefetch("forums_forumperson_lines", queryset=ForumPerson.objects.select_related("forum")),
        Prefetch("session_items", queryset=SessionItem.objects.select_related("session__forum")),
    ]


def _organisation() -> list[Prefetch]:
    return [
        Prefetch("forum_roles", queryset=ForumOrganiser.objects.select_related("forum")),
    ]


def register() -> None:
    register_related("person", _person)
    register_related("organisation", _organisation)
    for page in ("document", "agreement"):
        register_related(page, lambda: [_forums()])

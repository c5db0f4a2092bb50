"""Small display helpers shared by every page: bilingual fields and status badges."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from planner.calendar_registry import register_badges
from planner.html_rows import badge
from planner.language import localized, other_language
from planner.models import DocumentNote, FollowUp
from planner.particles import with_particles
from planner.phones import display_phone

register = template.Library()

# KRDS badge colours of planner's own enums; the apps register theirs
# (``planner.calendar_registry.register_badges``). The label is always written
# too: colour is never the only cue.
register_badges(
    {
        FollowUp.Status.PLANNED: "bg-light-primary",
        FollowUp.Status.IN_PROGRESS: "bg-light-information",
        FollowUp.Status.DONE: "bg-light-success",
        FollowUp.Status.DROPPED: "bg-light-disabled",
        DocumentNote.Kind.INFERENCE: "bg-light-information",
        DocumentNote.Kind.DISCREPANCY: "bg-light-danger",
        DocumentNote.Kind.OMISSION: "bg-light-warning",
    }
)


register.filter(localized)
register.filter(other_language)


register.simple_tag(badge)


@register.simple_tag
def status_badge(obj: Any) -> SafeString:
    """The status as a badge; nothing where the document states none."""
    if not obj.status:
        return mark_safe("")
    return badge(obj.status, obj.get_status_display())


@register.filter
def phone(value: str) -> str:
    """A stored phone number as it reads: 010-1234-5678, or +41 22 917 12 34 from E.164."""
    return display_phone(value or "")


@register.filter
def particles(value: Any) -> str:
    """Korean particles fitted to their word: "“회의”을(를) 저장했습니다." → "“회의”를 …"."""
    return with_particles(str(value))

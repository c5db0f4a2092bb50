"""Invitations already imported: found again by UID, updated, cancelled, repeated.

The engagement keeps the invitation's identity in its notes, one fact a line
(``UID: …``, ``RECURRENCE-ID: …``, ``SEQUENCE: …``, ``Join online: …``), because
the Engagement model has no field for them yet. So a re-import of the same file,
or an update the organizer sent (same UID, higher SEQUENCE), changes the draft it
made instead of adding a copy, and a METHOD:CANCEL cancels it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from itineraries.ical_forms import (
    JOIN_LINE,
    OCCURRENCE_LINE,
    SEQUENCE_LINE,
    UID_LINE,
    initial_from_invitation,
    instant_at,
)
from itineraries.models import Engagement, Trip
from itineraries.services import engagement_cancel, engagement_save
from planner.ical_import import Invitation, Occurrence
from planner.language import localized


def _value(notes: str, prefix: str) -> str:
    for line in notes.splitlines():
        if line.startswith(prefix):
            return line.removeprefix(prefix).strip()
    return ""


def imported_sequence(engagement: Engagement) -> int:
    value = _value(engagement.notes, SEQUENCE_LINE)
    return int(value) if value.isdigit() else 0


def imported_from(trip: Trip, uid: str) -> list[Engagement]:
    """Engagements of the trip made from the invitation with this UID (every occurrence)."""
    if not uid:
        return []
    candidates = trip.engagements.filter(notes__contains=f"{UID_LINE}{uid}")
    return [e for e in candidates.select_related("stop") if _value(e.notes, UID_LINE) == uid]


def find_imported(trip: Trip, uid: str, occurrence: str = "") -> Engagement | None:
    for engagement in imported_from(trip, uid):
        if _value(engagement.notes, OCCURRENCE_LINE) == occurrence:
            return engagement
    return None


def updated_notes(notes: str, invitation: Invitation) -> str:
    """The engagement's notes with the new SEQUENCE and any new join link; staff text stays."""
    lines = notes.splitlines()
    lines = [
        f"{SEQUENCE_LINE}{invitation.sequence}" if line.startswith(SEQUENCE_LINE) else line
        for line in lines
    ]
    for link in invitation.join_links:
        if f"{JOIN_LINE}{link}" not in lines:
            lines.append(f"{JOIN_LINE}{link}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def _when(engagement: Engagement) -> str:
    if engagement.starts_at is None:
        return f"{engagement.date or ''}"
    local = engagement.starts_at.astimezone(engagement.tz)
    text = f"{local:%Y-%m-%d %H:%M}"
    if engagement.ends_at:
        text += f"~{engagement.ends_at.astimezone(engagement.tz):%H:%M}"
    return f"{text} ({engagement.tz.key})"


def changes(before: Engagement, after: Engagement) -> list[Change]:
    """What the invitation changes, as the user reads it (local time at the stop)."""
    found = []
    if before.title_ko != after.title_ko:
        found.append(Change(_("title"), before.title_ko, after.title_ko))
    if (before.date, before.starts_at, before.ends_at) != (
        after.date,
        after.starts_at,
        after.ends_at,
    ):
        found.append(Change(_("time"), _when(before), _when(after)))
    if before.room != after.room:
        found.append(Change(_("room"), before.room, after.room))
    if before.stop_id != after.stop_id:
        found.append(
            Change(_("stop"), localized(before.stop, "city"), localized(after.stop, "city"))
        )
    return found


def draft_for(invitation: Invitation, trip: Trip, occurrence: Occurrence | None = None):
    """The engagement the invitation (or one occurrence) describes, unsaved, with what it
    changes in the one imported before. ``None`` when no stop of the trip can take it."""
    if occurrence is not None:
        invitation = replace(
            invitation, start=occurrence.start, end=occurrence.end, day=occurrence.day
        )
    key = occurrence.key if occurrence else invitation.recurrence_key
    initial, stop = initial_from_invitation(invitation, trip, occurrence=key)
    if stop is None:
        return None, None, []
    existing = find_imported(trip, invitation.uid, key)
    draft = Engagement(trip=trip) if existing is None else Engagement.objects.get(pk=existing.pk)
    draft.stop = stop
    draft.title_ko = initial["title_ko"]
    draft.title_en = draft.title_en or initial["title_en"]
    draft.room = initial["room"] or draft.room
    draft.date = initial.get("date")
    draft.starts_at = instant_at(invitation, invitation.start, stop)
    draft.ends_at = instant_at(invitation, invitation.end, stop)
    draft.join_url = initial["join_url"] or draft.join_url
    if existing is None:
        draft.notes = initial["notes"]
        draft.status = Engagement.Status.TENTATIVE
    else:
        draft.notes = updated_notes(existing.notes, invitation)
    return draft, existing, changes(existing, draft) if existing else []


@dataclass
class ImportResult:
    created: list[Engagement] = field(default_factory=list)
    updated: list[Engagement] = field(default_factory=list)
    unchanged: list[Engagement] = field(default_factory=list)
    cancelled: list[Engagement] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@transaction.atomic
def engagements_import_occurrences(*, trip: Trip, invitation: Invitation) -> ImportResult:
    """Every occurrence within the trip becomes (or updates) a tentative engagement; one
    imported before that the invitation no longer holds (a new EXDATE) is cancelled."""
    result = ImportResult()
    kept = set()
    for occurrence in invitation.occurrences:
        draft, existing, changed = draft_for(invitation, trip, occurrence)
        if draft is None or not trip.start_date <= draft.local_date <= trip.end_date:
            continue
        kept.add(occurrence.key)
        if existing is not None and not changed:
            result.unchanged.append(existing)
            continue
        try:
            engagement_save(engagement=draft, expected_revision=None)
        except ValidationError as error:
            result.refused.append(f"{occurrence.key}: {'; '.join(error.messages)}")
            continue
        (result.updated if existing else result.created).append(draft)
    for engagement in imported_from(trip, invitation.uid):
        gone = _value(engagement.notes, OCCURRENCE_LINE) not in kept
        if gone and engagement.status != Engagement.Status.CANCELLED:
            result.cancelled.append(
                engagement_cancel(engagement=engagement, expected_revision=None)
            )
    return result


def cancel_targets(trip: Trip, invitation: Invitation) -> list[Engagement]:
    """What a METHOD:CANCEL cancels: the one occurrence it names, or every meeting of its UID."""
    targets = imported_from(trip, invitation.uid)
    if invitation.recurrence_key:
        targets = [
            e for e in targets if _value(e.notes, OCCURRENCE_LINE) == invitation.recurrence_key
        ]
    return targets


@transaction.atomic
def engagements_cancel_invitation(*, trip: Trip, invitation: Invitation) -> list[Engagement]:
    targets = cancel_targets(trip, invitation)
    return [
        engagement_cancel(engagement=e, expected_revision=None)
        for e in targets
        if e.status != Engagement.Status.CANCELLED
    ]

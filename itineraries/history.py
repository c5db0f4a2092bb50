"""Change history of a trip's items, from django-simple-history: who, when, what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from itineraries.models import DelegationMember, Engagement, EngagementPerson, Stop, TravelSegment
from planner.time_display import day_offset_marker, korean_date
from planner.timezones import headquarters_zone, zone

# URL kind → model, and how one of its rows is called on the page.
KINDS: dict[str, type[models.Model]] = {
    "engagement": Engagement,
    "stop": Stop,
    "segment": TravelSegment,
    "member": DelegationMember,
}
KIND_LABELS = {
    "engagement": gettext_lazy("engagement"),
    "stop": gettext_lazy("stop"),
    "segment": gettext_lazy("travel segment"),
    "member": gettext_lazy("delegation member"),
    "person": gettext_lazy("participant"),
}
ACTIONS = {
    "+": pgettext_lazy("history action", "created"),
    "~": pgettext_lazy("history action", "changed"),
    "-": pgettext_lazy("history action", "deleted"),
}
# Bookkeeping that says nothing to staff.
EXCLUDED = {"ref", "revision", "sequence", "created", "updated", "trip", "engagement"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    action: str
    action_code: str
    subject: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return _("(system or document import)")
    return user.get_full_name() or user.get_username()


def _zone_for(record, name: str) -> str | None:
    """The zone an instant of this record is read in."""
    if name == "departs_at":
        return getattr(record, "departure_timezone", None)
    if name == "arrives_at":
        return getattr(record, "arrival_timezone", None)
    return getattr(record, "_display_zone", None)


def _shown(model: type[models.Model], name: str, value: Any, record) -> str:
    if value is None or value == "":
        return "—"
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return instant_text(value, _zone_for(record, name))
    if isinstance(value, date):
        return korean_date(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def instant_text(value: datetime, zone_name: str | None) -> str:
    """ "2026년 7월 10일 (금) 10:00 CEST (서울 17:00)": local time, Seoul beside it."""
    seoul = headquarters_zone()
    tz = zone(zone_name) if zone_name else seoul
    local = value.astimezone(tz)
    text = f"{korean_date(local.date())} {local:%H:%M} {local:%Z}"
    if getattr(tz, "key", "") != getattr(seoul, "key", ""):
        marker = day_offset_marker(value, tz)
        marker = f" ({marker})" if marker else ""
        word = _("Seoul")
        text += f" ({word} {value.astimezone(seoul):%H:%M}{marker})"
    return text


def _label(model: type[models.Model], name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _values(record, model) -> list[FieldChange]:
    """A new row: the fields it was created with."""
    changes = []
    for model_field in model._meta.concrete_fields:
        if not model_field.editable or model_field.name in EXCLUDED or model_field.primary_key:
            continue
        value = getattr(record, model_field.name, None)
        if value in (None, ""):
            continue
        shown = _shown(model, model_field.name, value, record)
        changes.append(FieldChange(_label(model, model_field.name), "", shown))
    return changes


def _display_zone(record, model) -> str | None:
    if model is Engagement:
        venue = getattr(record, "venue", None)
        if venue is not None and getattr(venue, "timezone", None):
            return venue.timezone
        stop = getattr(record, "stop", None)
        return getattr(stop, "timezone", None)
    return None


def entries_for(model: type[models.Model], records: list) -> list[HistoryEntry]:
    """Oldest first in, newest first out; each change compared with the version before."""
    entries = []
    previous = None
    for record in records:
        record._display_zone = _display_zone(record, model)
        if previous is not None:
            previous._display_zone = record._display_zone
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(
                previous, excluded_fields=EXCLUDED, foreign_keys_are_objs=True
            )
            changes = [
                FieldChange(
                    _label(model, change.field),
                    _shown(model, change.field, change.old, previous),
                    _shown(model, change.field, change.new, record),
                )
                for change in delta.changes
            ]
        elif record.history_type == "+":
            changes = _values(record, model)
        else:
            changes = []
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=_who(record),
                action=str(ACTIONS.get(record.history_type, record.history_type)),
                action_code=record.history_type,
                changes=changes,
            )
        )
        previous = record
    return entries


def item_records(model: type[models.Model], *, trip_id: int, pk: int) -> list:
    related = [f.name for f in model._meta.concrete_fields if f.is_relation and f.name != "trip"]
    return list(
        model.history.filter(id=pk, trip_id=trip_id)
        .select_related("history_user", *related)
        .order_by("history_date", "history_id")
    )


def people_entries(engagement_id: int) -> list[HistoryEntry]:
    """Participant lines added to, changed in or removed from one engagement."""
    records = list(
        EngagementPerson.history.filter(engagement_id=engagement_id)
        .select_related("history_user", "person", "organisation")
        .order_by("history_date", "history_id")
    )
    by_line: dict[int, list] = {}
    for record in records:
        by_line.setdefault(record.id, []).append(record)
    entries = []
    for line_records in by_line.values():
        for entry, record in zip(
            entries_for(EngagementPerson, line_records), line_records, strict=True
        ):
            who = record.printed_as or (str(record.person) if record.person_id else "")
            if not who and record.organisation_id:
                who = str(record.organisation)
            entry.subject = f"{KIND_LABELS['person']}: {who}"
            if entry.action_code != "~":
                entry.changes = [c for c in entry.changes if c.new and c.label]
            entries.append(entry)
    return entries


def item_history(kind: str, *, trip_id: int, pk: int) -> tuple[Any, list[HistoryEntry]]:
    """(the latest record, entries newest first), or (None, []) when the item never existed."""
    model = KINDS[kind]
    records = item_records(model, trip_id=trip_id, pk=pk)
    if not records:
        return None, []
    entries = entries_for(model, records)
    if kind == "engagement":
        entries += people_entries(pk)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return records[-1], entries


@dataclass
class TripChange:
    when: datetime
    who: str
    action: str
    action_code: str
    kind: str
    kind_label: str
    item_id: int
    label: str


def trip_changes(trip_id: int, *, limit: int = 100) -> list[TripChange]:
    """The latest changes to any item of a trip (deleted ones too), newest first."""
    changes = []
    for kind, model in KINDS.items():
        related = ("person", "organisation") if kind == "member" else ()
        records = (
            model.history.filter(trip_id=trip_id)
            .select_related("history_user", *related)
            .order_by("-history_date", "-history_id")[:limit]
        )
        for record in records:
            changes.append(
                TripChange(
                    when=record.history_date,
                    who=_who(record),
                    action=str(ACTIONS.get(record.history_type, record.history_type)),
                    action_code=record.history_type,
                    kind=kind,
                    kind_label=str(KIND_LABELS[kind]),
                    item_id=record.id,
                    label=record_label(kind, record),
                )
            )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]


def record_label(kind: str, record) -> str:
    if kind == "engagement":
        return record.title_ko
    if kind == "stop":
        return record.city_ko
    if kind == "segment":
        return f"{record.origin} → {record.destination} {record.carrier} {record.number}".strip()
    return record.printed_as or str(record.person or record.organisation or f"#{record.id}")

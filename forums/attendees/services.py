"""Attendees of a forum: reads for the pages and the writes (services).

Services are keyword-only ``attendee_<action>`` / ``attendees_<action>``
functions, atomic, and call ``full_clean()`` before saving. Who may call them
is decided by the views.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.attendees.importing import ExistingIndex, ImportPreview, preview_file
from forums.models import Attendee, Forum

# Who takes a seat: these count against the capacity (waitlisted and cancelled do not).
SEATED = (Attendee.Status.REGISTERED, Attendee.Status.CONFIRMED, Attendee.Status.ATTENDED)

# Optional fields of the public form (Forum.registration_fields); name and e-mail always.
REGISTRATION_FIELDS = {
    "organisation": ("organisation_name", gettext_lazy("organisation")),
    "position": ("position", gettext_lazy("position")),
    "phone": ("phone", gettext_lazy("phone")),
    "category": ("category", gettext_lazy("category")),
}
# Asked-for fields the form requires; the others stay optional (collect the minimum).
REQUIRED_REGISTRATION_FIELDS = ("organisation", "category")


class AlreadyRegistered(Exception):
    """Someone with this e-mail is already registered for the forum."""

    def __init__(self, attendee: Attendee | None = None) -> None:
        super().__init__("already registered")
        self.attendee = attendee


# Reads -------------------------------------------------------------------------


def attendees_of(forum: Forum) -> QuerySet[Attendee]:
    """The forum's attendees for lists and exports (no joins needed)."""
    return Attendee.objects.filter(forum=forum).order_by("name", "pk")


def attendee_totals(queryset: QuerySet[Attendee]) -> dict[str, dict[str, int]]:
    """Counts by status and by category, in one aggregate query."""
    aggregates = {"all": Count("pk")}
    for value in Attendee.Status.values:
        aggregates[f"status_{value}"] = Count("pk", filter=Q(status=value))
    for value in Attendee.Category.values:
        aggregates[f"category_{value}"] = Count("pk", filter=Q(category=value))
    counts = queryset.order_by().aggregate(**aggregates)
    return {
        "all": counts["all"],
        "status": {value: counts[f"status_{value}"] for value in Attendee.Status.values},
        "category": {value: counts[f"category_{value}"] for value in Attendee.Category.values},
    }


def attendance_count(forum: Forum) -> dict[str, int]:
    """The door count: attended out of everyone expected (seated), in one query."""
    counts = Attendee.objects.filter(forum=forum).aggregate(
        attended=Count("pk", filter=Q(status=Attendee.Status.ATTENDED)),
        expected=Count("pk", filter=Q(status__in=SEATED)),
    )
    return counts


def seats_taken(forum: Forum) -> int:
    return Attendee.objects.filter(forum=forum, status__in=SEATED).count()


def is_full(forum: Forum) -> bool:
    return forum.capacity is not None and seats_taken(forum) >= forum.capacity


def registration_deadline(forum: Forum) -> datetime:
    """When registration closes: the deadline staff set, otherwise the event's start.

    With no start time yet, the start of the event's day in its own zone.
    """
    if forum.registration_closes_at:
        return forum.registration_closes_at
    if forum.starts_at:
        return forum.starts_at
    return datetime.combine(forum.date, time.min, tzinfo=forum.tz)


def registration_is_open(forum: Forum, now: datetime | None = None) -> bool:
    if not forum.registration_open or forum.status == Forum.Status.CANCELLED:
        return False
    return (now or timezone.now()) < registration_deadline(forum)


def search_attendees(forum: Forum, query: str) -> QuerySet[Attendee]:
    """Name or organisation contains every word of the query (check-in search)."""
    attendees = attendees_of(forum)
    for term in query.split():
        attendees = attendees.filter(Q(name__icontains=term) | Q(organisation_name__icontains=term))
    return attendees


@dataclass
class PrivacyNotice:
    """What the consent box states (개인정보 보호법 제15조 제2항)."""

    purpose: str
    items: str
    retention: str
    refusal: str


def privacy_notice(forum: Forum, *, defaults: bool = False) -> PrivacyNotice:
    """What the form states; the Korean-law defaults where staff left a box empty."""
    asked = [name for name in forum.registration_fields if name in REGISTRATION_FIELDS]
    required = [_("name"), _("e-mail")] + [
        str(REGISTRATION_FIELDS[name][1]) for name in asked if name in REQUIRED_REGISTRATION_FIELDS
    ]
    optional = [
        str(REGISTRATION_FIELDS[name][1])
        for name in asked
        if name not in REQUIRED_REGISTRATION_FIELDS
    ]
    items = _("Required: %(items)s") % {"items": ", ".join(required)}
    if optional:
        items += " / " + _("Optional: %(items)s") % {"items": ", ".join(optional)}
    return PrivacyNotice(
        purpose=(not defaults and forum.privacy_purpose)
        or _(
            "Receiving your registration for the forum, confirming attendance and sending "
            "you information about the event."
        ),
        items=(not defaults and forum.privacy_items) or items,
        retention=(not defaults and forum.privacy_retention)
        or _("Until one year after the forum; then destroyed without delay."),
        refusal=_(
            "You have the right to refuse consent to the collection and use of your personal "
            "data. If you refuse, you cannot register for the forum online."
        ),
    )


# Writes ------------------------------------------------------------------------


@transaction.atomic
def attendee_register(
    *,
    forum: Forum,
    name: str,
    email: str = "",
    organisation_name: str = "",
    position: str = "",
    phone: str = "",
    category: str = Attendee.Category.OTHER,
    source: str = Attendee.Source.STAFF,
    status: str | None = None,
    consent_at: datetime | None = None,
    checked_in_at: datetime | None = None,
    notes: str = "",
) -> Attendee:
    """Register one person; the public form is waitlisted once the seats are taken.

    Raises AlreadyRegistered when the e-mail is registered for the forum already.
    """
    # Lock the forum row so two last-seat registrations cannot both get a seat.
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    email = email.strip().lower()
    if email:
        existing = Attendee.objects.filter(forum=forum, email__iexact=email).first()
        if existing is not None:
            raise AlreadyRegistered(existing)
    if status is None:
        waitlist = source == Attendee.Source.PUBLIC_FORM and is_full(forum)
        status = Attendee.Status.WAITLISTED if waitlist else Attendee.Status.REGISTERED
    attendee = Attendee(
        forum=forum,
        name=name.strip(),
        email=email,
        organisation_name=organisation_name.strip(),
        position=position.strip(),
        phone=phone.strip(),
        category=category or Attendee.Category.OTHER,
        source=source,
        status=status,
        consent_at=consent_at,
        checked_in_at=checked_in_at,
        notes=notes,
    )
    attendee.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            attendee.save()
    except IntegrityError as error:  # a concurrent registration with the same e-mail
        raise AlreadyRegistered() from error
    return attendee


@transaction.atomic
def attendee_walk_in(
    *,
    forum: Forum,
    name: str,
    organisation_name: str = "",
    position: str = "",
    phone: str = "",
    email: str = "",
    category: str = Attendee.Category.OTHER,
    now: datetime | None = None,
) -> Attendee:
    """Someone registered at the door: attended at once, consent taken there."""
    now = now or timezone.now()
    return attendee_register(
        forum=forum,
        name=name,
        email=email,
        organisation_name=organisation_name,
        position=position,
        phone=phone,
        category=category,
        source=Attendee.Source.WALK_IN,
        status=Attendee.Status.ATTENDED,
        consent_at=now,
        checked_in_at=now,
    )


@transaction.atomic
def attendee_check_in(*, attendee: Attendee, now: datetime | None = None) -> str:
    """Mark attended with the time; returns the status before (for undo). Idempotent."""
    previous = attendee.status
    if previous == Attendee.Status.ATTENDED and attendee.checked_in_at:
        return previous
    attendee.status = Attendee.Status.ATTENDED
    attendee.checked_in_at = now or timezone.now()
    attendee.full_clean(validate_constraints=False)
    attendee.save(update_fields=["status", "checked_in_at", "updated"])
    return previous


@transaction.atomic
def attendee_check_in_undo(
    *, attendee: Attendee, previous_status: str = Attendee.Status.REGISTERED
) -> None:
    """Take a check-in back: no time, the status it had before (registered by default)."""
    if previous_status not in Attendee.Status.values or previous_status == "attended":
        previous_status = Attendee.Status.REGISTERED
    attendee.status = previous_status
    attendee.checked_in_at = None
    attendee.full_clean(validate_constraints=False)
    attendee.save(update_fields=["status", "checked_in_at", "updated"])


@transaction.atomic
@transaction.atomic
def attendee_self_cancel(*, attendee: Attendee) -> None:
    """The attendee cancels from their e-mail link: the row stays, marked cancelled."""
    attendee.status = Attendee.Status.CANCELLED
    attendee.full_clean(validate_constraints=False)
    attendee.save(update_fields=["status", "updated"])


def attendee_erase(*, attendee: Attendee) -> None:
    """Delete on request: the row goes, with every personal detail (no history is kept)."""
    attendee.delete()


def attendees_import_preview(*, forum: Forum, content: bytes) -> ImportPreview:
    """Step 1 of an import: read and check a file; saves nothing. Raises ImportFileError."""
    return preview_file(content, existing=ExistingIndex.for_forum(forum))


@dataclass
class ImportOutcome:
    created: list[Attendee] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)


@transaction.atomic
def attendees_import(*, forum: Forum, rows: list[dict]) -> ImportOutcome:
    """Step 2 of an import: save the checked rows (``{"line": n, "values": {...}}``) at once.

    Duplicates are checked again against the database, since someone may have
    registered between the preview and the confirmation; those rows are skipped.
    """
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    existing = ExistingIndex.for_forum(forum)
    outcome = ImportOutcome()
    for row in rows:
        values = row["values"]
        if existing.reason(values):
            outcome.skipped_lines.append(row["line"])
            continue
        attendee = Attendee(
            forum=forum,
            name=values["name"],
            organisation_name=values.get("organisation_name", ""),
            position=values.get("position", ""),
            email=values.get("email", ""),
            phone=values.get("phone", ""),
            category=values.get("category") or Attendee.Category.OTHER,
            status=values.get("status") or Attendee.Status.REGISTERED,
            notes=values.get("notes", ""),
            source=Attendee.Source.IMPORT,
        )
        # The e-mail constraint is checked for the whole batch above, not row by row.
        attendee.full_clean(validate_constraints=False)
        existing.add(
            name=attendee.name, organisation=attendee.organisation_name, email=attendee.email
        )
        outcome.created.append(attendee)
    Attendee.objects.bulk_create(outcome.created, batch_size=500)
    return outcome

"""The core's part of a draft: source, organisations, people and contacts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.extra import extra_in, extra_out
from planner.drafts.values import (
    apply_meta,
    as_text,
    check_country,
    collect_meta,
    date_out,
    keyed_row,
    set_date,
)
from planner.models import Contact, DocumentNote, Organisation, Person, SourceDocument
from planner.timezones import headquarters_zone

SOURCE_COVERED = frozenset(
    {
        "title", "kind", "subject", "language", "publisher_name", "published_on",
        "published_on_precision", "published_on_written", "published_on_weekday",
        "embargo_until", "updated_on", "author", "edition_date", "url", "text",
    }
)  # fmt: skip


# --- source -------------------------------------------------------------------


def _embargo(value: Any, path: str) -> tuple[datetime | None, str]:
    """An aware instant; a time without an offset is read as headquarters time (kept as written)."""
    if not value:
        return None, ""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as error:
        raise DraftError(path, f"“{value}” is not a date and time") from error
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=headquarters_zone()), str(value)
    return parsed, ""


def source_in(ctx: ImportContext, data: dict, path: str = "$.source") -> SourceDocument:
    key = data.get("key")
    document = (SourceDocument.objects.filter(ref=key).first() if key else None) or (
        SourceDocument(ref=key or None)
    )
    document.title = as_text(data.get("title"))
    document.kind = as_text(data.get("kind"))
    document.subject = as_text(ctx.draft.get("kind"))
    document.language = as_text(data.get("language"))
    document.publisher_name = as_text(data.get("publisher"))
    set_date(document, "published_on", data.get("published_on"), join(path, "published_on"))
    document.embargo_until, embargo_written = _embargo(
        data.get("embargo_until"), join(path, "embargo_until")
    )
    for name in ("updated_on", "author", "edition_date"):
        setattr(document, name, as_text(data.get(name)))
    document.url = as_text(data.get("url"))
    document.text = as_text(data.get("text"))
    document.provenance = collect_meta(data)
    if embargo_written:
        document.provenance["embargo_until"] = {"as_written": embargo_written}
    save_row(document, path)
    if document.ref is None:
        document.ref = f"doc-{document.pk}"
        document.save(update_fields=["ref"])
    for index, note in enumerate(data.get("document_notes") or []):
        where = join(join(path, "document_notes"), index)
        row = DocumentNote(
            document=document,
            kind=note.get("kind"),
            subject=as_text(note.get("subject")),
            text=as_text(note.get("text")),
        )
        if note.get("key"):
            row = DocumentNote.objects.filter(ref=note["key"]).first() or row
            row.ref = note["key"]
            row.kind, row.subject, row.text = (
                note.get("kind"),
                note.get("subject"),
                note.get("text"),
            )
        save_row(row, where)
    return document


def source_extra_in(ctx: ImportContext, data: dict, path: str = "$.source") -> None:
    """The source's own extra fields, once the organisations they may name exist."""
    if data.get("extra"):
        extra_in(ctx.document, data["extra"], SOURCE_COVERED, join(path, "extra"), ctx)
        save_row(ctx.document, path)


def source_out(ctx: ExportContext) -> dict:
    document = ctx.document
    embargo = (document.provenance or {}).get("embargo_until", {}).get("as_written")
    if embargo is None and document.embargo_until:
        embargo = document.embargo_until.isoformat()
    data = {
        "title": document.title or None,
        "kind": document.kind or None,
        "publisher": document.publisher_name or None,
        "language": document.language or None,
        "published_on": date_out(document, "published_on"),
        "embargo_until": embargo,
        "url": document.url or None,
        "text": document.text,
    }
    for name in ("updated_on", "author", "edition_date"):
        if getattr(document, name):
            data[name] = getattr(document, name)
    if document.ref and document.ref != f"doc-{document.pk}":
        data["key"] = document.ref
    extra = extra_out(document, SOURCE_COVERED, ctx)
    if extra:
        data["extra"] = extra
    notes = [
        {"kind": note.kind, "subject": note.subject, "text": note.text, "key": note.ref}
        for note in document.notes.all()
    ]
    if notes:
        data["document_notes"] = [{k: v for k, v in n.items() if v} for n in notes]
    provenance = {k: v for k, v in (document.provenance or {}).items() if k != "embargo_until"}
    return apply_meta(data, provenance)


# --- organisations and people ----------------------------------------------------


def _same_or_new(model, key: str | None, fields: dict, update: bool):
    """The row with this key, else one identical in every stated field, else a new one.

    Two records are only taken for the same when nothing the draft states differs:
    a namesake with another position or organisation stays a separate row.
    """
    if key:
        row = model.objects.filter(ref=key).first()
        if row is not None:
            if update:
                for name, value in fields.items():
                    setattr(row, name, value)
            return row, update
        return model(ref=key, **fields), True
    row = model.objects.filter(ref__isnull=True, **fields).order_by("pk").first()
    if row is None:
        row = model.objects.filter(**fields).order_by("pk").first()
    return (row, False) if row is not None else (model(**fields), True)


def organisations_in(ctx: ImportContext, entries: list[dict], update: bool) -> None:
    by_ref = {}
    for index, entry in enumerate(entries):
        ref = entry.get("ref")
        if ref in by_ref:
            raise DraftError(f"$.organisations[{index}].ref", f"ref “{ref}” is used twice")
        by_ref[ref] = (index, entry)
    visiting: set[str] = set()

    def resolve(ref: str, path: str) -> Organisation:
        if ref in ctx.organisations:
            return ctx.organisations[ref]
        if ref not in by_ref:
            raise DraftError(path, f"no organisation with ref “{ref}” in this draft")
        if ref in visiting:
            raise DraftError(path, f"organisation “{ref}” is its own parent")
        visiting.add(ref)
        index, entry = by_ref[ref]
        where = f"$.organisations[{index}]"
        parent = entry.get("parent")
        fields = {
            "name_ko": as_text(entry.get("name_ko")),
            "name_en": as_text(entry.get("name_en")),
            "acronym": as_text(entry.get("acronym")),
            "kind": as_text(entry.get("kind")),
            "country": check_country(entry.get("country"), join(where, "country")),
            "parent": resolve(parent, join(where, "parent")) if parent else None,
        }
        row, changed = _same_or_new(Organisation, entry.get("key"), fields, update)
        if changed:
            row.provenance = collect_meta(entry)
            extra_in(row, entry.get("extra"), frozenset(fields), join(where, "extra"), ctx)
            save_row(row, where)
            ctx.count("organisations")
        ctx.organisations[ref] = row
        return row

    for ref, (index, _entry) in by_ref.items():
        resolve(ref, f"$.organisations[{index}]")


def people_in(ctx: ImportContext, entries: list[dict], update: bool) -> None:
    for index, entry in enumerate(entries):
        where = f"$.people[{index}]"
        ref = entry.get("ref")
        if ref in ctx.people:
            raise DraftError(join(where, "ref"), f"ref “{ref}” is used twice")
        organisation = entry.get("organisation")
        fields = {
            "name_ko": as_text(entry.get("name_ko")),
            "name_latin": as_text(entry.get("name_latin")),
            "position_ko": as_text(entry.get("position_ko")),
            "position_en": as_text(entry.get("position_en")),
            "country": check_country(entry.get("country"), join(where, "country")),
            "organisation": (
                ctx.organisation(organisation, join(where, "organisation"))
                if organisation
                else None
            ),
        }
        if not (fields["name_ko"] or fields["name_latin"]):
            raise DraftError(where, "a person needs name_ko or name_latin")
        row, changed = _same_or_new(Person, entry.get("key"), fields, update)
        if changed:
            row.provenance = collect_meta(entry)
            extra_in(row, entry.get("extra"), frozenset(fields), join(where, "extra"), ctx)
            save_row(row, where)
            ctx.count("people")
        ctx.people[ref] = row


# --- contacts ------------------------------------------------------------------------


def contacts_in(ctx: ImportContext, entries: list[dict]) -> list[Contact]:
    rows = []
    for index, entry in enumerate(entries):
        where = f"$.contacts[{index}]"
        department = as_text(entry.get("department"))
        name = as_text(entry.get("name"))
        row = keyed_row(Contact, entry)
        row.document = ctx.document
        # A name the draft lists nowhere else makes a record of the contact line alone.
        only = {"": {"contact_only": True}}
        row.department = (
            _named(ctx.organisations.values(), department)
            or save_row(Organisation(name_ko=department, kind="division", provenance=only), where)
            if department
            else None
        )
        row.person = (
            _named(ctx.people.values(), name)
            or save_row(Person(name_ko=name, provenance=only), where)
            if name
            else None
        )
        row.responsibility = as_text(entry.get("role"))
        row.rank = as_text(entry.get("position"))
        row.phone = as_text(entry.get("phone"))
        row.provenance = collect_meta(entry)
        rows.append(save_row(row, where))
        ctx.count("contacts")
    return rows


def _named(rows, name: str):
    """The draft's own organisation or person of that name (never one from elsewhere)."""
    return next((row for row in rows if name in (row.name_ko, str(row))), None)


def contacts_out(ctx: ExportContext) -> list[dict]:
    out = []
    for contact in ctx.document.contacts.select_related("department", "person"):
        # The department and the official are the document's own records too.
        for row, add in (
            (contact.department, ctx.organisation_ref),
            (contact.person, ctx.person_ref),
        ):
            if row is not None and not (row.provenance or {}).get("", {}).get("contact_only"):
                add(row)
        entry = {
            "department": str(contact.department) if contact.department else None,
            "role": contact.responsibility or None,
            "position": contact.rank or None,
            "name": (contact.person.name_ko or contact.person.name_latin)
            if contact.person
            else None,
            "phone": contact.phone or None,
        }
        if contact.ref:
            entry["key"] = contact.ref
        out.append(apply_meta(entry, contact.provenance))
    return out

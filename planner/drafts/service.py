"""Store a draft as rows, and write a document's rows back as a draft."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction

from planner.drafts import agreements, core
from planner.drafts.context import ExportContext, ImportContext
from planner.drafts.errors import DraftError
from planner.drafts.registry import sections
from planner.models import SourceDocument

FORMAT = "planner-draft/1"
SCHEMA_PATH = Path(__file__).with_name("planner-draft-1.schema.json")


@cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def json_path(parts) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def draft_validate(draft: Any) -> None:
    """Raise DraftError at the first thing the schema refuses (its JSON path first)."""
    if not isinstance(draft, dict):
        raise DraftError("$", "a draft is a JSON object")
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(draft))
    if error is not None:
        raise DraftError(json_path(error.absolute_path), error.message)


@transaction.atomic
def draft_import(
    *,
    draft: dict,
    update: bool = False,
    into_trip=None,
    into_trip_revision: int | None = None,
    publish: bool = False,
) -> ImportContext:
    """Store every fact of ``draft``; any error stores nothing (one transaction).
    With ``into_trip``, the draft's first trip adds its stops, engagements and delegation to
    that stored trip instead of making a new one (StaleEditError if it changed meanwhile).
    ``publish``: the document was published, so an event's programme is issued as v1."""
    draft_validate(draft)
    ctx = ImportContext(
        draft=draft,
        into_trip=into_trip,
        into_trip_revision=into_trip_revision,
        publish=publish,
    )
    ctx.document = core.source_in(ctx, draft["source"])
    core.organisations_in(ctx, draft.get("organisations") or [], update)
    core.people_in(ctx, draft.get("people") or [], update)
    core.source_extra_in(ctx, draft["source"])
    ctx.document.organisations.add(*ctx.organisations.values())
    ctx.document.people.add(*ctx.people.values())
    ctx.contacts = core.contacts_in(ctx, draft.get("contacts") or [])
    agreements.agreements_in(ctx, draft.get("agreements") or [])
    for section in sections():
        section.importer(ctx)
    return ctx


def draft_export(*, document: SourceDocument) -> dict:
    ctx = ExportContext(document=document)
    out = ctx.out
    out["format"] = FORMAT
    out["source"] = core.source_out(ctx)
    for organisation in document.organisations.order_by("pk"):
        ctx.organisation_ref(organisation)
    for person in document.people.select_related("organisation").order_by("pk"):
        ctx.person_ref(person)
    out["kind"] = document.subject or None
    out["organisations"] = out.get("organisations", [])
    out["people"] = out.get("people", [])
    out["agreements"] = agreements.agreements_out(ctx)
    out["contacts"] = core.contacts_out(ctx)
    for section in sections():
        out[section.key] = section.exporter(ctx)
    # Refs were collected on the way; keep the format's key order for readers.
    order = ["format", "source", "kind", "organisations", "people", "trips", "events"]
    order += ["agreements", "contacts"]
    return {key: out.get(key, []) for key in order} | {
        key: value for key, value in out.items() if key not in order
    }


def document_by_ref(ref: str) -> SourceDocument:
    document = SourceDocument.objects.filter(ref=ref).first()
    if document is None and ref.isdigit():
        document = SourceDocument.objects.filter(pk=int(ref)).first()
    if document is None:
        raise SourceDocument.DoesNotExist(ref)
    return document

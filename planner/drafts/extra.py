"""Project fields beyond planner-draft/1, carried in an object's ``extra``.

The format allows a project to add values. Fields a staff member sets that the
format has no key for (a trip's status, a forum's registration settings, a
session's internal notes) travel in ``"extra": {field: value}`` so that
``export_draft`` followed by ``import_draft`` loses nothing. Only plain
columns and links to organisations and people are carried.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models

from planner.drafts.errors import DraftError, join
from planner.models import Organisation, Person

if TYPE_CHECKING:
    from planner.drafts.context import ExportContext, ImportContext

NEVER = frozenset(
    {"id", "ref", "provenance", "created", "updated", "revision", "sequence", "document"}
)


def _carried_fields(model: type[models.Model], covered: frozenset[str]) -> list[models.Field]:
    fields = []
    for field in model._meta.concrete_fields:
        if field.name in NEVER or field.name in covered or field.auto_created:
            continue
        if field.is_relation and field.related_model not in (Organisation, Person):
            continue
        fields.append(field)
    return fields


def _json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if hasattr(value, "code"):  # django-countries Country
        return value.code or None
    return value


def extra_out(
    row: models.Model,
    covered: frozenset[str],
    ctx: ExportContext,
    said: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """Fields off their defaults; ``said`` names values a format key already gives."""
    out = {}
    said = said or {}
    for field in _carried_fields(type(row), covered):
        if field.name in said and getattr(row, field.attname) == said[field.name]:
            continue
        if field.is_relation:
            target = getattr(row, field.name)
            if target is not None:
                out[field.name] = (
                    ctx.organisation_ref(target)
                    if isinstance(target, Organisation)
                    else ctx.person_ref(target)
                )
            continue
        value = getattr(row, field.attname)
        default = field.get_default()
        if value == default or (value in ("", None) and default in ("", None)):
            continue
        out[field.name] = _json_value(value)
    return out or None


def extra_in(
    row: models.Model,
    extra: dict[str, Any] | None,
    covered: frozenset[str],
    path: str,
    ctx: ImportContext,
) -> None:
    if not extra:
        return
    fields = {field.name: field for field in _carried_fields(type(row), covered)}
    for name, value in extra.items():
        where = join(path, name)
        field = fields.get(name)
        if field is None:
            raise DraftError(where, f"{type(row).__name__} has no field “{name}” to set")
        if field.is_relation:
            if value is None:
                setattr(row, name, None)
            elif field.related_model is Organisation:
                setattr(row, name, ctx.organisation(value, where))
            else:
                setattr(row, name, ctx.person(value, where))
            continue
        try:
            setattr(row, field.attname, field.to_python(value))
        except ValidationError as error:
            raise DraftError(where, "; ".join(error.messages)) from error

"""Loading the source documents and the facts drawn from them.

Each fixture file in ``fixtures/`` is JSON::

    {"document": "doc-ref", "objects": [{"model": "app.model", "ref": "key", "fields": {...}}]}

Foreign keys and many-to-many values name other rows by ``ref``; a field
value ``{"file": "documents/x.txt"}`` is read from that file. Rows are found
again by ``ref``. A document is loaded once: afterwards its rows belong to the
staff who edit them, so a file whose source document is already in the
database is skipped (rows staff deleted or reordered stay as they are).
``update=True`` brings existing rows back to the documents and adds rows that
are missing. Loading twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction

from planner.models import SourceDocument


class FixtureError(Exception):
    """A fixture that cannot be loaded; the message names the file and row."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    differing: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (
            f"{len(self.files)} files: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )
        if self.skipped:
            text += f"; already loaded, kept as edited: {', '.join(self.skipped)}"
        if self.differing:
            text += f", {self.differing} edited since loading (kept; --update restores them)"
        return text


def fixture_files(directory: Path | None = None) -> list[Path]:
    directory = directory or settings.FIXTURES_DIR
    return sorted(directory.glob("*.json"))


@transaction.atomic
def documents_load(*, directory: Path | None = None, update: bool = False) -> LoadReport:
    """Load every document fixture in ``directory`` (default: ``fixtures/``)."""
    directory = directory or settings.FIXTURES_DIR
    report = LoadReport()
    for path in fixture_files(directory):
        report.files.append(path.name)
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            entries = content["objects"]
        except (ValueError, KeyError) as error:
            raise FixtureError(f"{path.name}: not a fixture file ({error})") from error
        document_ref = content.get("document")
        if document_ref and not update and SourceDocument.objects.filter(ref=document_ref).exists():
            report.skipped.append(path.name)
            continue
        for position, entry in enumerate(entries):
            try:
                _load_entry(entry, directory, report, update=update)
            except (
                LookupError,
                ObjectDoesNotExist,
                ValidationError,
                ValueError,
                TypeError,
            ) as error:
                where = f"{path.name} #{position} ({entry.get('ref', '?')})"
                raise FixtureError(f"{where}: {error}") from error
    return report


def _load_entry(
    entry: dict[str, Any], directory: Path, report: LoadReport, *, update: bool
) -> None:
    model = apps.get_model(entry["model"])
    ref = entry["ref"]
    values, many = _resolve_fields(model, entry.get("fields", {}), directory)
    instance = model.objects.filter(ref=ref).first()
    created = instance is None
    if created:
        instance = model(ref=ref, **values)
        instance.full_clean()
        instance.save()
        changed = True
    else:
        dirty = [name for name, value in values.items() if getattr(instance, name) != value]
        many_dirty = [
            name
            for name, targets in many.items()
            if set(getattr(instance, name).values_list("pk", flat=True))
            != {target.pk for target in targets}
        ]
        if (dirty or many_dirty) and not update:
            report.differing += 1
            return
        for name in dirty:
            setattr(instance, name, values[name])
        if dirty:
            instance.full_clean()
            instance.save(update_fields=[*dirty, "updated"])
        changed = bool(dirty)
    for name, targets in many.items():
        manager = getattr(instance, name)
        if set(manager.values_list("pk", flat=True)) != {target.pk for target in targets}:
            manager.set(targets)
            changed = True
    if created:
        report.created += 1
    elif changed:
        report.updated += 1
    else:
        report.unchanged += 1


def _resolve_fields(
    model: type[models.Model], raw: dict[str, Any], directory: Path
) -> tuple[dict[str, Any], dict[str, list[models.Model]]]:
    values: dict[str, Any] = {}
    many: dict[str, list[models.Model]] = {}
    for name, value in raw.items():
        model_field = model._meta.get_field(name)
        if isinstance(value, dict) and "file" in value:
            value = (directory / value["file"]).read_text(encoding="utf-8")
        if model_field.many_to_many:
            related = model_field.related_model
            many[name] = [related.objects.get(ref=ref) for ref in value]
        elif model_field.is_relation:
            related = model_field.related_model
            values[model_field.name] = None if value is None else related.objects.get(ref=value)
        else:
            values[name] = model_field.to_python(value)
    return values, many

"""Loading the source documents and the facts drawn from them.

Each fixture file in ``fixtures/`` is JSON::

    {"objects": [{"model": "app.model", "ref": "key", "fields": {...}}, ...]}

Foreign keys and many-to-many values name other rows by ``ref``; a field
value ``{"file": "documents/x.txt"}`` is read from that file. Rows are found
again by ``ref``, and only the fields a fixture names are written, so loading
twice changes nothing and staff additions to other fields survive a reload.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction


class FixtureError(Exception):
    """A fixture that cannot be loaded; the message names the file and row."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.files)} files: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )


def fixture_files(directory: Path | None = None) -> list[Path]:
    directory = directory or settings.FIXTURES_DIR
    return sorted(directory.glob("*.json"))


@transaction.atomic
def documents_load(*, directory: Path | None = None) -> LoadReport:
    """Load every document fixture in ``directory`` (default: ``fixtures/``)."""
    directory = directory or settings.FIXTURES_DIR
    report = LoadReport()
    for path in fixture_files(directory):
        report.files.append(path.name)
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))["objects"]
        except (ValueError, KeyError) as error:
            raise FixtureError(f"{path.name}: not a fixture file ({error})") from error
        for position, entry in enumerate(entries):
            try:
                _load_entry(entry, directory, report)
            except (LookupError, ValidationError, ValueError, TypeError) as error:
                where = f"{path.name} #{position} ({entry.get('ref', '?')})"
                raise FixtureError(f"{where}: {error}") from error
    return report


def _load_entry(entry: dict[str, Any], directory: Path, report: LoadReport) -> None:
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

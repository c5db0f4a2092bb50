"""Loading the source documents: ``fixtures/*.draft.json``, one planner-draft/1 per document.

Each fixture is a draft whose rows carry stable ``key``s (stored as ``ref``), so
that a document is found again. A document is loaded once: afterwards its rows
belong to the staff who edit them, so a draft whose source document is already in
the database is skipped (rows staff deleted or reordered stay as they are).
``update=True`` imports it again over the keyed rows, bringing them back to what
the document says and adding rows that are missing. Loading twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from planner.drafts.errors import DraftError
from planner.drafts.service import draft_import
from planner.models import SourceDocument


class FixtureError(Exception):
    """A fixture that cannot be loaded; the message names the file and the JSON path."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{len(self.files)} files: {self.created} loaded, {self.updated} restored"
        if self.skipped:
            text += f"; already loaded, kept as edited: {', '.join(self.skipped)}"
            text += " (--update restores them)"
        return text


def fixture_files(directory: Path | None = None) -> list[Path]:
    directory = directory or settings.FIXTURES_DIR
    return sorted(directory.glob("*.draft.json"))


@transaction.atomic
def documents_load(*, directory: Path | None = None, update: bool = False) -> LoadReport:
    """Load every document draft in ``directory`` (default: ``fixtures/``)."""
    report = LoadReport()
    for path in fixture_files(directory):
        report.files.append(path.name)
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise FixtureError(f"{path.name}: not JSON ({error})") from error
        key = (draft.get("source") or {}).get("key") if isinstance(draft, dict) else None
        loaded = bool(key) and SourceDocument.objects.filter(ref=key).exists()
        if loaded and not update:
            report.skipped.append(path.name)
            continue
        try:
            draft_import(draft=draft, update=update, publish=True)
        except DraftError as error:
            raise FixtureError(f"{path.name}: {error}") from error
        if loaded:
            report.updated += 1
        else:
            report.created += 1
    return report

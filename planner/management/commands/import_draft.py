"""manage.py import_draft FILE.json — store a planner-draft/1 draft (all or nothing)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.drafts.errors import DraftError
from planner.drafts.service import draft_import


class Command(BaseCommand):
    help = "Store a planner-draft/1 file: its document, trips, events, agreements and people."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a planner-draft/1 JSON file ('-' reads standard input)")

    def handle(self, *args, **options):
        name = options["file"]
        try:
            text = Path(name).read_text(encoding="utf-8") if name != "-" else self.stdin.read()
            draft = json.loads(text)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{name}: cannot read it ({error})") from error
        except ValueError as error:
            raise CommandError(f"{name}: not JSON ({error})") from error
        try:
            ctx = draft_import(draft=draft)
        except DraftError as error:
            raise CommandError(f"{name}: {error} — nothing was stored") from error
        counts = ", ".join(f"{count} {label}" for label, count in sorted(ctx.created.items()))
        self.stdout.write(f"stored {name}: {counts or 'the document only'}")
        self.stdout.write(f"source: {ctx.document.ref}")

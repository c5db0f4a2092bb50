"""manage.py export_draft REF — print a stored document's rows as a planner-draft/1 draft."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from planner.drafts.service import document_by_ref, draft_export
from planner.models import SourceDocument


class Command(BaseCommand):
    help = "Print the rows of a source document (by its ref or number) as a planner-draft/1 draft."

    def add_arguments(self, parser):
        parser.add_argument("ref", help="the document's ref, as import_draft printed it")

    def handle(self, *args, **options):
        try:
            document = document_by_ref(options["ref"])
        except SourceDocument.DoesNotExist as error:
            raise CommandError(f"no source document “{options['ref']}”") from error
        self.stdout.write(json.dumps(draft_export(document=document), ensure_ascii=False, indent=2))

"""manage.py extract_document PATH: print a planner-draft/1 draft of the document."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from planner.extraction import extract
from planner.extraction.text import UnreadableDocument


class Command(BaseCommand):
    help = "Read a document (txt, html, pdf, docx, hwpx) and print its planner-draft/1 JSON."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            draft = extract(path)
        except UnreadableDocument as error:
            sys.stderr.write(f"{error}\n")
            sys.exit(1)
        self.stdout.write(json.dumps(draft, ensure_ascii=False, indent=2))

from django.core.management.base import BaseCommand, CommandError

from planner.documents import FixtureError, documents_load


class Command(BaseCommand):
    help = "Load the source documents in fixtures/ and the facts drawn from them (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also bring rows staff have edited back to what the documents say.",
        )

    def handle(self, *args, **options) -> None:
        try:
            report = documents_load(update=options["update"])
        except FixtureError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"load_documents: {report}"))

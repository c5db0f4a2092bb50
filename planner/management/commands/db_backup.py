"""``manage.py db_backup [path]``: a consistent backup of the default database (planner.backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from planner.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Back up the default database (SQLite online backup, or pg_dump) to one file."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="file to write (default: backups/<time>)")

    def handle(self, *args, path=None, **options):
        if path is None:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            path = Path(settings.BASE_DIR) / "backups" / f"planner-{stamp}.backup"
        try:
            written = database_backup(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup: {written}")

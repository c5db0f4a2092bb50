"""``manage.py db_restore <path>``: replace the default database with a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Restore the default database from a file written by db_backup."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file")

    def handle(self, *args, path, **options):
        try:
            database_restore(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored: {path}")

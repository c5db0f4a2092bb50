"""``manage.py recompute_instants``: after new zone data, future items keep their local time.

Run on deploy (``make run`` does, after ``migrate``). Lists every future
engagement, forum and session whose instant moved, with its local time, zone
and the offset before and after; past items keep their instant.
"""

from django.core.management.base import BaseCommand

from planner.recompute import instants_recompute
from planner.tzdata import tzdata_version


class Command(BaseCommand):
    help = "Re-derive the instants of future items from their local time with the current zones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would move; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        moves = instants_recompute(dry_run=dry_run)
        for move in moves:
            self.stdout.write(move.describe())
        verb = "would move" if dry_run else "moved"
        self.stdout.write(
            f"tzdata {tzdata_version()}: {len(moves)} future item(s) {verb}; past items kept."
        )

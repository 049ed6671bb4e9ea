"""`frontdoor restore --from FILE`: load a `frontdoor backup` into a new, empty database
(the one DATABASE_URL names). It refuses a database that already has tables."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.ops.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup into the (new, empty) database DATABASE_URL names."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--from", dest="source", required=True, type=Path, help="the backup file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore(options["source"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {options['source']}.")

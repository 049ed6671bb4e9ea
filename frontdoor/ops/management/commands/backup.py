"""`frontdoor backup --out FILE`: a consistent copy of the database (pg_dump, or SQLite's
online backup), safe while the service runs. `frontdoor restore --from FILE` loads it."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.ops.backups import BackupError, backup, is_postgresql


class Command(BaseCommand):
    help = "Back up the database to a file (PostgreSQL: pg_dump custom format; SQLite: a copy)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if out.exists():
            raise CommandError(f"{out} exists; choose a new file name.")
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            backup(out)
        except BackupError as error:
            raise CommandError(str(error)) from error
        kind = "pg_dump custom format" if is_postgresql() else "SQLite database"
        self.stdout.write(f"Backed up to {out} ({kind}, {out.stat().st_size} bytes).")

"""`frontdoor outside meeting-pack --date 2023-03-27 --out pack.pdf [--kind weekly_missing]`:
prepare the weekly missing meeting (or MACE) of that day and write its pack as a tagged PDF."""

import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string

from frontdoor.outside.actions import prepare_meeting
from frontdoor.outside.codes import MeetingKind
from frontdoor.outside.pack import build_pack, render_pdf
from frontdoor.people.models import Person


class Command(BaseCommand):
    help = "Risk outside the home: `meeting-pack` writes a meeting's pack as a tagged PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        pack = commands.add_parser("meeting-pack", help="Write a meeting's pack as a tagged PDF.")
        pack.add_argument("--date", required=True, help="the meeting's day, 2023-03-27")
        pack.add_argument("--out", required=True, help="where to write the PDF")
        pack.add_argument("--kind", choices=MeetingKind.values, default=MeetingKind.WEEKLY_MISSING)

    def handle(self, *args: Any, **options: Any) -> None:
        """Prepare the meeting (once) and write its pack; say how long it took."""
        started = time.monotonic()
        try:
            day = dt.date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(f"{options['date']!r} is not a date like 2023-03-27.") from error
        meeting = prepare_meeting(options["kind"], day, user=None)
        pack = build_pack(meeting, Person.objects.all())
        html = render_to_string("outside/pack_pdf.html", {"pack": pack, "today": day})
        out = Path(options["out"])
        out.write_bytes(render_pdf(html))
        self.stdout.write(
            f"Wrote {out}: {meeting.get_kind_display().lower()} on {day}, "
            f"{len(pack.children)} children missing since {meeting.covers_from}, "
            f"in {time.monotonic() - started:.1f} seconds."
        )

"""`frontdoor seed`: fill an empty database with a synthetic council (demo, tests, benchmarks)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from frontdoor.contacts.models import Contact
from frontdoor.synth.profile import PROFILES
from frontdoor.synth.seeding import kpis_command, seed_council, summary


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} is not a date like 2023-03-31.") from error


class Command(BaseCommand):
    help = "Create a synthetic council calibrated to a published profile."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--profile",
            choices=sorted(PROFILES),
            default="north-somerset",
            help="the published council figures to reproduce (default north-somerset)",
        )
        parser.add_argument(
            "--years",
            type=int,
            default=2,
            help="years of history ending on --end, each calibrated to the profile (default 2)",
        )
        parser.add_argument("--end", type=_date, help="last day, like 2023-03-31 (default: today)")
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="random seed: the same seed gives the same council and KPIs (default 1)",
        )
        parser.add_argument(
            "--children",
            type=int,
            help="children aged 0-17; volumes scale with it (default: the profile's own)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="seed even though the database already has contacts",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")

    def handle(self, *args: Any, **options: Any) -> None:
        if Contact.objects.exists() and not options["force"]:
            raise CommandError("This database already has contacts. Use --force to add more.")
        if options["years"] < 1:
            raise CommandError("--years must be 1 or more.")
        seeded = seed_council(
            profile=options["profile"],
            years=options["years"],
            end=options["end"] or timezone.localdate(),
            seed=options["seed"],
            children=options["children"],
            say=self.stdout.write if options["verbosity"] > 1 else None,
            progress=not options["no_progress"] and options["verbosity"] > 0,
        )
        self.stdout.write(summary(seeded))
        self.stdout.write(f"\nThe last year's KPIs: {kpis_command(seeded)}")

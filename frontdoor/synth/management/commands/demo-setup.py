"""`frontdoor demo-setup`: a seeded council (if the database is empty) and demo logins."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from frontdoor.contacts.models import Contact
from frontdoor.synth.profile import PROFILES
from frontdoor.synth.seeding import kpis_command, seed_council, summary
from frontdoor.synth.staff import DEMO_PASSWORD, demo_logins

PROFILE = "north-somerset"
# The demo council: a fifth of North Somerset's children, so `make demo` answers in minutes;
# every rate and share is the whole council's (Profile.scaled). `--full` seeds all of it.
DEMO_CHILDREN = 8_000


class Command(BaseCommand):
    help = (
        "Seed an empty database with a synthetic council (a year up to today) and create one "
        "demo login per role. A database that already has contacts is left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        whole = PROFILES[PROFILE].children
        parser.add_argument(
            "--years", type=int, default=1, help="years of history up to today (default 1)"
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="random seed: the same seed gives the same council (default 1)",
        )
        size = parser.add_mutually_exclusive_group()
        size.add_argument(
            "--children",
            type=int,
            default=DEMO_CHILDREN,
            help=f"children aged 0-17; volumes scale with it (default {DEMO_CHILDREN:,})",
        )
        size.add_argument(
            "--full",
            action="store_const",
            const=whole,
            dest="children",
            help=f"the whole published council ({whole:,} children; several minutes)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")

    def handle(self, *args: Any, **options: Any) -> None:
        if Contact.objects.exists():
            self.stdout.write("The database already has contacts, so it was not seeded again.")
        else:
            self.stdout.write(
                f"Seeding a synthetic council ({options['children']:,} children, "
                f"{options['years']} year(s) to today)…"
            )
            self.stdout.flush()
            seeded = seed_council(
                profile=PROFILE,
                years=options["years"],
                end=timezone.localdate(),
                seed=options["seed"],
                children=options["children"],
                progress=not options["no_progress"] and options["verbosity"] > 0,
            )
            self.stdout.write(summary(seeded))
            self.stdout.write(f"\nThe last year's KPIs: {kpis_command(seeded)}")
        users = demo_logins()
        self.stdout.write("\nDemo logins (demonstration only; every login has the same password):")
        self.stdout.write(f"  {'Username':<18} {'Password':<18} Role")
        for user in users:
            where = user.agency.name if user.agency else user.team.name if user.team else ""
            self.stdout.write(
                f"  {user.username:<18} {DEMO_PASSWORD:<18} {user.get_role_display()} ({where})"
            )

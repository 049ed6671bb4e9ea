"""`frontdoor demo-setup`: a seeded council (if the database is empty) and demo logins."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from frontdoor.contacts.models import Contact
from frontdoor.synth.seeding import seed_council, summary
from frontdoor.synth.staff import DEMO_PASSWORD, demo_logins


class Command(BaseCommand):
    help = "Seed an empty database with a synthetic council and create one demo login per role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--years", type=int, default=1)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--children", type=int, help="children aged 0-17 (scales the council)")

    def handle(self, *args: Any, **options: Any) -> None:
        if Contact.objects.exists():
            self.stdout.write("The database already has contacts, so it was not seeded again.")
        else:
            self.stdout.write(
                f"Seeding a synthetic council ({options['years']} year(s) to today); "
                "this takes several minutes the first time…"
            )
            seeded = seed_council(
                profile="north-somerset",
                years=options["years"],
                end=timezone.localdate(),
                seed=options["seed"],
                children=options["children"],
            )
            self.stdout.write(summary(seeded))
        users = demo_logins()
        self.stdout.write("\nDemo logins (demonstration only; every login has the same password):")
        self.stdout.write(f"  {'Username':<18} {'Password':<18} Role")
        for user in users:
            where = user.agency.name if user.agency else user.team.name if user.team else ""
            self.stdout.write(
                f"  {user.username:<18} {DEMO_PASSWORD:<18} {user.get_role_display()} ({where})"
            )

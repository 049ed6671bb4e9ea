"""`frontdoor enrolment-code --user NAME`: a one-time code to set up a second factor."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.actions import issue_enrolment_code
from frontdoor.accounts.models import User


class Command(BaseCommand):
    help = (
        "Issue a one-time enrolment code with which a person sets up (or replaces) their "
        "authenticator app at their next sign-in (ADR 0013). Their current second factor "
        "stops working. The code is printed once, on its own line; only its hash is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, metavar="USERNAME")

    def handle(self, *args: Any, **options: Any) -> None:
        account = User.objects.filter(username__iexact=options["user"]).first()
        if account is None:
            raise CommandError(f"No account with username '{options['user']}'.")
        code = issue_enrolment_code(None, account)
        self.stderr.write(f"Enrolment code for {account.username}. Give it to them yourself.")
        self.stdout.write(code)

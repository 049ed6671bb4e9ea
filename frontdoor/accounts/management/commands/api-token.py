"""`frontdoor api-token --agency police`: issue (or revoke) a partner system's API token."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.actions import issue_api_token, revoke_agency_api_tokens
from frontdoor.accounts.models import Agency
from frontdoor.lib.errors import ActionError


class Command(BaseCommand):
    help = (
        "Issue a bearer token for a partner agency's system to use the partner API. "
        "The token is printed once, on its own line; only its hash is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--agency",
            required=True,
            metavar="SLUG",
            help="the agency's slug, for example police or health",
        )
        parser.add_argument(
            "--revoke-all",
            action="store_true",
            help="revoke every live token of the agency instead of issuing one",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(slug=options["agency"]).first()
        if agency is None:
            known = ", ".join(Agency.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No agency with slug '{options['agency']}'. Known: {known}.")
        try:
            if options["revoke_all"]:
                count = revoke_agency_api_tokens(agency)
                self.stdout.write(f"Revoked {count} token(s) for {agency.name}.")
                return
            secret = issue_api_token(agency)
        except ActionError as error:
            raise CommandError(error.message) from error
        self.stderr.write(
            f"New API token for {agency.name}. Store it now: it cannot be shown again."
        )
        self.stdout.write(secret)

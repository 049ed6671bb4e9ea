"""`frontdoor records gather REQUEST`: gather everything held about the person a subject
access request is about, into the request, and print what was found (ADR 0016)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts import access
from frontdoor.lib.errors import ActionError
from frontdoor.records import actions
from frontdoor.records.models import SubjectAccessRequest


class Command(BaseCommand):
    help = "Subject access: gather everything held about a request's person."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="step", required=True)
        gather = sub.add_parser("gather", help="Gather a request's records.")
        gather.add_argument("request", type=int)
        gather.add_argument("--officer", required=True, help="The officer's username.")

    def handle(self, *args: Any, **options: Any) -> None:
        officer = (
            access.information_governance_officers().filter(username=options["officer"]).first()
        )
        if officer is None:
            raise CommandError(
                f"{options['officer']} is not an active information governance officer."
            )
        request = SubjectAccessRequest.objects.filter(pk=options["request"]).first()
        if request is None:
            raise CommandError(f"There is no subject access request {options['request']}.")
        try:
            count = actions.gather_for(request, user=officer)
        except ActionError as error:
            raise CommandError(error.message) from error
        items = list(request.items.all())
        flagged = [i for i in items if i.is_flagged]
        self.stdout.write(f"Gathered {count} entries; {len(flagged)} name a third party.")
        by_source: dict[str, int] = {}
        for item in items:
            by_source[item.source_label] = by_source.get(item.source_label, 0) + 1
        for label, n in by_source.items():
            self.stdout.write(f"  {label}: {n}")

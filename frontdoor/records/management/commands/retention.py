"""`frontdoor retention review|approve|destroy`: the monthly retention review (ADR 0016).

- review [--on DATE]: every child's record whose review date has passed, with its rule and
  any legal hold (the list is logged: it names children).
- approve PERSON --officer USERNAME [--note TEXT]: a named information governance officer's
  approval to destroy one record.
- destroy: carries out every approval still valid (due, no hold), each in one transaction;
  prints the non-identifying destruction record.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts import access
from frontdoor.audit.log import record_list_view
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.people.models import Person
from frontdoor.records import destruction, holds, retention
from frontdoor.records.models import DestructionApproval

ACTOR = "frontdoor retention"


class Command(BaseCommand):
    help = "The retention schedule: review what is due, approve, destroy."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="step", required=True)
        review = sub.add_parser("review", help="List the records due for review.")
        review.add_argument("--on", type=dt.date.fromisoformat, default=None)
        approve = sub.add_parser("approve", help="Approve destroying one record.")
        approve.add_argument("person", type=int)
        approve.add_argument("--officer", required=True, help="The approving officer's username.")
        approve.add_argument("--note", default="")
        sub.add_parser("destroy", help="Carry out the approved destructions.")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['step']}")(options)

    def _review(self, options: dict[str, Any]) -> None:
        from django.utils import timezone

        on = options["on"] or timezone.localdate()
        due = retention.due(on)
        record_list_view(
            None,
            [(r.person, r.person.pk, None) for r in due],
            summary="Listed in the retention review",
            actor_label=ACTOR,
        )
        self.stdout.write(f"Records due for review on {govuk_date(on)}: {len(due)}")
        for r in due:
            state = f"LEGAL HOLD: {r.hold.reason}" if r.hold else "due"
            self.stdout.write(
                f"  {r.person.pk}\t{r.person.full_name}\t{r.rule.label}\t"
                f"{r.review_date.isoformat()}\t{state}"
            )

    def _approve(self, options: dict[str, Any]) -> None:
        officer = (
            access.information_governance_officers().filter(username=options["officer"]).first()
        )
        if officer is None:
            raise CommandError(
                f"{options['officer']} is not an active information governance officer."
            )
        person = Person.objects.filter(pk=options["person"]).first()
        if person is None:
            raise CommandError(f"There is no record {options['person']}.")
        try:
            approval = holds.approve(person, user=officer, note=options["note"])
        except ActionError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Approved by {officer.username}: record {person.pk} ({approval.rule.label})."
        )

    def _destroy(self, options: dict[str, Any]) -> None:
        approvals = list(DestructionApproval.objects.select_related("rule", "approved_by"))
        failed = 0
        for approval in approvals:
            try:
                record = destruction.destroy(approval, carried_out_by=ACTOR)
            except ActionError as error:
                failed += 1
                self.stderr.write(f"Not destroyed (approval {approval.pk}): {error.message}")
                continue
            total = sum(n for n in record.counts.values())
            self.stdout.write(
                f"Destruction {record.pk}: {record.rule_label}, approved by "
                f"{record.approved_by.username}; {total} rows removed or emptied."
            )
        self.stdout.write(f"Destroyed {len(approvals) - failed} of {len(approvals)} approved.")

"""`frontdoor people find-duplicates`: store candidate duplicate pairs for review.

Run it nightly as a scheduled job (cron or a systemd timer), after `frontdoor tick`;
running it again is harmless: pairs already reviewed are never proposed again.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

HELP = "Find records that may be one person and queue them for review."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="Lowest match probability to propose (default FRONTDOOR_DUPLICATE_REVIEW_THRESHOLD).",
    )


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.people.duplicates import propose_duplicates

    found = propose_duplicates(threshold=options.get("threshold"))
    command.stdout.write(
        f"{found.compared} pairs compared; {found.proposed} new pairs proposed, "
        f"{found.updated} re-scored, {found.flagged_twins} flagged as possible twins or "
        f"siblings, {found.not_proposed_again} already reviewed and not proposed again"
    )

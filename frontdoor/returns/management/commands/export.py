"""`frontdoor export cin-census --year 2025 --out cin.xml [--strict]` and
`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Write a statutory return: the DfE CIN census or Ofsted's Annex A."

    def add_arguments(self, parser: CommandParser) -> None:
        returns = parser.add_subparsers(dest="return_name", required=True)
        census = returns.add_parser("cin-census", help="the DfE CIN census XML for a year")
        census.add_argument("--year", type=int, required=True, help="collection year, 2025")
        census.add_argument("--out", required=True, help="the XML file to write")
        census.add_argument(
            "--strict", action="store_true", help="exit non-zero if any error remains"
        )
        annex = returns.add_parser("annex-a", help="Ofsted ILACS Annex A workbook")
        annex.add_argument("--as-of", dest="as_of", required=True, help="2025-03-31")
        annex.add_argument("--out", required=True, help="the .xlsx file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["return_name"] == "cin-census":
            from frontdoor.returns.cin_census import run_command as census

            census(options, self.stdout, self.stderr)
        else:
            from frontdoor.returns.annex_a import run_command as annex

            annex(options, self.stdout, self.stderr)

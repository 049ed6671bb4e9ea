"""`frontdoor export cin-census --year 2025 --out cin.xml [--strict]`,
`frontdoor export ssda903 --year 2025 --out DIR [--strict]` and
`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx`."""

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from frontdoor.lib.dates import govuk_date
from frontdoor.lib.progress import progress_bar
from frontdoor.returns.annex_a.workbook import build_lists, write_workbook
from frontdoor.returns.cin_census.collection import census_period, collect
from frontdoor.returns.cin_census.document import to_xml, validate
from frontdoor.returns.cin_census.rulebook import ERROR
from frontdoor.returns.cin_census.rules import check
from frontdoor.returns.ssda903 import collection as ssda903_collection
from frontdoor.returns.ssda903 import rulebook as ssda903_rulebook
from frontdoor.returns.ssda903 import rules as ssda903_rules
from frontdoor.returns.ssda903 import tables as ssda903_tables


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
        lac = returns.add_parser("ssda903", help="the DfE SSDA903 looked-after CSV files")
        lac.add_argument("--year", type=int, required=True, help="collection year, 2025")
        lac.add_argument("--out", required=True, help="the directory to write the files in")
        lac.add_argument("--strict", action="store_true", help="exit non-zero if any error")
        annex = returns.add_parser("annex-a", help="Ofsted ILACS Annex A workbook")
        annex.add_argument("--as-of", dest="as_of", required=True, help="2025-03-31")
        annex.add_argument("--out", required=True, help="the .xlsx file to write")
        for each in (census, lac, annex):
            each.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        """Write the return named on the command line."""
        options["progress"] = not options["no_progress"] and options["verbosity"] > 0
        if options["return_name"] == "cin-census":
            export_cin_census(options, self.stdout, self.stderr)
        elif options["return_name"] == "ssda903":
            export_ssda903(options, self.stdout)
        else:
            export_annex_a(options, self.stdout)


def export_cin_census(
    options: dict[str, Any], stdout: OutputWrapper, stderr: OutputWrapper
) -> None:
    """Check the census for --year, print every failure, write the XML and check its schema."""
    try:
        period = census_period(options["year"])
    except ValueError as error:
        raise CommandError(str(error)) from error
    with progress_bar(enabled=options.get("progress", True), total=4, desc="CIN census") as bar:
        census = collect(period)
        bar.update(1)
        if not census.children:
            raise CommandError(
                f"No child had a child in need episode open between {govuk_date(period.start)} "
                f"and {govuk_date(period.end)}, so there is no census to write."
            )
        failures = check(census)
        bar.update(1)
        document = to_xml(census)
        bar.update(1)
        problems = validate(document)
        bar.update(1)
    for failure in failures:
        stdout.write(failure.line())
    errors = sum(1 for failure in failures if failure.severity == ERROR)
    queries = len(failures) - errors
    stdout.write(
        f"CIN census {period.year}: {len(census.children)} children, "
        f"{errors} errors, {queries} queries."
    )
    out = Path(options["out"])
    try:
        out.write_bytes(document)
    except OSError as error:
        raise CommandError(f"Could not write {out}: {error.strerror}.") from error
    for problem in problems:
        stderr.write(f"Schema: {problem}")
    if problems:
        raise CommandError(f"{out} does not match the census schema ({len(problems)} problems).")
    stdout.write(f"Wrote {out}: valid against the census schema.")
    if options.get("strict") and errors:
        raise CommandError(f"{errors} errors remain: fix them before submitting the census.")


def export_ssda903(options: dict[str, Any], stdout: OutputWrapper) -> None:
    """Check the SSDA903 return for --year, print every failure, write every table's CSV."""
    try:
        period = ssda903_collection.collection_period(options["year"])
    except ValueError as error:
        raise CommandError(str(error)) from error
    with progress_bar(enabled=options.get("progress", True), total=2, desc="SSDA903") as bar:
        found = ssda903_collection.collect(period)
        bar.update(1)
        failures = ssda903_rules.check(found)
        bar.update(1)
    for failure in failures:
        stdout.write(failure.line())
    errors = sum(1 for f in failures if f.severity == ssda903_rulebook.ERROR)
    out = Path(options["out"])
    try:
        counts = ssda903_tables.write_files(found, out)
    except OSError as error:
        raise CommandError(f"Could not write to {out}: {error.strerror}.") from error
    for name, rows in counts.items():
        stdout.write(f"{name}: {rows} row{'' if rows == 1 else 's'}")
    stdout.write(
        f"SSDA903 {period.year}: {len(found.looked_after())} children looked after in the year, "
        f"{found.looked_after_at_end()} looked after at 31 March, "
        f"{found.started_in_year()} started to be looked after in the year; "
        f"{len(failures)} failures ({errors} errors, {len(failures) - errors} queries). "
        f"Wrote {len(counts)} files to {out}."
    )
    if options.get("strict") and errors:
        raise CommandError(f"{errors} errors remain: fix them before submitting SSDA903.")


def parse_as_of(text: str) -> dt.date:
    """The --as-of date, or a plain CommandError if it is not written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError as error:
        raise CommandError(
            f"--as-of must be a date written YYYY-MM-DD, for example 2025-03-31 (got “{text}”)."
        ) from error


def export_annex_a(options: dict[str, Any], stdout: OutputWrapper) -> None:
    """Build Annex A as at --as-of, write the workbook and print each list's row count."""
    as_of = parse_as_of(options["as_of"])
    with progress_bar(enabled=options.get("progress", True), total=2, desc="Annex A") as bar:
        sheets = build_lists(as_of)
        bar.update(1)
        content = BytesIO()
        write_workbook(sheets, content)
        bar.update(1)
    try:
        Path(options["out"]).write_bytes(content.getvalue())
    except OSError as error:
        raise CommandError(f"Could not write {options['out']}: {error.strerror}") from error
    for sheet in sheets:
        rows = len(sheet.rows)
        stdout.write(f"{sheet.name}: {rows} row{'' if rows == 1 else 's'}")
    stdout.write(f"Wrote Ofsted Annex A as at {as_of:%d/%m/%Y} to {options['out']}")

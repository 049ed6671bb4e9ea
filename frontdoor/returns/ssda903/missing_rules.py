"""DfE SSDA903 rules about the Missing table: missing and away-from-placement episodes
that began in the year, and how they sit within the child's care."""

from collections.abc import Iterator
from itertools import pairwise

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Missing, Period
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()
KINDS = {"M", "A"}


def _from(m: Missing) -> str:
    return f"The missing episode from {govuk_date(m.start)}"


def _in_care(child: Child, m: Missing) -> bool:
    return any(s.start <= m.start and (s.end is None or m.start <= s.end) for s in child.episodes)


@CHILD_RULES.rule(
    "567",
    "Missing ends before it starts",
    "The date that the missing episode or episode that the child was away from placement "
    "without authorisation ended is before the date that it started.",
)
def missing_dates(child: Child, period: Period) -> Iterator[str]:
    for m in child.missing:
        if m.end is not None and m.end < m.start:
            yield f"{_from(m)} ends before it started."


@CHILD_RULES.rule("1006", "Missing type", "Missing type invalid.")
def kind_valid(child: Child, period: Period) -> Iterator[str]:
    for m in child.missing:
        if m.kind not in KINDS:
            yield f"{_from(m)} is “{m.kind}”: it must be M (missing) or A (away)."


@CHILD_RULES.rule(
    "574",
    "Missing episodes overlap",
    "A new missing/away from placement without authorisation period cannot start when the "
    "previous one is still open, and they should not overlap.",
)
def one_at_a_time(child: Child, period: Period) -> Iterator[str]:
    ordered = sorted(child.missing, key=lambda m: m.start)
    for before, after in pairwise(ordered):
        if before.end is None or after.start < before.end:
            yield f"{_from(after)} began before the one from {govuk_date(before.start)} ended."


@CHILD_RULES.rule(
    "575",
    "Missing open after the placement ended",
    "If the placement from which the child goes missing/away ends, the missing period must also "
    "have an end date.",
)
def ended_with_placement(child: Child, period: Period) -> Iterator[str]:
    for m in child.missing:
        ended = [s for s in child.episodes if s.start <= m.start and s.end and m.start <= s.end]
        if m.end is None and ended:
            yield f"{_from(m)} has no end, but the placement ended on {govuk_date(ended[0].end)}."


@CHILD_RULES.rule(
    "577",
    "Missing open after care ended",
    "Child ceased to be looked after but there is a missing/away from placement without "
    "authorisation period without an end date.",
)
def ended_with_care(child: Child, period: Period) -> Iterator[str]:
    last = child.episodes[-1] if child.episodes else None
    for m in child.missing:
        if m.end is None and last is not None and last.end is not None:
            yield f"{_from(m)} has no end, but care ended on {govuk_date(last.end)}."


@CHILD_RULES.rule(
    "578",
    "Missing after care ended",
    "The date that the child started to be missing is after the child ceased to be looked after.",
)
def missing_before_care_ended(child: Child, period: Period) -> Iterator[str]:
    ended = [s.end for s in child.episodes if s.end is not None]
    for m in child.missing:
        if not _in_care(child, m) and any(end < m.start for end in ended):
            yield f"{_from(m)} is after the child ceased to be looked after."


@CHILD_RULES.rule(
    "581",
    "Missing before care began",
    "Child is missing but has not yet started to be looked after.",
)
def missing_after_care_began(child: Child, period: Period) -> Iterator[str]:
    first = child.episodes[0].start if child.episodes else None
    for m in child.missing:
        if first is not None and m.start < first:
            yield f"{_from(m)} is before the child started to be looked after."


@CHILD_RULES.rule(
    "580",
    "Missing at 18 but not E8",
    "Child is missing when they cease being looked after (at 18) but reason episode ceased is "
    "not E8.",
)
def missing_at_eighteen_is_e8(child: Child, period: Period) -> Iterator[str]:
    eighteen = child.turns(18)
    for m in child.missing:
        for s in child.episodes:
            if m.end == eighteen == s.end and s.reason_ceased != "E8":
                yield (
                    f"{_from(m)} ended with care on the child's 18th birthday: the reason care "
                    "ended must be E8."
                )


@CHILD_RULES.rule(
    "586", "Missing before birth", "Dates of missing periods are before the child's date of birth."
)
def missing_after_birth(child: Child, period: Period) -> Iterator[str]:
    born = child.date_of_birth
    for m in child.missing:
        if born is not None and m.start <= born:
            yield f"{_from(m)} is not after the child's birth."

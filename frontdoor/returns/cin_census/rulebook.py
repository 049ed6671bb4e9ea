"""What a CIN census rule is, and the wording the rules share (data-and-returns.md §2).

Each rule has the DfE's number as its id (a trailing Q marks a query), a severity (an
*error* must be fixed before submission; a *query* must be checked and may be explained to
the DfE) and a plain-English explanation. A rule about one
child is a function of the child's record yielding one message per failure, so a worker sees
exactly what to fix. Each concept's module (identity_rules, episode_rules, assessment_rules,
plan_rules, protection_rules) lists its rules as data in a `ChildRules`; `rules` runs them
all.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord, EpisodeRecord

ERROR = "error"
QUERY = "query"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    explanation: str


@dataclass(frozen=True)
class Failure:
    rule: Rule
    la_child_id: str
    person_id: int | None
    message: str

    @property
    def severity(self) -> str:
        """The rule's severity: ERROR or QUERY."""
        return self.rule.severity

    def line(self) -> str:
        """The failure as one line: the child, the rule, its severity and what is wrong."""
        who = self.la_child_id or "Header"
        return f"{who}: {self.rule.id} {self.rule.title} ({self.severity}): {self.message}"


ChildCheck = Callable[[ChildRecord, CensusPeriod], Iterator[str]]


def rule_order(rule: Rule) -> tuple[int, str]:
    """Rules in the DfE's number order (8770Q after 8750, before 8772)."""
    return int(rule.id.rstrip("Q")), rule.id


class ChildRules(list[tuple[Rule, ChildCheck]]):
    """A concept's rules about one child: each rule with its check, in declaration order."""

    def rule(
        self, id: str, title: str, explanation: str, severity: str = ERROR
    ) -> Callable[[ChildCheck], ChildCheck]:
        """Declare the decorated check as the rule `id`."""

        def register(check: ChildCheck) -> ChildCheck:
            self.append((Rule(id, title, severity, explanation), check))
            return check

        return register


def first_upper(text: str) -> str:
    """First letter upper case, the rest as it is (str.capitalize lowers month names)."""
    return text[:1].upper() + text[1:]


def episode_name(episode: EpisodeRecord) -> str:
    """How a message names an episode: by its referral date."""
    return f"the episode referred on {govuk_date(episode.referral_date)}"


def icpc_dates(episode: EpisodeRecord) -> list[dt.date]:
    """The dates of the episode's initial conferences, in its enquiries or on the episode."""
    dates = [s47.icpc_date for s47 in episode.section47s if s47.icpc_date]
    return dates + ([episode.icpc_date] if episode.icpc_date else [])

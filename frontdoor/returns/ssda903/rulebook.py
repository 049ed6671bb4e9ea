"""What an SSDA903 validation rule is (as the CIN census's: `returns.cin_census.rulebook`).

Each rule has the DfE's number (or `FD-` and a number for Front Door's own completeness
checks, where the DfE's rule needs data the council sends from elsewhere), a severity (an
*error* must be fixed before submission; a *query* must be checked) and a plain-English
explanation. A rule is a function of one child's record yielding one message per failure.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period

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
    child_id: str
    person_id: int | None
    message: str

    @property
    def severity(self) -> str:
        return self.rule.severity

    def line(self) -> str:
        """The failure as one line: the child, the rule, its severity and what is wrong."""
        return (
            f"{self.child_id}: {self.rule.id} {self.rule.title} ({self.severity}): {self.message}"
        )


ChildCheck = Callable[[Child, Period], Iterator[str]]


class ChildRules(list[tuple[Rule, ChildCheck]]):
    """A concept's rules about one child: each rule with its check, in declaration order."""

    def rule(
        self, id: str, title: str, explanation: str, severity: str = ERROR
    ) -> Callable[[ChildCheck], ChildCheck]:
        def register(check: ChildCheck) -> ChildCheck:
            self.append((Rule(id, title, severity, explanation), check))
            return check

        return register


def named(start: dt.date, first: bool = False) -> str:
    """An episode as the messages name it: by the day it started (`first` in a sentence)."""
    return f"{'The' if first else 'the'} episode that started on {govuk_date(start)}"

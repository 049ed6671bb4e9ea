"""Every DfE validation rule the CIN census export runs on itself, and the check that runs
them (data-and-returns.md §2). Each rule is in the module of its concept; what a rule is,
in `rulebook`."""

from frontdoor.returns.cin_census import (
    date_rules,
    episode_rules,
    identity_rules,
    protection_rules,
    timescale_rules,
)
from frontdoor.returns.cin_census.records import Census
from frontdoor.returns.cin_census.rulebook import ChildCheck, Failure, Rule

# By rule id: the order each child's failures are listed in.
CHILD_RULES: list[tuple[Rule, ChildCheck]] = sorted(
    [
        *identity_rules.CHILD_RULES,
        *episode_rules.CHILD_RULES,
        *date_rules.CHILD_RULES,
        *protection_rules.CHILD_RULES,
        *timescale_rules.CHILD_RULES,
    ],
    key=lambda pair: pair[0].id,
)
RULES: list[Rule] = sorted(
    [*identity_rules.CENSUS_RULES, *(rule for rule, _ in CHILD_RULES)], key=lambda rule: rule.id
)


def check(census: Census) -> list[Failure]:
    """Every failure of every rule, header first, then child by child."""
    failures = list(identity_rules.census_wide(census))
    for child in census.children:
        for rule, check_child in CHILD_RULES:
            for message in check_child(child, census.period):
                failures.append(Failure(rule, child.la_child_id, child.person_id, message))
    return failures

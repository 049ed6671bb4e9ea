"""Every DfE validation rule for the CIN census (2024-25) that reads data Front Door holds,
and the check that runs them (data-and-returns.md §2). Each rule is in the module of its
concept, numbered as the DfE numbers it (a trailing Q: a query); what a rule is, in
`rulebook`.

Rules of the DfE's set left out, because Front Door cannot hold data that breaks them (so no
test could make them fire): 8568 (ReferralNFA missing or not 0/1: a yes/no field here) and
8842Q (a CP review with no date: a review is a dated meeting here). The death rules (4008,
4009Q, 8535Q, 8545Q, 8555Q, 8585Q, 8915, 8920) run on the date of death when a record holds
one; Front Door's person record does not hold one yet, so 8585Q asks for it on RC2 closures.
"""

from frontdoor.returns.cin_census import (
    assessment_rules,
    episode_rules,
    identity_rules,
    plan_rules,
    protection_rules,
)
from frontdoor.returns.cin_census.records import Census
from frontdoor.returns.cin_census.rulebook import ChildCheck, Failure, Rule, rule_order

# By rule number: the order each child's failures are listed in.
CHILD_RULES: list[tuple[Rule, ChildCheck]] = sorted(
    [
        *identity_rules.CHILD_RULES,
        *episode_rules.CHILD_RULES,
        *assessment_rules.CHILD_RULES,
        *plan_rules.CHILD_RULES,
        *protection_rules.CHILD_RULES,
    ],
    key=lambda pair: rule_order(pair[0]),
)
RULES: list[Rule] = sorted(
    [*identity_rules.CENSUS_RULES, *(rule for rule, _ in CHILD_RULES)], key=rule_order
)


def check(census: Census) -> list[Failure]:
    """Every failure of every rule, the return's own first, then child by child."""
    failures = list(identity_rules.census_wide(census))
    for child in census.children:
        for rule, check_child in CHILD_RULES:
            for message in check_child(child, census.period):
                failures.append(Failure(rule, child.la_child_id, child.person_id, message))
    return failures

"""Every validation rule the SSDA903 export runs on itself, and the check that runs them."""

from frontdoor.returns.ssda903 import (
    adoption_rules,
    child_rules,
    episode_rules,
    legal_status_rules,
    missing_rules,
    oc2_rules,
    oc3_rules,
    permanence_rules,
    placed_rules,
    placement_rules,
    provider_rules,
    review_rules,
    sequence_rules,
)
from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.rulebook import ChildCheck, Failure, Rule

CHILD_RULES: list[tuple[Rule, ChildCheck]] = [
    *child_rules.CHILD_RULES,
    *episode_rules.CHILD_RULES,
    *sequence_rules.CHILD_RULES,
    *legal_status_rules.CHILD_RULES,
    *placement_rules.CHILD_RULES,
    *provider_rules.CHILD_RULES,
    *review_rules.CHILD_RULES,
    *oc2_rules.CHILD_RULES,
    *oc3_rules.CHILD_RULES,
    *adoption_rules.CHILD_RULES,
    *placed_rules.CHILD_RULES,
    *missing_rules.CHILD_RULES,
    *permanence_rules.CHILD_RULES,
]
RULES: list[Rule] = [rule for rule, _ in CHILD_RULES]


def check(ret: Return) -> list[Failure]:
    """Every failure of every rule, child by child."""
    failures = []
    for child in ret.children:
        for rule, check_child in CHILD_RULES:
            for message in check_child(child, ret.period):
                failures.append(Failure(rule, child.child_id, child.person_id, message))
    return failures

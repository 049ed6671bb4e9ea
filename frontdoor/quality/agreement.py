"""How far two auditors agree: the share of pairs graded the same, and Cohen's kappa.

Kappa = (p_o - p_e) / (1 - p_e): p_o the observed agreement, p_e the agreement expected by
chance from each auditor's own spread of grades (Cohen 1960). It is None when there are no
pairs, and 1.0 when both auditors gave every audit the one same grade (p_e = 1).
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    pairs: int
    agreed: int
    kappa: float | None

    @property
    def rate(self) -> float | None:
        return round(100 * self.agreed / self.pairs, 1) if self.pairs else None


def agreement(pairs: Sequence[tuple[str, str]]) -> Agreement:
    """Agreement over (first grade, second grade) pairs."""
    n = len(pairs)
    if not n:
        return Agreement(0, 0, None)
    agreed = sum(1 for first, second in pairs if first == second)
    firsts = Counter(first for first, _ in pairs)
    seconds = Counter(second for _, second in pairs)
    observed = agreed / n
    expected = sum(firsts[g] * seconds[g] for g in firsts) / (n * n)
    if expected == 1:
        return Agreement(n, agreed, 1.0)
    return Agreement(n, agreed, round((observed - expected) / (1 - expected), 3))

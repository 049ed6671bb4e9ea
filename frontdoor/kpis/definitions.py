"""Transition only: the KPIs now live in `periods`, `intake`, `mash`, `casework` and
`registry` (issue "Reshape before growing").

The one importer left is frontdoor/mash/tests/test_strategy_discussions.py, outside the
reporting apps; delete this module once it imports from frontdoor.kpis.mash, .periods and
.registry. Only the names it uses are re-exported.
"""

from frontdoor.kpis.mash import (
    health_attendance_rate_at_strategy_discussions,
    police_attendance_rate_at_strategy_discussions,
    strategy_discussions_held,
)
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import measure_all

__all__ = [
    "Period",
    "health_attendance_rate_at_strategy_discussions",
    "measure_all",
    "police_attendance_rate_at_strategy_discussions",
    "strategy_discussions_held",
]

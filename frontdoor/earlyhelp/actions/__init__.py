"""Every state change of early help: episodes, the assessment, the team around the family,
steps up and down, and the council's list of services.

One module per concept; import from here (`from frontdoor.earlyhelp.actions import …`).
"""

from frontdoor.earlyhelp.actions.assessments import (
    AssessmentInput,
    ChildPart,
    complete_assessment,
    start_assessment,
)
from frontdoor.earlyhelp.actions.episodes import (
    add_children,
    allocate_lead_professional,
    close_episode,
    open_or_join_episode,
)
from frontdoor.earlyhelp.actions.services import save_service
from frontdoor.earlyhelp.actions.steps import decide_step, record_step_down, request_step_up
from frontdoor.earlyhelp.actions.taf import (
    OutcomeInput,
    add_plan_outcomes,
    add_taf_member,
    record_taf_meeting,
)

__all__ = [
    "AssessmentInput",
    "ChildPart",
    "OutcomeInput",
    "add_children",
    "add_plan_outcomes",
    "add_taf_member",
    "allocate_lead_professional",
    "close_episode",
    "complete_assessment",
    "decide_step",
    "open_or_join_episode",
    "record_step_down",
    "record_taf_meeting",
    "request_step_up",
    "save_service",
    "start_assessment",
]

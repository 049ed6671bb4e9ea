"""Every state change of risk outside the home, one module per concept."""

from frontdoor.outside.actions.episodes import (
    record_return,
    report_missing_episode,
    report_missing_episode_once,
)
from frontdoor.outside.actions.factors import save_push_pull_factor
from frontdoor.outside.actions.interviews import (
    InterviewInput,
    allocate_return_interview,
    record_interview_offer,
    record_return_interview,
)
from frontdoor.outside.actions.meetings import (
    complete_meeting_action,
    prepare_meeting,
    record_meeting_note,
)
from frontdoor.outside.actions.network import add_link, find_or_add_entity, refer_to_mace
from frontdoor.outside.actions.screening import record_screening
from frontdoor.outside.actions.sharing import record_sharing_decision
from frontdoor.outside.actions.sweeps import flag_overdue_interviews

__all__ = [
    "InterviewInput",
    "add_link",
    "allocate_return_interview",
    "complete_meeting_action",
    "find_or_add_entity",
    "flag_overdue_interviews",
    "prepare_meeting",
    "record_interview_offer",
    "record_meeting_note",
    "record_return",
    "record_return_interview",
    "record_screening",
    "record_sharing_decision",
    "refer_to_mace",
    "report_missing_episode",
    "report_missing_episode_once",
    "save_push_pull_factor",
]

"""What the MASH decision screen and the MASH manager's view show (reads only)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from frontdoor.contacts.history import child_history
from frontdoor.mash.models import (
    AgencyCheck,
    CheckAnswer,
    ExtensionRequest,
    MashEnquiry,
    RiskIndicator,
)


@dataclass(frozen=True)
class AgencyRow:
    """One agency's check on the decision screen, with its answer (if any) and provenance."""

    check: AgencyCheck
    answer: CheckAnswer | None
    risks: list[str]


def _agency_rows(enquiry: MashEnquiry) -> list[AgencyRow]:
    labels = dict(RiskIndicator.objects.values_list("code", "label"))
    checks = enquiry.checks.select_related("agency").order_by("agency__name")
    answers = {
        a.check_request_id: a
        for a in CheckAnswer.objects.filter(check_request__enquiry=enquiry).select_related(
            "answered_by"
        )
    }
    rows = []
    for check in checks:
        answer = answers.get(check.pk)
        risks = [labels.get(code, code) for code in (answer.risk_indicators if answer else [])]
        rows.append(AgencyRow(check=check, answer=answer, risks=risks))
    return rows


def decision_screen(enquiry: MashEnquiry) -> dict[str, Any]:
    """Everything the decision screen needs: answers side by side, the contact, history."""
    contact = enquiry.contact
    children = [s.person for s in contact.child_subjects().select_related("person") if s.person]
    return {
        "enquiry": enquiry,
        "contact": contact,
        "subjects": contact.subjects.select_related("person"),
        "rows": _agency_rows(enquiry),
        "extensions": ExtensionRequest.objects.filter(check_request__enquiry=enquiry)
        .select_related("check_request__agency", "requested_by", "decided_by")
        .order_by("-requested_at"),
        "histories": [(p, child_history(p, exclude=contact)) for p in children],
        "sharing_decisions": enquiry.sharing_decisions.select_related("decided_by"),
    }


@dataclass(frozen=True)
class EnquiryRow:
    """An open enquiry on the MASH manager's view, with its checks in due order."""

    enquiry: MashEnquiry
    checks: list[AgencyCheck]
    overdue: int

    @property
    def first_due(self) -> dt.datetime | None:
        open_checks = [c.due_at for c in self.checks if c.is_open()]
        return min(open_checks) if open_checks else None


def manager_rows(enquiries: Iterable[MashEnquiry], now: dt.datetime) -> list[EnquiryRow]:
    """Open enquiries, those with overdue checks first, then by the next check due."""
    rows = []
    for enquiry in enquiries:
        checks = sorted(enquiry.checks.all(), key=lambda c: (not c.is_past_due(now), c.due_at))
        overdue = sum(1 for c in checks if c.is_past_due(now))
        rows.append(EnquiryRow(enquiry=enquiry, checks=checks, overdue=overdue))
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(rows, key=lambda r: (r.overdue == 0, r.first_due or far, r.enquiry.pk))

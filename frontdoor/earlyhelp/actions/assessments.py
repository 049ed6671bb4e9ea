"""The Family Strengths and Needs assessment: started, then completed with its content."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from frontdoor.earlyhelp.codes import Consent, Heading
from frontdoor.earlyhelp.models import (
    AssessmentNeed,
    ChildView,
    Episode,
    FamilyAssessment,
)
from frontdoor.earlyhelp.rules import (
    actor,
    check_open,
    check_text,
    check_within,
    locked,
    log,
    moment,
)
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


@dataclass(frozen=True)
class ChildPart:
    """One child's part of the assessment."""

    voice: str
    strengths: str = ""
    headings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AssessmentInput:
    completed_on: dt.date
    level_of_need: Any
    consent: str
    family_strengths: str
    family_needs: str
    family_words: str
    headings: list[str]
    children: dict[int, ChildPart]  # by person id
    consent_note: str = ""


def start_assessment(
    episode: Episode, *, started_on: dt.date, user: Any, at: dt.datetime | None = None
) -> FamilyAssessment:
    """Start a Family Strengths and Needs assessment (one in progress at a time)."""
    with transaction.atomic():
        episode = locked(episode)
        check_open(episode)
        check_within(episode, started_on, "The assessment", "started_on")
        if episode.assessments.still_open().exists():
            raise ActionError("An assessment is already in progress: complete it first.")
        assessment = FamilyAssessment.objects.create(
            episode=episode,
            started_on=started_on,
            started_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            assessment,
            episode.children(),
            "Family Strengths and Needs assessment started",
            moment(started_on, at),
            created=True,
        )
    return assessment


def _organisation(episode: Episode) -> str:
    """Annex A List 2: the organisation completing the assessment (the lead's agency, else
    the council's family wellbeing service)."""
    lead = episode.lead_professional
    agency = getattr(lead, "agency", None) if lead is not None else None
    return agency.name if agency else f"{settings.FRONTDOOR_COUNCIL_NAME} Family Wellbeing"


def _check_content(
    assessment: FamilyAssessment, data: AssessmentInput, children: list[Any]
) -> None:
    if data.completed_on < assessment.started_on:
        raise ActionError(
            f"The assessment cannot be completed before it started on "
            f"{govuk_date(assessment.started_on)}.",
            field="completed_on",
        )
    if data.consent not in Consent.values:
        raise ActionError("Say whether the family agreed to share information.", field="consent")
    if data.level_of_need is None:
        raise ActionError("Choose the level of need.", field="level_of_need")
    check_text(data.family_needs, "Describe the family's needs.", "family_needs")
    check_text(data.family_strengths, "Describe the family's strengths.", "family_strengths")
    check_text(
        data.family_words, "Write down what the family said, in their words.", "family_words"
    )
    headings = data.headings + [h for part in data.children.values() for h in part.headings]
    if any(h not in Heading.values for h in headings):
        raise ActionError("Choose headings from the list.", field="headings")
    for child in children:
        part = data.children.get(child.pk)
        if part is None or not part.voice.strip():
            raise ActionError(
                f"Record {child.given_name}'s voice (or why it could not be heard).",
                field=f"voice_{child.pk}",
            )


def complete_assessment(
    assessment: FamilyAssessment, data: AssessmentInput, *, user: Any, at: dt.datetime | None = None
) -> FamilyAssessment:
    """Complete the assessment: strengths and needs by Supporting Families heading for the
    family and each child, each child's voice, the family's own words, the level of need and
    consent to share (its completion date is Annex A List 2's)."""
    if assessment.is_complete:
        raise ActionError("This assessment is already complete.")
    with transaction.atomic():
        episode = locked(assessment.episode)
        check_within(episode, data.completed_on, "The completion date", "completed_on")
        children = episode.children()
        _check_content(assessment, data, children)
        updated = FamilyAssessment.objects.filter(pk=assessment.pk, completed_on__isnull=True)
        if not updated.update(
            completed_on=data.completed_on,
            level_of_need=data.level_of_need,
            consent=data.consent,
            consent_note=data.consent_note.strip(),
            family_strengths=data.family_strengths.strip(),
            family_needs=data.family_needs.strip(),
            family_words=data.family_words.strip(),
            organisation=_organisation(episode),
            completed_by=actor(user),
        ):
            raise ActionError("This assessment is already complete.")
        needs = [
            AssessmentNeed(assessment=assessment, heading=h) for h in dict.fromkeys(data.headings)
        ]
        views = []
        for child in children:
            part = data.children[child.pk]
            needs += [
                AssessmentNeed(assessment=assessment, person=child, heading=h)
                for h in dict.fromkeys(part.headings)
            ]
            views.append(
                ChildView(
                    assessment=assessment,
                    person=child,
                    voice=part.voice.strip(),
                    strengths=part.strengths.strip(),
                )
            )
        AssessmentNeed.objects.bulk_create(needs)
        ChildView.objects.bulk_create(views)
        assessment.refresh_from_db()
        labels = ", ".join(Heading(h).label for h in dict.fromkeys(data.headings))
        log(
            user,
            assessment,
            children,
            f"Family Strengths and Needs assessment completed: {data.level_of_need}",
            moment(data.completed_on, at),
            detail=f"Needs: {labels}." if labels else "",
        )
    return assessment

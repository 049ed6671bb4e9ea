"""Summaries that travel with a family across the step: the social-care summary early help
receives at a step-down, and the early-help history the front door sees at a step-up."""

from typing import Any

from frontdoor.casework.codes import AssessmentFactor, AssessmentOutcome, PrimaryNeed
from frontdoor.casework.models import CINEpisode
from frontdoor.earlyhelp.codes import Heading
from frontdoor.earlyhelp.models import Episode
from frontdoor.lib.dates import govuk_date


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def social_care_summary(episode: CINEpisode, note: str = "") -> str:
    """What children's social care knew and did, in plain words, for early help."""
    person = episode.person
    lines = [
        f"{person.full_name}: referred to children's social care on "
        f"{govuk_date(episode.referral_date)}."
    ]
    if episode.primary_need:
        lines.append(f"Primary need: {_label(PrimaryNeed, episode.primary_need)}.")
    for assessment in episode.assessments.order_by("start_date"):
        done = (
            f"authorised {govuk_date(assessment.authorised_on)}: "
            f"{_label(AssessmentOutcome, assessment.outcome)}"
            if assessment.authorised_on
            else "not yet authorised"
        )
        lines.append(f"Assessment started {govuk_date(assessment.start_date)}, {done}.")
        factors = [_label(AssessmentFactor, code) for code in assessment.factors or []]
        if factors:
            lines.append("Factors found: " + "; ".join(factors) + ".")
    for plan in episode.cin_plans.order_by("start_date"):
        ended = f" to {govuk_date(plan.end_date)}" if plan.end_date else ""
        lines.append(f"Child in need plan from {govuk_date(plan.start_date)}{ended}.")
    for cp in episode.cp_plans.order_by("start_date"):
        ended = f" to {govuk_date(cp.end_date)}" if cp.end_date else ""
        lines.append(f"Child protection plan from {govuk_date(cp.start_date)}{ended}.")
    if note.strip():
        lines.append(f"Why early help now: {note.strip()}")
    return "\n".join(lines)


def early_help_history(episode: Episode) -> str:
    """The family's early help so far, in plain words, for the front door."""
    lead = episode.lead_professional
    lines = [
        f"Early help since {govuk_date(episode.start_date)} ({episode.service}); lead "
        f"professional: {lead.display_name if lead else 'not yet allocated'}.",
        f"Why early help: {episode.reason}",
    ]
    assessment = episode.assessments.filter(completed_on__isnull=False).first()
    if assessment is not None:
        headings = ", ".join(_label(Heading, h) for h in assessment.family_headings())
        lines.append(
            f"Family Strengths and Needs assessment completed "
            f"{govuk_date(assessment.completed_on)}: {assessment.level_of_need}."
            + (f" Needs: {headings}." if headings else "")
        )
    meetings = list(episode.meetings.all())
    if meetings:
        lines.append(
            f"Team around the family: {len(meetings)} meeting(s), the last on "
            f"{govuk_date(meetings[-1].held_on)}."
        )
    for outcome in episode.outcomes.all():
        score = outcome.latest_score()
        progress = f"progress {score}/10" if score is not None else "not yet reviewed"
        lines.append(f"Plan: {outcome.description} ({outcome.owner}): {progress}.")
    return "\n".join(lines)

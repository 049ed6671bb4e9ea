"""The casework forms, one per action: what each acts on, its form, and the action it calls.

Each step acts on a record of one episode (the episode itself, its open assessment, the s47
awaiting an outcome or a conference, its open plan). The views in views.py render and post
every step the same way, so each action's refusal reaches the GOV.UK error summary.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from frontdoor.accounts.access import DECIDERS, MANAGERS, Policy
from frontdoor.casework import actions, care_forms, care_records
from frontdoor.casework import forms as casework_forms
from frontdoor.casework.models import AdoptionPlan, CINEpisode

Data = dict[str, Any]


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form: type[forms.Form]
    target: Callable[[CINEpisode], Any]
    run: Callable[[Any, Data, Any], Any]
    done: str
    policy: Policy = DECIDERS  # who may record this step (accounts.access)
    initial: Callable[[CINEpisode], Data] = lambda episode: {}


def _open(episode: CINEpisode) -> CINEpisode | None:
    return episode if episode.is_open else None


def _without_open_assessment(episode: CINEpisode) -> CINEpisode | None:
    if not episode.is_open or episode.assessments.still_open().exists():
        return None
    return episode


def _plan_decided(episode: CINEpisode) -> CINEpisode | None:
    """A conference decided on a plan and no plan is running (the action checks the date)."""
    if not episode.is_open or episode.cp_plans.still_open().exists():
        return None
    return episode if episode.initial_conferences.filter(is_plan_required=True).exists() else None


def _without_cin_plan(episode: CINEpisode) -> CINEpisode | None:
    if not episode.is_open or episode.cin_plans.still_open().exists():
        return None
    return episode


def _assessment(episode: CINEpisode) -> Any:
    return episode.assessments.still_open().first() if episode.is_open else None


def _s47_without_outcome(episode: CINEpisode) -> Any:
    return episode.s47_enquiries.without_outcome().first() if episode.is_open else None


def _s47_awaiting_icpc(episode: CINEpisode) -> Any:
    return episode.s47_enquiries.awaiting_icpc().first() if episode.is_open else None


def _cp_plan(episode: CINEpisode) -> Any:
    return episode.cp_plans.still_open().first() if episode.is_open else None


def _cin_plan(episode: CINEpisode) -> Any:
    return episode.cin_plans.still_open().first() if episode.is_open else None


def _not_looked_after(episode: CINEpisode) -> CINEpisode | None:
    if not episode.is_open or episode.looked_after_episodes.filter(end_date__isnull=True).exists():
        return None
    return episode


def _care(episode: CINEpisode) -> Any:
    if not episode.is_open:
        return None
    return episode.looked_after_episodes.filter(end_date__isnull=True).first()


def _care_with_adoption_plan(episode: CINEpisode) -> Any:
    care = _care(episode)
    if care is None:
        return None
    active = AdoptionPlan.objects.filter(person_id=episode.person_id, ceased_on__isnull=True)
    return care if active.exists() else None


def _care_left(episode: CINEpisode) -> Any:
    """The episode's last looked-after episode, once the child has left care (OC3)."""
    last = episode.looked_after_episodes.order_by("-start_date", "-pk").first()
    if last is None or last.end_date is None:
        return None
    return last


def _start_care(e: CINEpisode, d: Data, user: Any) -> Any:
    return actions.start_looked_after_episode(
        e,
        start_date=d["start_date"],
        legal_status=d["legal_status"],
        placement_type=d["placement_type"],
        placement_postcode=d["placement_postcode"].strip().upper(),
        placement_provider=d.get("placement_provider", ""),
        home_postcode=d.get("home_postcode", "").strip().upper(),
        user=user,
    )


def _change_care(care: Any, d: Data, user: Any) -> Any:
    postcode = d["placement_postcode"].strip().upper()
    return actions.change_looked_after_episode(
        care,
        on=d["on"],
        legal_status=d["legal_status"] or None,
        placement_type=d["placement_type"] or None,
        placement_postcode=postcode or None,
        placement_provider=d.get("placement_provider") or None,
        reason_place_change=d.get("reason_place_change", ""),
        user=user,
    )


def _outcomes(care: Any, d: Data, user: Any) -> Any:
    return care_records.record_care_outcomes(
        care,
        year_ending=d["year_ending"],
        is_immunisations_up_to_date=d["is_immunisations_up_to_date"],
        is_convicted=d["is_convicted"],
        has_substance_misuse=d["has_substance_misuse"],
        intervention_offered=d["intervention_offered"],
        intervention_received=d["intervention_received"],
        sdq_score=d["sdq_score"],
        sdq_reason=d["sdq_reason"],
        user=user,
    )


def _match(care: Any, d: Data, user: Any) -> Any:
    return care_records.record_adoption_match(
        care,
        matched_on=d["matched_on"],
        is_adopted_by_foster_carers=d["is_adopted_by_foster_carers"],
        number_of_adopters=d["number_of_adopters"],
        adopters_sex=d["adopters_sex"],
        adopters_legal_status=d["adopters_legal_status"],
        user=user,
    )


def _cp_review(plan: Any, d: Data, user: Any) -> Any:
    return actions.record_cp_review(
        plan,
        held_on=d["held_on"],
        user=user,
        category=d["category"] or None,
        is_plan_continued=d["is_plan_continued"],
        end_reason=d["end_reason"],
    )


f = casework_forms
STEPS: list[Step] = [
    Step(
        "allocate",
        "Allocate the episode",
        f.AllocateForm,
        _open,
        lambda e, d, u: actions.allocate_episode(e, team=d["team"], worker=d["worker"], user=u),
        "Episode allocated.",
        policy=MANAGERS,
        initial=lambda e: {"team": e.team, "worker": e.allocated_worker},
    ),
    Step(
        "primary-need",
        "Record the primary need",
        f.PrimaryNeedForm,
        _open,
        lambda e, d, u: actions.record_primary_need(e, need=d["need"], user=u),
        "Primary need recorded.",
        initial=lambda e: {"need": e.primary_need},
    ),
    Step(
        "start-assessment",
        "Start a single assessment",
        f.StartAssessmentForm,
        _without_open_assessment,
        lambda e, d, u: actions.start_assessment(e, start_date=d["start_date"], user=u),
        "Assessment started.",
    ),
    Step(
        "child-seen",
        "Record that the child was seen",
        f.ChildSeenForm,
        _assessment,
        lambda a, d, u: actions.record_child_seen(
            a, seen_on=d["seen_on"], is_seen_alone=d["is_seen_alone"], user=u
        ),
        "Child seen recorded.",
    ),
    Step(
        "assessment-factors",
        "Record the factors identified at assessment",
        f.FactorsForm,
        _assessment,
        lambda a, d, u: actions.record_assessment_factors(a, factors=d["factors"], user=u),
        "Factors recorded.",
        initial=lambda e: {"factors": getattr(_assessment(e), "factors", [])},
    ),
    Step(
        "authorise-assessment",
        "Authorise the assessment",
        f.AuthoriseAssessmentForm,
        _assessment,
        lambda a, d, u: actions.authorise_assessment(
            a, authorised_on=d["authorised_on"], outcome=d["outcome"], user=u
        ),
        "Assessment authorised.",
        policy=MANAGERS,
    ),
    Step(
        "s47-outcome",
        "Record the outcome of the section 47 enquiry",
        f.S47OutcomeForm,
        _s47_without_outcome,
        lambda s, d, u: actions.record_s47_outcome(
            s,
            completed_on=d["completed_on"],
            is_substantiated=d["is_substantiated"],
            is_icpc_required=d["is_icpc_required"],
            user=u,
        ),
        "Section 47 outcome recorded.",
    ),
    Step(
        "initial-conference",
        "Record the initial child protection conference",
        f.InitialConferenceForm,
        _s47_awaiting_icpc,
        lambda s, d, u: actions.record_initial_conference(
            s, held_on=d["held_on"], is_plan_required=d["is_plan_required"], user=u
        ),
        "Initial conference recorded.",
    ),
    Step(
        "start-cp-plan",
        "Start a child protection plan",
        f.StartCPPlanForm,
        _plan_decided,
        lambda e, d, u: actions.start_cp_plan(
            e, start_date=d["start_date"], category=d["category"], user=u
        ),
        "Child protection plan started.",
    ),
    Step(
        "cp-review",
        "Record a child protection review conference",
        f.CPReviewForm,
        _cp_plan,
        _cp_review,
        "Review conference recorded.",
    ),
    Step(
        "core-group",
        "Record a core group meeting",
        f.HeldOnForm,
        _cp_plan,
        lambda p, d, u: actions.record_core_group_meeting(p, held_on=d["held_on"], user=u),
        "Core group meeting recorded.",
    ),
    Step(
        "statutory-visit",
        "Record a statutory visit",
        f.StatutoryVisitForm,
        _cp_plan,
        lambda p, d, u: actions.record_statutory_visit(
            p, visited_on=d["visited_on"], is_seen_alone=d["is_seen_alone"], user=u
        ),
        "Statutory visit recorded.",
    ),
    Step(
        "end-cp-plan",
        "End the child protection plan",
        f.EndCPPlanForm,
        _cp_plan,
        lambda p, d, u: actions.end_cp_plan(p, end_date=d["end_date"], reason=d["reason"], user=u),
        "Child protection plan ended.",
    ),
    Step(
        "start-cin-plan",
        "Start a child in need plan",
        f.StartDateForm,
        _without_cin_plan,
        lambda e, d, u: actions.start_cin_plan(e, start_date=d["start_date"], user=u),
        "Child in need plan started.",
    ),
    Step(
        "cin-plan-review",
        "Record a child in need plan review",
        f.HeldOnForm,
        _cin_plan,
        lambda p, d, u: actions.record_cin_plan_review(p, held_on=d["held_on"], user=u),
        "Child in need plan review recorded.",
    ),
    Step(
        "end-cin-plan",
        "End the child in need plan",
        f.EndCINPlanForm,
        _cin_plan,
        lambda p, d, u: actions.end_cin_plan(
            p,
            end_date=d["end_date"],
            user=u,
            to_early_help=d["to_early_help"],
            note=d["note"],
        ),
        "Child in need plan ended.",
    ),
    Step(
        "start-looked-after",
        "The child becomes looked after",
        f.StartLookedAfterForm,
        _not_looked_after,
        _start_care,
        "Looked-after episode started.",
    ),
    Step(
        "change-looked-after",
        "Change the legal status or placement",
        f.ChangeLookedAfterForm,
        _care,
        _change_care,
        "Legal status or placement changed.",
    ),
    Step(
        "end-looked-after",
        "The child ceases to be looked after",
        f.EndLookedAfterForm,
        _care,
        lambda c, d, u: actions.end_looked_after_episode(
            c, end_date=d["end_date"], reason=d["reason"], user=u
        ),
        "Looked-after episode ended.",
    ),
    Step(
        "care-review",
        "Record a looked-after review",
        care_forms.CareReviewForm,
        _care,
        lambda c, d, u: care_records.record_care_review(
            c, held_on=d["held_on"], participation=d["participation"], user=u
        ),
        "Looked-after review recorded.",
    ),
    Step(
        "health-check",
        "Record a health assessment or dental check",
        care_forms.HealthCheckForm,
        _care,
        lambda c, d, u: care_records.record_health_check(
            c, kind=d["kind"], done_on=d["done_on"], user=u
        ),
        "Check recorded.",
    ),
    Step(
        "care-outcomes",
        "Record the year's outcomes (OC2)",
        care_forms.CareOutcomesForm,
        _care,
        _outcomes,
        "Outcomes recorded.",
    ),
    Step(
        "uasc",
        "Record unaccompanied asylum-seeking child status",
        care_forms.UascForm,
        _care,
        lambda c, d, u: care_records.record_uasc_status(c, ceased_on=d["ceased_on"], user=u),
        "Status recorded.",
    ),
    Step(
        "previous-permanence",
        "Record previous permanence",
        care_forms.PreviousPermanenceForm,
        _care,
        lambda c, d, u: care_records.record_previous_permanence(
            c, kind=d["kind"], la_code=d["la_code"], order_date=d["order_date"], user=u
        ),
        "Previous permanence recorded.",
    ),
    Step(
        "adoption-decision",
        "Record the decision to place for adoption",
        care_forms.AdoptionDecisionForm,
        _care,
        lambda c, d, u: care_records.record_adoption_decision(
            c, decided_on=d["decided_on"], user=u
        ),
        "Decision recorded.",
        policy=MANAGERS,
    ),
    Step(
        "adoption-match",
        "Record the match with adopters",
        care_forms.AdoptionMatchForm,
        _care_with_adoption_plan,
        _match,
        "Match recorded.",
    ),
    Step(
        "cease-adoption-plan",
        "The child is no longer to be placed for adoption",
        care_forms.CeaseAdoptionPlanForm,
        _care_with_adoption_plan,
        lambda c, d, u: care_records.cease_adoption_plan(
            c, ceased_on=d["ceased_on"], reason=d["reason"], user=u
        ),
        "Decision recorded.",
        policy=MANAGERS,
    ),
    Step(
        "care-leaver-contact",
        "Record a care leaver's birthday information (OC3)",
        care_forms.CareLeaverContactForm,
        _care_left,
        lambda c, d, u: care_records.record_care_leaver_contact(
            c,
            birthday=d["birthday"],
            in_touch=d["in_touch"],
            activity=d["activity"],
            accommodation=d["accommodation"],
            user=u,
        ),
        "Care leaver information recorded.",
    ),
    Step(
        "close-episode",
        "Close the episode",
        f.CloseEpisodeForm,
        _open,
        lambda e, d, u: actions.close_cin_episode(
            e, closure_date=d["closure_date"], reason=d["reason"], user=u, note=d["note"]
        ),
        "Episode closed.",
    ),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}

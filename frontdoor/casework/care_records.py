"""Actions for what the SSDA903 return needs about a looked-after child beyond the episodes
of care: statutory reviews, health and dental checks, the year's outcomes (OC2), UASC status,
adoption steps, previous permanence and care leavers' contacts at birthdays (OC3).
Each action is one transaction, writes its audit row and puts the event on the chronology.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.casework.care_codes import (
    Accommodation,
    Activity,
    AdoptersLegalStatus,
    AdoptersSex,
    HealthCheckKind,
    InTouch,
    PlacedCeasedReason,
    PreviousPermanenceKind,
    ReviewParticipation,
    SDQReason,
)
from frontdoor.casework.models import (
    AdoptionPlan,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    HealthCheck,
    LookedAfterEpisode,
    PreviousPermanence,
    UascStatus,
)
from frontdoor.casework.rules import actor, check_choice, locked, log
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.people.models import Person

# The ages whose birthdays the OC3 table asks about (care leavers aged 17 to 21).
CARE_LEAVER_AGES = range(17, 22)


def period_start(care: LookedAfterEpisode) -> LookedAfterEpisode:
    """The episode that started the period of care `care` belongs to."""
    earlier = LookedAfterEpisode.objects.filter(
        episode__person_id=care.episode.person_id, start_date__lte=care.start_date
    ).order_by("-start_date", "-pk")
    for candidate in earlier:
        if candidate.is_new_period:
            return candidate
    return care


def _check_looked_after_on(person: Person, day: dt.date, what: str, field: str) -> None:
    """`day` falls in one of the child's episodes of care (the day care ended counts)."""
    spells = LookedAfterEpisode.objects.filter(episode__person=person, start_date__lte=day)
    if not any(c.end_date is None or c.end_date >= day for c in spells):
        raise ActionError(
            f"{what} must be while the child was looked after: they were not on {govuk_date(day)}.",
            field=field,
        )


def _check_not_future(day: dt.date, what: str, field: str) -> None:
    if day > timezone.localdate():
        raise ActionError(f"{what} cannot be in the future.", field=field)


def record_care_review(
    care: LookedAfterEpisode,
    *,
    held_on: dt.date,
    participation: str,
    user: Any,
    at: dt.datetime | None = None,
) -> CareReview:
    """A statutory review of the child's care plan (SSDA903 Reviews)."""
    check_choice(
        participation,
        ReviewParticipation,
        "Choose how the child took part in the review (PN0 to PN7).",
        "participation",
    )
    with transaction.atomic():
        episode = locked(care.episode)
        person = episode.person
        _check_not_future(held_on, "The review", "held_on")
        _check_looked_after_on(person, held_on, "The review", "held_on")
        review = CareReview.objects.create(
            person=person,
            held_on=held_on,
            participation=participation,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            review,
            episode,
            Kind.PLAN,
            f"Looked-after review held ({participation})",
            held_on,
            created=True,
            at=at,
        )
    return review


def record_health_check(
    care: LookedAfterEpisode,
    *,
    kind: str,
    done_on: dt.date,
    user: Any,
    at: dt.datetime | None = None,
) -> HealthCheck:
    """A looked-after child's health assessment or dental check."""
    check_choice(kind, HealthCheckKind, "Choose a health assessment or a dental check.", "kind")
    with transaction.atomic():
        episode = locked(care.episode)
        _check_not_future(done_on, "The check", "done_on")
        _check_looked_after_on(episode.person, done_on, "The check", "done_on")
        check = HealthCheck.objects.create(
            person=episode.person,
            kind=kind,
            done_on=done_on,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            check,
            episode,
            Kind.RECORD,
            f"{HealthCheckKind(kind).label} done",
            done_on,
            created=True,
            at=at,
        )
    return check


def record_care_outcomes(
    care: LookedAfterEpisode,
    *,
    year_ending: dt.date,
    is_immunisations_up_to_date: bool,
    user: Any,
    is_convicted: bool = False,
    has_substance_misuse: bool = False,
    intervention_received: bool | None = None,
    intervention_offered: bool | None = None,
    sdq_score: int | None = None,
    sdq_reason: str = "",
    at: dt.datetime | None = None,
) -> CareOutcomes:
    """The year's outcomes (OC2) as at a 31 March; recording them again replaces them."""
    if (year_ending.month, year_ending.day) != (3, 31):
        raise ActionError("Outcomes are for the year ending on a 31 March.", field="year_ending")
    if sdq_score is not None and not 0 <= sdq_score <= 40:
        raise ActionError("The SDQ score is a number from 0 to 40.", field="sdq_score")
    if sdq_score is None and not sdq_reason:
        raise ActionError(
            "Give the SDQ score, or the reason there is none (SDQ1 to SDQ5).", field="sdq_score"
        )
    if sdq_reason:
        check_choice(sdq_reason, SDQReason, "Choose why there is no SDQ score.", "sdq_reason")
        if sdq_score is not None:
            raise ActionError(
                "Give either the SDQ score or the reason there is none, not both.",
                field="sdq_reason",
            )
    if has_substance_misuse and intervention_offered is None:
        raise ActionError(
            "Say whether an intervention for substance misuse was offered.",
            field="intervention_offered",
        )
    with transaction.atomic():
        episode = locked(care.episode)
        _check_looked_after_on(episode.person, year_ending, "The outcomes", "year_ending")
        values = {
            "is_immunisations_up_to_date": is_immunisations_up_to_date,
            "is_convicted": is_convicted,
            "has_substance_misuse": has_substance_misuse,
            "intervention_received": intervention_received if has_substance_misuse else None,
            "intervention_offered": intervention_offered if has_substance_misuse else None,
            "sdq_score": sdq_score,
            "sdq_reason": sdq_reason,
            "recorded_by": actor(user),
            "created_at": timezone.now(),
        }
        outcomes, created = CareOutcomes.objects.update_or_create(
            person=episode.person, year_ending=year_ending, defaults=values
        )
        log(
            user,
            outcomes,
            episode,
            Kind.RECORD,
            f"Outcomes for the year to {govuk_date(year_ending)} recorded",
            year_ending,
            created=created,
            at=at,
        )
    return outcomes


def record_uasc_status(
    care: LookedAfterEpisode, *, ceased_on: dt.date, user: Any, at: dt.datetime | None = None
) -> UascStatus:
    """The child is an unaccompanied asylum-seeking child until `ceased_on` (usually 18)."""
    with transaction.atomic():
        episode = locked(care.episode)
        born = episode.person.date_of_birth
        if born is not None and ceased_on < born:
            raise ActionError(
                "The status cannot cease before the child was born.", field="ceased_on"
            )
        status, created = UascStatus.objects.update_or_create(
            person=episode.person,
            defaults={
                "ceased_on": ceased_on,
                "recorded_by": actor(user),
                "created_at": timezone.now(),
            },
        )
        log(
            user,
            status,
            episode,
            Kind.RECORD,
            f"Unaccompanied asylum-seeking child until {govuk_date(ceased_on)}",
            care.start_date,
            created=created,
            at=at,
        )
    return status


def record_adoption_decision(
    care: LookedAfterEpisode, *, decided_on: dt.date, user: Any, at: dt.datetime | None = None
) -> AdoptionPlan:
    """The decision that the child should be placed for adoption."""
    with transaction.atomic():
        episode = locked(care.episode)
        person = episode.person
        if AdoptionPlan.objects.filter(person=person, ceased_on__isnull=True).exists():
            raise ActionError(f"{person.full_name} already has a plan to be placed for adoption.")
        _check_not_future(decided_on, "The decision", "decided_on")
        _check_looked_after_on(person, decided_on, "The decision", "decided_on")
        plan = AdoptionPlan.objects.create(
            person=person,
            decided_on=decided_on,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            plan,
            episode,
            Kind.PLAN,
            "Decision: the child should be placed for adoption",
            decided_on,
            created=True,
            at=at,
        )
    return plan


def _active_plan(person: Person) -> AdoptionPlan:
    plan = AdoptionPlan.objects.select_for_update().filter(person=person, ceased_on__isnull=True)
    found = plan.first()
    if found is None:
        raise ActionError("There is no plan for the child to be placed for adoption.")
    return found


def record_adoption_match(
    care: LookedAfterEpisode,
    *,
    matched_on: dt.date,
    is_adopted_by_foster_carers: bool,
    number_of_adopters: int,
    adopters_sex: str,
    adopters_legal_status: str,
    user: Any,
    at: dt.datetime | None = None,
) -> AdoptionPlan:
    """The child is matched with their adopters (AD1)."""
    check_choice(adopters_sex, AdoptersSex, "Choose the sex of the adopters.", "adopters_sex")
    check_choice(
        adopters_legal_status,
        AdoptersLegalStatus,
        "Choose the legal status of the adopters.",
        "adopters_legal_status",
    )
    if number_of_adopters not in (1, 2):
        raise ActionError("A child is adopted by one adopter or two.", field="number_of_adopters")
    if (number_of_adopters == 1) != (adopters_sex in ("M1", "F1")):
        raise ActionError(
            "The sex of the adopters must match how many there are.", field="adopters_sex"
        )
    if (number_of_adopters == 1) != (adopters_legal_status == "L0"):
        raise ActionError(
            "A single adopter is L0; a couple is L11, L12, L2 or L3.",
            field="adopters_legal_status",
        )
    with transaction.atomic():
        episode = locked(care.episode)
        plan = _active_plan(episode.person)
        if matched_on < plan.decided_on:
            raise ActionError(
                f"The match cannot be before the decision on {govuk_date(plan.decided_on)}.",
                field="matched_on",
            )
        _check_not_future(matched_on, "The match", "matched_on")
        plan.matched_on = matched_on
        plan.is_adopted_by_foster_carers = is_adopted_by_foster_carers
        plan.number_of_adopters = number_of_adopters
        plan.adopters_sex = adopters_sex
        plan.adopters_legal_status = adopters_legal_status
        plan.save()
        log(user, plan, episode, Kind.PLAN, "Matched with adopters", matched_on, at=at)
    return plan


def cease_adoption_plan(
    care: LookedAfterEpisode,
    *,
    ceased_on: dt.date,
    reason: str,
    user: Any,
    at: dt.datetime | None = None,
) -> AdoptionPlan:
    """The decision that the child should be placed for adoption is reversed."""
    check_choice(reason, PlacedCeasedReason, "Choose why the plan ended (RD1 to RD4).", "reason")
    with transaction.atomic():
        episode = locked(care.episode)
        plan = _active_plan(episode.person)
        if ceased_on < plan.decided_on:
            raise ActionError(
                f"The plan cannot end before the decision on {govuk_date(plan.decided_on)}.",
                field="ceased_on",
            )
        _check_not_future(ceased_on, "The end of the plan", "ceased_on")
        plan.ceased_on, plan.ceased_reason = ceased_on, reason
        plan.save(update_fields=["ceased_on", "ceased_reason"])
        log(
            user,
            plan,
            episode,
            Kind.PLAN,
            f"No longer to be placed for adoption: {PlacedCeasedReason(reason).label}",
            ceased_on,
            at=at,
        )
    return plan


def record_previous_permanence(
    care: LookedAfterEpisode,
    *,
    kind: str,
    user: Any,
    la_code: str = "",
    order_date: dt.date | None = None,
    at: dt.datetime | None = None,
) -> PreviousPermanence:
    """Before this period of care, was the child adopted, or under a special guardianship
    or child arrangements order? Recorded on the episode that started the period."""
    check_choice(
        kind, PreviousPermanenceKind, "Choose the previous permanence option, or none.", "kind"
    )
    la_code = la_code.strip()
    if kind == PreviousPermanenceKind.Z1 and (la_code or order_date):
        raise ActionError(
            "With no previous permanence, leave the council and the date empty.", field="la_code"
        )
    if la_code and not (la_code.isdigit() and len(la_code) == 3):
        raise ActionError("The council's code is 3 digits, for example 802.", field="la_code")
    with transaction.atomic():
        episode = locked(care.episode)
        first = period_start(care)
        if order_date is not None and order_date > first.start_date:
            raise ActionError(
                "The order must be before the child became looked after on "
                f"{govuk_date(first.start_date)}.",
                field="order_date",
            )
        permanence, created = PreviousPermanence.objects.update_or_create(
            looked_after_episode=first,
            defaults={
                "kind": kind,
                "la_code": la_code,
                "order_date": order_date,
                "recorded_by": actor(user),
                "created_at": timezone.now(),
            },
        )
        log(
            user,
            permanence,
            episode,
            Kind.RECORD,
            f"Previous permanence: {PreviousPermanenceKind(kind).label}",
            first.start_date,
            created=created,
            at=at,
        )
    return permanence


def record_care_leaver_contact(
    care: LookedAfterEpisode,
    *,
    birthday: dt.date,
    in_touch: str,
    user: Any,
    activity: str = "",
    accommodation: str = "",
    at: dt.datetime | None = None,
) -> CareLeaverContact:
    """A care leaver's accommodation and activity around their 17th to 21st birthdays (OC3);
    recording the same birthday again replaces it."""
    check_choice(in_touch, InTouch, "Choose whether the council is in touch.", "in_touch")
    if in_touch == InTouch.YES and not (activity and accommodation):
        raise ActionError(
            "When in touch, give the young person's activity and accommodation.",
            field="activity" if not activity else "accommodation",
        )
    if in_touch == InTouch.DIED and (activity or accommodation):
        raise ActionError(
            "A young person who has died has no activity or accommodation.", field="activity"
        )
    if activity:
        check_choice(activity, Activity, "Choose the young person's activity.", "activity")
    if accommodation:
        check_choice(accommodation, Accommodation, "Choose the accommodation.", "accommodation")
    with transaction.atomic():
        episode = locked(care.episode)
        person = episode.person
        born = person.date_of_birth
        age = birthday.year - born.year if born else None
        if born is None or (birthday.month, birthday.day) != (born.month, born.day):
            raise ActionError("Give the date of one of the young person's birthdays.", "birthday")
        if age not in CARE_LEAVER_AGES:
            raise ActionError(
                "Care leavers are asked about their 17th to 21st birthdays.", field="birthday"
            )
        if birthday < care.start_date:
            raise ActionError(
                "The birthday cannot be before the young person was looked after.",
                field="birthday",
            )
        contact, created = CareLeaverContact.objects.update_or_create(
            person=person,
            birthday=birthday,
            defaults={
                "in_touch": in_touch,
                "activity": activity,
                "accommodation": accommodation,
                "recorded_by": actor(user),
                "created_at": timezone.now(),
            },
        )
        log(
            user,
            contact,
            episode,
            Kind.RECORD,
            f"Care leaver at {age}: {InTouch(in_touch).label}",
            birthday,
            created=created,
            at=at,
        )
    return contact

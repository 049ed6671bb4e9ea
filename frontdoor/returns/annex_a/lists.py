"""Annex A Lists 1 to 5: contacts, early help, referrals, assessments, section 47 enquiries.

Definitions and conventions are in the package docstring (`frontdoor.returns.annex_a`).
"""

from typing import Any

from django.db.models import Count, Q

from frontdoor.casework.codes import NEEDS_SOCIAL_CARE
from frontdoor.casework.models import Assessment, CINEpisode, InitialConference, S47Enquiry
from frontdoor.contacts.models import ContactSubject
from frontdoor.earlyhelp.models import ChildView, FamilyAssessment, Member
from frontdoor.returns.annex_a import codes
from frontdoor.returns.annex_a.columns import (
    allocation,
    child_age,
    child_and_disability,
    child_cells,
    label,
    person_values,
    sort_key,
    worker_values,
)
from frontdoor.returns.annex_a.window import Window


def list_1(window: Window) -> list[list[Any]]:
    """Contacts received in the 6 months: one row per child per contact."""
    subjects = (
        ContactSubject.objects.children()
        .received_between(window.start6, window.as_of)
        .order_by("contact__received_at", "contact_id", "id")
        .values(
            "contact_id",
            "contact__reference",
            "contact__received_date",
            "contact__source",
            "person_id",
            "sex",
            "date_of_birth",
            "expected_date_of_birth",
            *person_values("person__"),
        )
    )
    rows = []
    place: dict[int, int] = {}
    for subject in subjects:
        place[subject["contact_id"]] = place.get(subject["contact_id"], 0) + 1
        if subject["person_id"] is not None:
            child = child_cells(subject, "person__", window.as_of)
        else:  # not yet linked to the person index: as the referrer described the child
            born = subject["date_of_birth"]
            unborn = born is None and subject["expected_date_of_birth"] is not None
            child = [
                f"{subject['contact__reference']}-{place[subject['contact_id']]}",
                codes.GENDER.get(subject["sex"], codes.NOT_STATED),
                codes.ETHNICITY["NOBT"],
                born,
                child_age(born, "unborn" if unborn else "child", window.as_of),
            ]
        source = label(codes.REFERRAL_SOURCE, subject["contact__source"])
        rows.append([*child, subject["contact__received_date"], source])
    return rows


def list_2(window: Window) -> list[list[Any]]:
    """Early help: one row per child per Family Strengths and Needs assessment completed in
    the 6 months or in progress on the as-of date; then each child in LA-coordinated early
    help on the as-of date with no such assessment (their latest earlier assessment's dates,
    or blank)."""
    rows: list[list[Any]] = []
    listed: set[int] = set()
    assessments = FamilyAssessment.objects.filter(started_on__lte=window.as_of).filter(
        Q(completed_on__gte=window.start6)
        | Q(completed_on__isnull=True)
        | Q(completed_on__gt=window.as_of)
    )
    assessed = ChildView.objects.filter(
        assessment__in=assessments.filter(completed_on__lte=window.as_of)
    ).values("assessment_id", *person_values("person__"))
    in_progress = (
        Member.objects.open_on(window.as_of)
        .filter(episode__assessments__in=assessments.exclude(completed_on__lte=window.as_of))
        .values("episode__assessments", *person_values("person__"))
    )
    found = {a.pk: a for a in assessments}
    for row in [
        *assessed,
        *[{**r, "assessment_id": r["episode__assessments"]} for r in in_progress],
    ]:
        assessment = found[row["assessment_id"]]
        listed.add(row["person__id"])
        rows.append(_early_help_row(row, assessment, window))
    current = Member.objects.open_on(window.as_of).exclude(person_id__in=listed)
    for row in current.values("episode_id", *person_values("person__")):
        earlier = (
            FamilyAssessment.objects.filter(
                episode_id=row["episode_id"], started_on__lte=window.as_of
            )
            .order_by("-started_on")
            .first()
        )
        rows.append(_early_help_row(row, earlier, window))
    return sorted(rows, key=lambda row: sort_key(row, 5))


def _early_help_row(row: dict[str, Any], assessment: Any, window: Window) -> list[Any]:
    return [
        *child_cells(row, "person__", window.as_of),
        assessment.started_on if assessment else None,
        window.upto(assessment.completed_on) if assessment else None,
        (assessment.organisation if window.upto(assessment.completed_on) else "")
        if assessment
        else "",
    ]


def _count_by_person(queryset: Any, person_field: str) -> dict[int, int]:
    counted = queryset.values(person_field).annotate(n=Count("id")).order_by()
    return {row[person_field]: row["n"] for row in counted}


def list_3(window: Window) -> list[list[Any]]:
    """Referrals (CIN episodes opened) in the 6 months."""
    episodes = CINEpisode.objects.referred_between(window.start6, window.as_of)
    in_12_months = _count_by_person(
        CINEpisode.objects.referred_between(window.start12, window.as_of).filter(
            person_id__in=episodes.values("person_id")
        ),
        "person_id",
    )
    rows = []
    for episode in episodes.values(
        "referral_date",
        "referral_source",
        "referral_nfa",
        "closure_date",
        *person_values("person__"),
        *worker_values(""),
    ):
        is_nfa = episode["referral_nfa"] and window.upto(episode["closure_date"]) is not None
        rows.append(
            [
                *child_cells(episode, "person__", window.as_of),
                episode["referral_date"],
                label(codes.REFERRAL_SOURCE, episode["referral_source"]),
                codes.yes_no(is_nfa),
                in_12_months.get(episode["person__id"], 0),
                *allocation(episode, ""),
            ]
        )
    return sorted(rows, key=lambda row: sort_key(row, 5))


def list_4(window: Window) -> list[list[Any]]:
    """Assessments open at any time in the 6 months (started before its end, not
    authorised before its start)."""
    assessments = Assessment.objects.active_between(window.start6, window.as_of)
    rows = []
    for assessment in assessments.values(
        "start_date",
        "child_seen_on",
        "authorised_on",
        "outcome",
        *person_values("episode__person__"),
        *worker_values("episode__"),
    ):
        authorised = window.upto(assessment["authorised_on"])
        needs_support = (assessment["outcome"] in NEEDS_SOCIAL_CARE) if authorised else None
        rows.append(
            [
                *child_and_disability(assessment, "episode__person__", window.as_of),
                assessment["start_date"],
                codes.yes_no(window.upto(assessment["child_seen_on"]) is not None),
                authorised,
                codes.yes_no(needs_support),
                *allocation(assessment, "episode__"),
            ]
        )
    return sorted(rows, key=lambda row: sort_key(row, 6))


def _icpc_unnecessary(enquiry: dict[str, Any], window: Window) -> bool | None:
    if window.upto(enquiry["initial_conference__held_on"]) is not None:
        return False
    if window.upto(enquiry["outcome_recorded_on"]) is None:
        return None  # still in progress on the as-of date
    return enquiry["is_icpc_required"] is False


def list_5(window: Window) -> list[list[Any]]:
    """Section 47 enquiries started in the 6 months, or still open at its start."""
    still_open_at_start = ~Q(outcome_recorded_on__lt=window.start6) & ~Q(
        initial_conference__held_on__lt=window.start6
    )
    enquiries = S47Enquiry.objects.filter(start_date__lte=window.as_of).filter(
        Q(start_date__gte=window.start6) | still_open_at_start
    )
    people = enquiries.values("person_id")
    s47s = _count_by_person(
        S47Enquiry.objects.started_between(window.start12, window.as_of).filter(
            person_id__in=people
        ),
        "person_id",
    )
    icpcs = _count_by_person(
        InitialConference.objects.held_between(window.start12, window.as_of).filter(
            episode__person_id__in=people
        ),
        "episode__person_id",
    )
    rows = []
    for enquiry in enquiries.values(
        "start_date",
        "outcome_recorded_on",
        "is_icpc_required",
        "initial_conference__held_on",
        "initial_conference__is_plan_required",
        *person_values("person__"),
        *worker_values("episode__"),
    ):
        held = window.upto(enquiry["initial_conference__held_on"])
        person = enquiry["person__id"]
        rows.append(
            [
                *child_and_disability(enquiry, "person__", window.as_of),
                enquiry["start_date"],
                codes.yes_no(_icpc_unnecessary(enquiry, window)),
                held,
                codes.yes_no(enquiry["initial_conference__is_plan_required"] if held else None),
                s47s.get(person, 0),
                icpcs.get(person, 0),
                *allocation(enquiry, "episode__"),
            ]
        )
    return sorted(rows, key=lambda row: sort_key(row, 6))

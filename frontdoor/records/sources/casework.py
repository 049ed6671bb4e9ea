"""Casework: CIN episodes, assessments, section 47 enquiries, conferences, plans, care,
Signs of Safety maps."""

from typing import Any

from frontdoor.casework.models import (
    AdoptionPlan,
    Assessment,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    CINEpisode,
    CINPlan,
    CPPlan,
    CPReview,
    HealthCheck,
    InitialConference,
    LookedAfterEpisode,
    PreviousPermanence,
    S47Enquiry,
    SafetyMap,
    UascStatus,
)
from frontdoor.lib.personal_data import Source
from frontdoor.records.rendering import rows_source

CARE_RECORDS: list[tuple[str, str, Any, str, str, str | None]] = [
    ("care-reviews", "Looked-after reviews", CareReview, "person_id", "held_on", "held_on"),
    ("health-checks", "Health and dental checks", HealthCheck, "person_id", "done_on", "done_on"),
    ("care-outcomes", "Outcomes (OC2)", CareOutcomes, "person_id", "year_ending", "year_ending"),
    ("uasc", "Unaccompanied asylum-seeking status", UascStatus, "person_id", "ceased_on", None),
    ("adoption-plans", "Adoption plans", AdoptionPlan, "person_id", "decided_on", "decided_on"),
    (
        "previous-permanence",
        "Previous permanence",
        PreviousPermanence,
        "looked_after_episode__episode__person_id",
        "created_at",
        None,
    ),
    (
        "care-leaver",
        "Care leaver information (OC3)",
        CareLeaverContact,
        "person_id",
        "birthday",
        "birthday",
    ),
]


def _care_record(
    key: str, label: str, model: Any, person: str, order: str, when: str | None
) -> Source:
    def rows(ids: set[int]) -> Any:
        return model.objects.filter(**{f"{person}__in": ids}).order_by(order, "pk")

    def title(row: Any) -> str:
        return label

    return rows_source(key, label, 49, rows, title, when=when)


SOURCES: list[Source] = [
    rows_source(
        "cin-episodes",
        "Children in need episodes",
        40,
        lambda ids: CINEpisode.objects.filter(person_id__in=ids).order_by("referral_date", "pk"),
        lambda e: "Child in need episode",
        when="referral_date",
        skip={"contact"},
    ),
    rows_source(
        "assessments",
        "Assessments",
        41,
        lambda ids: Assessment.objects.filter(episode__person_id__in=ids).order_by(
            "start_date", "pk"
        ),
        lambda a: "Assessment",
        when="start_date",
    ),
    rows_source(
        "s47",
        "Section 47 enquiries",
        42,
        lambda ids: S47Enquiry.objects.filter(person_id__in=ids).order_by("start_date", "pk"),
        lambda s: "Section 47 enquiry",
        when="start_date",
    ),
    rows_source(
        "conferences",
        "Child protection conferences",
        43,
        lambda ids: InitialConference.objects.filter(episode__person_id__in=ids).order_by(
            "held_on", "pk"
        ),
        lambda c: "Initial child protection conference",
        when="held_on",
    ),
    rows_source(
        "cp-plans",
        "Child protection plans",
        44,
        lambda ids: CPPlan.objects.filter(episode__person_id__in=ids).order_by("start_date", "pk"),
        lambda p: "Child protection plan",
        when="start_date",
    ),
    rows_source(
        "cp-reviews",
        "Child protection reviews",
        45,
        lambda ids: CPReview.objects.filter(plan__episode__person_id__in=ids).order_by(
            "held_on", "pk"
        ),
        lambda r: "Child protection review conference",
        when="held_on",
    ),
    rows_source(
        "cin-plans",
        "Child in need plans",
        46,
        lambda ids: CINPlan.objects.filter(episode__person_id__in=ids).order_by("start_date", "pk"),
        lambda p: "Child in need plan",
        when="start_date",
    ),
    rows_source(
        "looked-after",
        "Looked-after episodes",
        47,
        lambda ids: LookedAfterEpisode.objects.filter(episode__person_id__in=ids).order_by(
            "start_date", "pk"
        ),
        lambda e: "Looked-after episode",
        when="start_date",
    ),
    rows_source(
        "safety-maps",
        "Signs of Safety maps",
        48,
        lambda ids: SafetyMap.objects.filter(episode__person_id__in=ids).order_by(
            "mapped_on", "pk"
        ),
        lambda m: "Signs of Safety map",
        when="mapped_on",
    ),
    # The looked-after record SSDA903 needs (casework care_records).
    *[
        _care_record(key, label, model, person, order, when)
        for key, label, model, person, order, when in CARE_RECORDS
    ],
]

"""Casework: CIN episodes, assessments, section 47 enquiries, conferences, plans, care,
Signs of Safety maps."""

from frontdoor.casework.models import (
    Assessment,
    CINEpisode,
    CINPlan,
    CPPlan,
    CPReview,
    InitialConference,
    LookedAfterEpisode,
    S47Enquiry,
    SafetyMap,
)
from frontdoor.lib.personal_data import Source
from frontdoor.records.rendering import rows_source

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
]

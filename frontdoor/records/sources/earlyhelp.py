"""Early help (family wellbeing): the family's episodes, assessments, the child's own views,
the team around the family's meetings and plan, step decisions."""

from django.db.models import QuerySet

from frontdoor.earlyhelp.assessment_models import ChildView, FamilyAssessment
from frontdoor.earlyhelp.models import Episode, StepDecision
from frontdoor.earlyhelp.taf_models import PlanOutcome, TafMeeting
from frontdoor.lib.personal_data import Source
from frontdoor.records.rendering import rows_source


def episodes_of(ids: set[int]) -> QuerySet[Episode]:
    return Episode.objects.filter(members__person_id__in=ids).distinct()


SOURCES: list[Source] = [
    rows_source(
        "early-help",
        "Early help",
        50,
        lambda ids: episodes_of(ids).order_by("start_date", "pk"),
        lambda e: "Early help episode",
        when="start_date",
    ),
    rows_source(
        "family-assessments",
        "Family assessments",
        51,
        lambda ids: FamilyAssessment.objects.filter(episode__in=episodes_of(ids)).order_by("pk"),
        lambda a: "Family Strengths and Needs assessment",
        when="started_on",
    ),
    rows_source(
        "child-views",
        "The child's views",
        52,
        lambda ids: ChildView.objects.filter(person_id__in=ids).order_by("pk"),
        lambda v: "The child's views in a family assessment",
        when="assessment__started_on",
    ),
    rows_source(
        "taf-meetings",
        "Team around the family meetings",
        53,
        lambda ids: TafMeeting.objects.filter(episode__in=episodes_of(ids)).order_by(
            "held_on", "pk"
        ),
        lambda m: "Team around the family meeting",
        when="held_on",
    ),
    rows_source(
        "family-plan",
        "The family plan",
        54,
        lambda ids: PlanOutcome.objects.filter(episode__in=episodes_of(ids)).order_by("pk"),
        lambda o: "Family plan outcome",
        when="added_on",
        third_parties=lambda o: [o.owner],
    ),
    rows_source(
        "steps",
        "Steps up and down",
        55,
        lambda ids: StepDecision.objects.filter(children__in=ids).distinct().order_by("pk"),
        lambda s: "Step up or down",
        when="requested_at",
    ),
]

"""MASH enquiries on the person's contacts: the agencies' answers, information sharing,
strategy discussions."""

from frontdoor.lib.personal_data import Source
from frontdoor.mash.models import CheckAnswer, InformationSharingDecision
from frontdoor.mash.strategy_models import StrategyAction, StrategyDiscussion
from frontdoor.records.rendering import rows_source
from frontdoor.records.sources.contacts import contacts_about

SOURCES: list[Source] = [
    rows_source(
        "mash-answers",
        "MASH checks: what partner agencies said",
        30,
        lambda ids: (
            CheckAnswer.objects.filter(check_request__enquiry__contact__in=contacts_about(ids))
            .select_related("check_request__agency", "answered_by")
            .order_by("answered_at", "pk")
        ),
        lambda a: f"MASH check answered by {a.check_request.agency.name}",
        when="answered_at",
        third_parties=lambda a: [a.answered_by_name],
        partner_fields=["what_is_known"],
        skip={"check_request"},
    ),
    rows_source(
        "mash-sharing",
        "Information sharing decisions",
        31,
        lambda ids: InformationSharingDecision.objects.filter(
            enquiry__contact__in=contacts_about(ids)
        ).order_by("pk"),
        lambda d: "Information sharing decision",
        when="decided_at",
    ),
    rows_source(
        "strategy",
        "Strategy discussions",
        32,
        lambda ids: StrategyDiscussion.objects.filter(contact__in=contacts_about(ids)).order_by(
            "held_at", "pk"
        ),
        lambda d: "Strategy discussion",
        when="held_at",
        third_parties=lambda d: [d.chair_name, d.social_care_attendee_name],
    ),
    rows_source(
        "strategy-actions",
        "Strategy discussion actions",
        33,
        lambda ids: StrategyAction.objects.filter(
            discussion__contact__in=contacts_about(ids)
        ).order_by("pk"),
        lambda a: "Action from a strategy discussion",
        when="due_date",
        third_parties=lambda a: [a.owner_name],
    ),
]

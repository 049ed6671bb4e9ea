"""Destroying a person's record at the end of its retention period (ADR 0016).

One transaction: every step below runs inside it, so a failure anywhere leaves every table
as it was. What goes:

- everything that describes the person: contacts about them alone (with their decisions,
  MASH enquiries, agency answers and strategy discussions), early help worked with them
  alone, return home interviews, screening, the network, meeting notes, Signs of Safety maps, the
  chronology, other names, addresses, relationships, duplicate-review pairs, matching
  candidates, merges, break-glass openings, subject access requests, legal holds;
- from what is shared with other children (a contact or an early help episode about
  siblings too): the person's own rows, and their name wherever the text says it;
- the personal detail of access-log entries about them (the one exception to ADR 0002);
- their name and identifiers wherever any other row's text still holds them.

What stays: the person row emptied of name, date of birth and every identifier (search
keys too), keeping sex, ethnicity and disability codes; and their casework's dates and DfE
codes (CIN episodes, assessments, section 47 enquiries, conferences, plans, reviews,
looked-after episodes), so past statutory returns count the same. A `Destruction` row says
what was destroyed under which rule and how many rows went, and names no one.
"""

import datetime as dt
import re
from collections import Counter
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.db.models.deletion import ProtectedError, RestrictedError
from django.db.models.functions import Cast
from django.utils import timezone

from frontdoor.audit.log import record_event
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode, LookedAfterEpisode, S47Enquiry
from frontdoor.casework.safety_models import SafetyMap, ScalingScore
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.models import (
    Contact,
    ContactSubject,
    Decision,
    HandoverItem,
    SubjectCandidate,
)
from frontdoor.earlyhelp.assessment_models import AssessmentNeed, ChildView, FamilyAssessment
from frontdoor.earlyhelp.models import Episode, Member, StepDecision
from frontdoor.earlyhelp.taf_models import AchievedHeading, PlanOutcome, TafMeeting, TafMember
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.mash.models import MashEnquiry
from frontdoor.mash.strategy_models import StrategyDiscussion
from frontdoor.outside.meeting_models import MeetingNote
from frontdoor.outside.models import EpisodeKey, MissingEpisode, ReturnInterview, SharingDecision
from frontdoor.outside.network_models import ContextReferral, NetworkLink
from frontdoor.outside.screening_models import Screening
from frontdoor.people.models import (
    Alias,
    BreakGlass,
    DuplicatePair,
    Household,
    Merge,
    Person,
    Relationship,
    Residence,
)
from frontdoor.records.described import apps_with_sources
from frontdoor.records.gathering import record_ids
from frontdoor.records.models import (
    DestroyedRecord,
    Destruction,
    DestructionApproval,
    LegalHold,
    SubjectAccessRequest,
)
from frontdoor.records.registry import app_destroyers
from frontdoor.records.retention import review_for
from frontdoor.records.sources.linked import rows_linked

REMOVED = "[removed]"
CHILD_ROLES = ("child", "unborn")
BLANK_PERSON = {
    "given_name": "",
    "family_name": "",
    "date_of_birth": None,
    "expected_date_of_birth": None,
    "nhs_number": "",
    "upn": "",
    "la_child_id": "",
    "search_family_name": "",
    "search_given_name": "",
    "family_name_phonetic": "",
    "family_name_last_phonetic": "",
    "restricted_to_team": None,
}

# A missing episode keeps its dates, kind and whether a return interview was offered and
# accepted (the SSDA903 missing table); what happened, and where, goes.
BLANK_MISSING = {"police_reference": "", "circumstances": "", "where_found": "", "found_with": ""}


def identifying_terms(ids: set[int]) -> tuple[list[str], list[str]]:
    """(terms removed from every table, forenames removed from rows shared with others)."""
    terms: set[str] = set()
    forenames: set[str] = set()
    for person in Person.objects.filter(pk__in=ids):
        names = [(person.given_name, person.family_name)]
        names += list(Alias.objects.filter(person=person).values_list("given_name", "family_name"))
        for given, family in names:
            if given and family:
                terms.update({f"{given} {family}", f"{family}, {given}", f"{family} {given}"})
            if given:
                forenames.add(given)
        terms.update(v for v in (person.nhs_number, person.upn, person.la_child_id) if v)
        if person.date_of_birth:
            born = person.date_of_birth
            terms.update({born.isoformat(), govuk_date(born), born.strftime("%d/%m/%Y")})
    return sorted(terms, key=len, reverse=True), sorted(f for f in forenames if len(f) >= 2)


def _replace(value: Any, terms: list[str]) -> Any:
    if isinstance(value, str):
        for term in terms:
            value = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", REMOVED, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, list):
        return [_replace(v, terms) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, terms) for k, v in value.items()}
    return value


def _text_fields(model: type[models.Model]) -> "list[models.Field[Any, Any]]":
    kinds = (models.CharField, models.TextField, models.JSONField)
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, kinds) and not f.choices and not f.primary_key
    ]


def scrub(rows: QuerySet[Any], terms: list[str]) -> int:
    """Replace `terms` wherever the text fields of `rows` hold them. Writes through the base
    manager (a plain one), which is how the access log's personal detail is reached."""
    if not terms:
        return 0
    model = rows.model
    changed = 0
    for field in _text_fields(model):
        name = field.name
        column = name
        base = model._base_manager.filter(pk__in=rows.values("pk"))
        if isinstance(field, models.JSONField):
            base = base.annotate(_as_text=Cast(name, models.TextField()))
            column = "_as_text"
        match = Q()
        for term in terms:
            match |= Q(**{f"{column}__icontains": term})
        for pk, value in base.filter(match).values_list("pk", name):
            new = _replace(value, terms)
            if new != value:
                model._base_manager.filter(pk=pk).update(**{name: new})
                changed += 1
    return changed


def _frontdoor_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("frontdoor.")]


MOST_ROUNDS = 20


def _delete(counts: Counter[str], rows: QuerySet[Any], depth: int = 0) -> None:
    """Delete `rows`, and first whatever protects them from deletion: a row of any app that
    points at a record being destroyed (a quality audit of the contact, say) is about the
    person too. Rows the destruction keeps are unlinked before this is called."""
    for _ in range(MOST_ROUNDS):
        try:
            with transaction.atomic():  # a savepoint: a refusal leaves nothing half done
                _, by_model = rows.delete()
        except (ProtectedError, RestrictedError) as error:
            if depth >= MOST_ROUNDS:
                raise
            blocking = (
                error.protected_objects
                if isinstance(error, ProtectedError)
                else error.restricted_objects
            )
            by_type: dict[type[models.Model], list[Any]] = {}
            for row in blocking:
                by_type.setdefault(type(row), []).append(row.pk)
            for model, pks in by_type.items():
                _delete(counts, model._base_manager.filter(pk__in=pks), depth + 1)
            continue
        counts.update({label: n for label, n in by_model.items() if n})
        return
    raise RuntimeError(f"Could not delete {rows.model._meta.label}: it is still protected.")


def _shared_contacts(ids: set[int]) -> tuple[QuerySet[Contact], QuerySet[Contact]]:
    """(contacts about these people alone, contacts also about another child)."""
    about = Contact.objects.filter(subjects__person_id__in=ids).distinct()
    others = ContactSubject.objects.children().exclude(person_id__in=ids)
    shared = about.filter(pk__in=others.values("contact_id"))
    return about.exclude(pk__in=shared.values("pk")), shared


def _early_help(ids: set[int], counts: Counter[str], forenames: list[str]) -> None:
    episodes = Episode.objects.filter(members__person_id__in=ids).distinct()
    other_children = Member.objects.exclude(person_id__in=ids).filter(person__kind__in=CHILD_ROLES)
    shared_ids = set(
        episodes.filter(pk__in=other_children.values("episode_id")).values_list("pk", flat=True)
    )
    alone = [pk for pk in episodes.values_list("pk", flat=True) if pk not in shared_ids]
    for rows in (
        TafMeeting.objects.filter(episode_id__in=alone),
        PlanOutcome.objects.filter(episode_id__in=alone),
        AchievedHeading.objects.filter(episode_id__in=alone),
        TafMember.objects.filter(episode_id__in=alone),
        FamilyAssessment.objects.filter(episode_id__in=alone),
        StepDecision.objects.filter(episode_id__in=alone),
        Member.objects.filter(episode_id__in=alone),
        Episode.objects.filter(pk__in=alone),
    ):
        _delete(counts, rows)
    own: tuple[QuerySet[Any], ...] = (
        AssessmentNeed.objects.filter(person_id__in=ids),
        ChildView.objects.filter(person_id__in=ids),
        Member.objects.filter(person_id__in=ids),
        StepDecision.children.through.objects.filter(person_id__in=ids),
    )
    for own_rows in own:
        _delete(counts, own_rows)
    # Steps about no child any more (a front-door step down for this child alone).
    _delete(counts, StepDecision.objects.filter(children__isnull=True, episode__isnull=True))
    for rows in (
        Episode.objects.filter(pk__in=shared_ids),
        FamilyAssessment.objects.filter(episode_id__in=shared_ids),
        TafMeeting.objects.filter(episode_id__in=shared_ids),
        PlanOutcome.objects.filter(episode_id__in=shared_ids),
        StepDecision.objects.filter(episode_id__in=shared_ids),
    ):
        counts["text scrubbed"] += scrub(rows, forenames)


def _contacts(ids: set[int], counts: Counter[str], forenames: list[str]) -> set[int]:
    alone, shared = _shared_contacts(ids)
    gone = set(alone.values_list("pk", flat=True))
    kept = list(shared.values_list("pk", flat=True))
    discussions = StrategyDiscussion.objects.filter(contact_id__in=gone)
    S47Enquiry.objects.filter(strategy_discussion__in=discussions).update(strategy_discussion=None)
    CINEpisode.objects.filter(contact_id__in=gone).update(contact=None)
    Episode.objects.filter(contact_id__in=gone).update(contact=None)
    StepDecision.objects.filter(contact_id__in=gone).update(contact=None)
    _delete(counts, discussions)
    _delete(counts, MashEnquiry.objects.filter(contact_id__in=gone))
    _delete(counts, Contact.objects.filter(pk__in=gone))
    _delete(counts, SubjectCandidate.objects.filter(person_id__in=ids))
    _delete(counts, ContactSubject.objects.filter(person_id__in=ids))
    for rows in (
        Contact.objects.filter(pk__in=kept),
        Decision.objects.filter(contact_id__in=kept),
        HandoverItem.objects.filter(contact_id__in=kept),
        ChronologyEvent.objects.filter(contact_id__in=kept),
    ):
        counts["text scrubbed"] += scrub(rows, forenames)
    return gone


def _people(ids: set[int], counts: Counter[str]) -> None:
    households = set(
        Residence.objects.filter(person_id__in=ids).values_list("household_id", flat=True)
    )
    for rows in (
        Alias.objects.filter(person_id__in=ids),
        Residence.objects.filter(person_id__in=ids),
        Relationship.objects.filter(Q(person_id__in=ids) | Q(other_id__in=ids)),
        Merge.objects.filter(Q(survivor_id__in=ids) | Q(merged_id__in=ids)),
        DuplicatePair.objects.filter(Q(first_id__in=ids) | Q(second_id__in=ids)),
        BreakGlass.objects.filter(person_id__in=ids),
        Household.objects.filter(pk__in=households, residents__isnull=True),
    ):
        _delete(counts, rows)
    counts["people.person emptied"] += Person.objects.filter(pk__in=ids).update(**BLANK_PERSON)


def _access_log(ids: set[int], contacts: set[int], counts: Counter[str]) -> None:
    """Access-log rows about the person keep who, when, which role and what kind of record;
    their summary, changes, path and address go (ADR 0016: the lawful exception to 0002)."""
    about = AuditEvent._base_manager.filter(
        Q(person_id__in=ids)
        | Q(contact_id__in=contacts)
        | Q(record_type="person", record_id__in=[str(i) for i in ids])
    )
    counts["audit.event detail removed"] += about.update(
        summary="Record destroyed under the retention schedule",
        changes={},
        path="",
        ip_address=None,
    )


def destroy(
    approval: DestructionApproval, *, carried_out_by: str, today: dt.date | None = None
) -> Destruction:
    """Destroy the approved person's record, in one transaction (see the module docstring)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=approval.person_id)
        if DestroyedRecord.objects.filter(person=person).exists():
            raise ActionError("This record has already been destroyed.")
        if LegalHold.objects.filter(person=person, lifted_at__isnull=True).exists():
            raise ActionError("A legal hold is in place: nothing may be destroyed.")
        review = review_for(person)
        if review is None or review.review_date > today:
            raise ActionError("This record is not yet due for destruction.")
        ids = record_ids(person)
        terms, forenames = identifying_terms(ids)
        counts: Counter[str] = Counter()
        for source in app_destroyers():
            assert source.destroy is not None
            counts.update(source.destroy(ids))
        for _, rows in list(rows_linked(ids, apps_with_sources())):
            _delete(counts, rows)
        _delete(counts, SubjectAccessRequest.objects.filter(person_id__in=ids))
        _delete(counts, LegalHold.objects.filter(person_id__in=ids))
        missing = MissingEpisode.objects.filter(person_id__in=ids)
        _delete(counts, ReturnInterview.objects.filter(episode__in=missing))
        _delete(counts, EpisodeKey.objects.filter(episode__in=missing))
        counts["outside.MissingEpisode emptied"] += missing.update(**BLANK_MISSING)
        for rows in (
            MeetingNote.objects.filter(person_id__in=ids),
            NetworkLink.objects.filter(Q(child_id__in=ids) | Q(other_id__in=ids)),
            ContextReferral.objects.filter(person_id__in=ids),
            Screening.objects.filter(person_id__in=ids),
            SharingDecision.objects.filter(person_id__in=ids),
        ):
            _delete(counts, rows)
        _early_help(ids, counts, forenames)
        contacts = _contacts(ids, counts, forenames)
        maps = SafetyMap.objects.filter(episode__person_id__in=ids)
        _delete(counts, ScalingScore.objects.filter(safety_map__in=maps))
        _delete(counts, maps)
        LookedAfterEpisode.objects.filter(episode__person_id__in=ids).update(
            placement_postcode="", home_postcode=""
        )
        about = ChronologyEvent.objects.filter(about_id__in=ids)
        counts["text scrubbed"] += scrub(about, forenames + terms)
        about.update(about=None)
        _delete(counts, ChronologyEvent.objects.filter(person_id__in=ids))
        _people(ids, counts)
        _access_log(ids, contacts, counts)
        for model in _frontdoor_models():
            counts["text scrubbed"] += scrub(model._base_manager.all(), terms)
        record = Destruction.objects.create(
            destroyed_at=timezone.now(),
            rule_code=review.rule.code,
            rule_label=review.rule.label,
            review_year=review.review_date.year,
            approved_by=approval.approved_by,
            approved_at=approval.approved_at,
            carried_out_by=carried_out_by[:150],
            counts=dict(sorted(counts.items())),
        )
        DestroyedRecord.objects.bulk_create(
            DestroyedRecord(person_id=i, destruction=record) for i in sorted(ids)
        )
        DestructionApproval.objects.filter(person_id__in=ids).delete()
        record_event(
            AuditEvent.Action.CREATE,
            record,
            actor_label=carried_out_by,
            summary=f"Record destroyed under the retention schedule ({record.rule_label})",
        )
    return record

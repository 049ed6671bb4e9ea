"""Who is in the SSDA903 return for a year and what it says about them, read from casework
and the missing episodes of risk outside the home in a fixed number of queries."""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from frontdoor.casework.models import (
    AdoptionPlan,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    CINEpisode,
    HealthCheck,
    LookedAfterEpisode,
    PreviousPermanence,
    UascStatus,
)
from frontdoor.lib.dates import birthday
from frontdoor.outside.codes import EpisodeKind
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.models import Person, Residence
from frontdoor.returns.ssda903.records import (
    Adoption,
    Child,
    LeaverContact,
    Missing,
    Outcomes,
    Period,
    Permanence,
    Return,
    Review,
    SocialWorker,
    Spell,
)

FIRST_YEAR = 2000
MISSING_CODES = {EpisodeKind.MISSING: "M", EpisodeKind.AWAY: "A"}
# Care leavers: 13 weeks looked after from their 14th birthday, some of it after their 16th.
ELIGIBLE_DAYS_AFTER_14 = 91
CARE_LEAVER_AGES = range(17, 22)
WITH_CURRENT_CARERS = {"A3", "A5"}  # placed for adoption with the child's foster carers


def collection_period(year: object) -> Period:
    """The collection year as a Period, or ValueError in plain words."""
    try:
        number = int(str(year).strip())
    except ValueError as error:
        raise ValueError(
            f"“{year}” is not a year. Give the collection year, for example 2025."
        ) from error
    latest = dt.date.today().year + 1
    if not FIRST_YEAR <= number <= latest:
        raise ValueError(f"The collection year must be between {FIRST_YEAR} and {latest}.")
    return Period(number)


def child_id(person: Person) -> str:
    return person.la_child_id or f"FD{person.pk:07d}"


def _days_between(spells: list[Spell], first: dt.date, last: dt.date) -> int:
    """Days looked after from `first` up to (not including) `last`."""
    total = 0
    for s in spells:
        start, end = max(s.start, first), min(s.end or last, last)
        total += max(0, (end - start).days)
    return total


def care_leaver_birthday(child: Child, period: Period) -> dt.date | None:
    """The 17th to 21st birthday in the year of a young person who left care eligible
    (13 weeks looked after from 14, ending after 16) and was not looked after on it."""
    born = child.date_of_birth
    if born is None or not child.spells:
        return None
    for age in CARE_LEAVER_AGES:
        day = birthday(born, age)
        if not period.contains(day):
            continue
        history = [s for s in child.spells if s.start < day]
        if child.looked_after_on(day) or not history:
            continue
        fourteen, sixteen = birthday(born, 14), birthday(born, 16)
        after_14 = _days_between(history, fourteen, day)
        after_16 = _days_between(history, sixteen, day)
        if after_14 >= ELIGIBLE_DAYS_AFTER_14 and after_16 > 0:
            return day
    return None


def _abbreviated(postcode: str) -> str:
    """SSDA903 postcodes leave off the last two letters: "BS23 1AB" is "BS23 1"."""
    text = " ".join(postcode.upper().split())
    if not text:
        return ""
    compact = text.replace(" ", "")
    if len(compact) < 5:
        return text
    return f"{compact[:-3]} {compact[-3]}"


def _place(row: LookedAfterEpisode) -> tuple[str, str, str]:
    """Where a child is placed, as recorded: type, full postcode and provider."""
    return (
        row.placement_type,
        " ".join(row.placement_postcode.upper().split()),
        row.placement_provider,
    )


def reason_new(spell: Spell, before: Spell | None, moved: bool) -> str:
    """RNE: S starts a period; else what changed from the episode before (L, P or B; T and
    U for P and B when the child is placed for adoption with their current foster carers).
    `moved`: the placement recorded changed (a move to another address in the same postcode
    sector is a move, though the return's shortened postcodes cannot show it)."""
    if spell.is_new_period or before is None:
        return "S"
    legal = spell.legal_status != before.legal_status
    with_carers = spell.placement in WITH_CURRENT_CARERS
    if legal and moved:
        return "U" if with_carers else "B"
    if moved:
        return "T" if with_carers else "P"
    return "L"


def _spells(rows: list[LookedAfterEpisode], period: Period, home: str) -> list[Spell]:
    spells: list[Spell] = []
    place: tuple[str, str, str] | None = None
    for row in sorted(rows, key=lambda r: (r.start_date, r.pk)):
        ended = row.end_date is not None and row.end_date <= period.end
        spell = Spell(
            pk=row.pk,
            start=row.start_date,
            is_new_period=row.is_new_period,
            legal_status=row.legal_status,
            category_of_need=row.category_of_need,
            placement=row.placement_type,
            provider=row.placement_provider,
            placement_postcode=_abbreviated(row.placement_postcode),
            home_postcode=_abbreviated(row.home_postcode or home),
            end=row.end_date if ended else None,
            reason_ceased=row.reason_ceased if ended else "",
            in_return=row.end_date is None or row.end_date >= period.start,
        )
        before = spells[-1] if spells else None
        spell.reason_new = reason_new(spell, before, moved=_place(row) != place)
        place = _place(row)
        if before is not None and spell.reason_new in ("P", "B", "T", "U"):
            before.reason_place_change = row.reason_place_change
        spells.append(spell)
    return spells


def _before_end(day: dt.date | None, period: Period) -> dt.date | None:
    return day if day is not None and day <= period.end else None


def collect(period: Period) -> Return:
    """Everyone in the return for `period`, with what it says about them."""
    end = period.end
    care_rows = list(
        LookedAfterEpisode.objects.filter(start_date__lte=end).select_related("episode")
    )
    by_person: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
    for row in care_rows:
        by_person[row.episode.person_id].append(row)
    people = Person.objects.filter(pk__in=by_person).order_by("pk")
    homes: dict[int, str] = {}
    for residence in (
        Residence.objects.filter(person_id__in=by_person)
        .select_related("household")
        .order_by("start_date", "pk")
    ):
        homes[residence.person_id] = residence.household.postcode
    children: dict[int, Child] = {}
    for person in people:
        child = Child(
            person_id=person.pk,
            child_id=child_id(person),
            sex=person.sex,
            date_of_birth=person.date_of_birth,
            ethnicity=person.ethnicity,
            upn=person.upn,
            upn_unknown=person.upn_unknown,
            spells=_spells(by_person[person.pk], period, homes.get(person.pk, "")),
        )
        child.care_leaver_birthday = care_leaver_birthday(child, period)
        if child.episodes or child.care_leaver_birthday:
            children[person.pk] = child
    ids = list(children)
    _add_records(children, ids, period)
    result = Return(period, settings.FRONTDOOR_LA_CODE, list(children.values()))
    return result


def _add_records(children: dict[int, Child], ids: list[int], period: Period) -> None:
    end = period.end
    for review in CareReview.objects.filter(person_id__in=ids, held_on__lte=end).order_by(
        "held_on", "pk"
    ):
        children[review.person_id].reviews.append(Review(review.held_on, review.participation))
    for check in HealthCheck.objects.filter(person_id__in=ids, done_on__lte=end).order_by(
        "done_on"
    ):
        child = children[check.person_id]
        (child.health_checks if check.kind == "health" else child.dental_checks).append(
            check.done_on
        )
    for o in CareOutcomes.objects.filter(person_id__in=ids, year_ending=end):
        children[o.person_id].outcomes = Outcomes(
            o.is_immunisations_up_to_date,
            o.is_convicted,
            o.has_substance_misuse,
            o.intervention_received,
            o.intervention_offered,
            o.sdq_score,
            o.sdq_reason,
        )
    for status in UascStatus.objects.filter(person_id__in=ids):
        children[status.person_id].uasc_ceased = status.ceased_on
    for plan in AdoptionPlan.objects.filter(person_id__in=ids, decided_on__lte=end).order_by(
        "decided_on", "pk"
    ):
        matched = _before_end(plan.matched_on, period)
        ceased = _before_end(plan.ceased_on, period)
        children[plan.person_id].adoptions.append(
            Adoption(
                plan.decided_on,
                matched,
                plan.is_adopted_by_foster_carers if matched else None,
                plan.number_of_adopters if matched else None,
                plan.adopters_sex if matched else "",
                plan.adopters_legal_status if matched else "",
                ceased,
                plan.ceased_reason if ceased else "",
            )
        )
    for perm in PreviousPermanence.objects.filter(
        looked_after_episode__episode__person_id__in=ids, looked_after_episode__start_date__lte=end
    ).select_related("looked_after_episode__episode"):
        care = perm.looked_after_episode
        children[care.episode.person_id].permanence.append(
            Permanence(care.start_date, perm.kind, perm.la_code, perm.order_date)
        )
    missing = MissingEpisode.objects.from_care().filter(
        person_id__in=ids, kind__in=list(MISSING_CODES)
    )
    for m in missing.started_between(period.start, end).order_by("started_on", "pk"):
        children[m.person_id].missing.append(
            Missing(
                MISSING_CODES[EpisodeKind(m.kind)], m.started_on, _before_end(m.ended_on, period)
            )
        )
    for contact in CareLeaverContact.objects.filter(person_id__in=ids):
        child = children[contact.person_id]
        if contact.birthday == child.care_leaver_birthday:
            child.leaver_contact = LeaverContact(
                contact.birthday, contact.in_touch, contact.activity, contact.accommodation
            )
    _add_social_workers(children, ids, period)


def _add_social_workers(children: dict[int, Child], ids: list[int], period: Period) -> None:
    """The social worker of each child in care: the worker allocated to the episode their
    care is in. Front Door keeps the current allocation only, so one row from the later of
    the referral and the start of the year; SW_ID is the worker's user name (Front Door does
    not hold Social Work England numbers)."""
    in_care = Q(looked_after_episodes__start_date__lte=period.end) & (
        Q(looked_after_episodes__end_date__isnull=True)
        | Q(looked_after_episodes__end_date__gte=period.start)
    )
    episodes = (
        CINEpisode.objects.filter(person_id__in=ids, allocated_worker__isnull=False)
        .filter(in_care)
        .distinct()
        .select_related("allocated_worker")
        .order_by("referral_date", "pk")
    )
    for e in episodes:
        child = children[e.person_id]
        if not child.episodes:
            continue
        assert e.allocated_worker is not None
        worker = SocialWorker(e.allocated_worker.username, max(e.referral_date, period.start))
        if worker not in child.social_workers:
            child.social_workers.append(worker)

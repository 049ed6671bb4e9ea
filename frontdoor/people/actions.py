"""Every state change of the person index.

Each action opens its own transaction and writes its audit row (and, for a child, a
chronology event) in it. Business-rule failures raise ActionError with the field at fault.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.lib.identifiers import default_la_child_id
from frontdoor.people.models import (
    Alias,
    BreakGlass,
    Household,
    Person,
    Relationship,
    Residence,
)
from frontdoor.people.search_keys import alias_search_keys, search_keys
from frontdoor.people.validation import (
    EDITABLE_FIELDS,
    check_address,
    check_person,
    normalised,
    plain,
)

RECIPROCAL = {
    Relationship.Kind.PARENT: Relationship.Kind.CHILD,
    Relationship.Kind.CHILD: Relationship.Kind.PARENT,
    Relationship.Kind.CARER: Relationship.Kind.CARED_FOR,
    Relationship.Kind.CARED_FOR: Relationship.Kind.CARER,
    Relationship.Kind.SIBLING: Relationship.Kind.SIBLING,
    Relationship.Kind.HOUSEHOLD_MEMBER: Relationship.Kind.HOUSEHOLD_MEMBER,
}


def _store_keys(person: Person) -> None:
    for key, value in search_keys(person.given_name, person.family_name).items():
        setattr(person, key, value)


def _chronicle(person: Person, summary: str, user: Any, about: Person | None = None) -> None:
    if person.is_child:
        add_event(person, Kind.RECORD, summary, timezone.now(), actor=user, about=about)


def _give_la_child_id(person: Person) -> None:
    """Every child gets an LA child ID (CIN census LAchildID) when the record is made."""
    if not person.la_child_id and person.is_child:
        person.la_child_id = default_la_child_id(person.pk)
        person.save(update_fields=["la_child_id"])


def create_person(
    user: Any,
    *,
    postcode: str = "",
    address: str = "",
    town: str = "",
    moved_in: dt.date | None = None,
    **fields: Any,
) -> Person:
    """Add a person to the index, with their current address if a postcode is given.

    `fields` are Person fields (kind, given_name, family_name, date_of_birth,
    expected_date_of_birth, sex, ethnicity, disabilities, nhs_number, upn, la_child_id,
    restricted_to_team). Identifiers are checked as the DfE and NHS define them.
    """
    fields = normalised(fields)
    check_person(fields)
    if postcode:
        check_address(address or "Address not given", postcode)
    with transaction.atomic():
        person = Person(**fields)
        _store_keys(person)
        person.save()
        _give_la_child_id(person)
        if postcode:
            household = _household(address or "Address not given", town, postcode)
            Residence.objects.create(person=person, household=household, start_date=moved_in)
        record_change(
            user,
            person,
            AuditEvent.Action.CREATE,
            person_id=person.pk,
            summary="Added to the person index",
        )
        _chronicle(person, "Record created", user)
    return person


def update_person(person: Person, user: Any, **changes: Any) -> Person:
    """Change a person's details; the audit row keeps the values before and after.

    A changed name is kept as an alias ("previous name"), so searches for the old name
    still find the child: names change through adoption, marriage of a parent, or choice.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ActionError(f"These details cannot be changed here: {', '.join(unknown)}.")
    changes = normalised(changes)
    changed = {k: v for k, v in changes.items() if getattr(person, k) != v}
    if not changed:
        return person
    check_person({f: getattr(person, f) for f in EDITABLE_FIELDS} | changed, person=person)
    before = {k: plain(getattr(person, k)) for k in changed}
    old_given, old_family = person.given_name, person.family_name
    with transaction.atomic():
        for key, value in changed.items():
            setattr(person, key, value)
        _store_keys(person)
        person.save()
        _give_la_child_id(person)
        if {"given_name", "family_name"} & set(changed) and (old_given or old_family):
            _keep_old_name(person, old_given, old_family)
        labels = ", ".join(_label(name) for name in changed)
        record_change(
            user,
            person,
            person_id=person.pk,
            summary=f"Changed {labels}",
            changes={"before": before, "after": {k: plain(v) for k, v in changed.items()}},
        )
        _chronicle(person, f"Record changed: {labels}", user)
    return person


def _label(name: str) -> str:
    return str(getattr(Person._meta.get_field(name), "verbose_name", name))


def _keep_old_name(person: Person, given_name: str, family_name: str) -> None:
    if not person.aliases.filter(given_name=given_name, family_name=family_name).exists():
        Alias.objects.create(
            person=person,
            given_name=given_name,
            family_name=family_name,
            note="previous name",
            **alias_search_keys(given_name, family_name),
        )


def add_alias(
    person: Person, user: Any, given_name: str = "", family_name: str = "", note: str = ""
) -> Alias:
    """Record another name the person is or was known by (previous surname, known-as name)."""
    given_name, family_name, note = given_name.strip(), family_name.strip(), note.strip()
    if not (given_name or family_name):
        raise ActionError("Enter a forename or a surname.", field="family_name")
    if (given_name, family_name) == (person.given_name, person.family_name):
        raise ActionError("That is the name already on the record.", field="family_name")
    if person.aliases.filter(given_name=given_name, family_name=family_name).exists():
        raise ActionError("That name is already recorded.", field="family_name")
    with transaction.atomic():
        alias = Alias.objects.create(
            person=person,
            given_name=given_name,
            family_name=family_name,
            note=note[:120],
            **alias_search_keys(given_name, family_name),
        )
        record_change(
            user,
            alias,
            AuditEvent.Action.CREATE,
            person_id=person.pk,
            summary=f"Other name recorded: {alias.full_name}",
        )
        _chronicle(person, f"Other name recorded: {alias.full_name}", user)
    return alias


def _household(line1: str, town: str, postcode: str, line2: str = "") -> Household:
    """The household at this address: an existing one if the address is already known."""
    line1, postcode = line1.strip(), normalised({"postcode": postcode})["postcode"]
    if line1 != "Address not given":
        existing = Household.objects.filter(postcode=postcode, line1__iexact=line1).first()
        if existing:
            return existing
    return Household.objects.create(
        line1=line1, line2=line2.strip(), town=town.strip(), postcode=postcode
    )


def record_address(
    person: Person,
    user: Any,
    line1: str,
    town: str,
    postcode: str,
    start_date: dt.date | None = None,
    *,
    line2: str = "",
) -> Residence:
    """Record that the person moved to this address on `start_date` (default today).

    The current address is closed on that date, so the address history stays whole: a
    child who moved is still found by the postcode of where they lived.
    """
    check_address(line1, postcode)
    with transaction.atomic():
        household = _household(line1, town, postcode, line2)
        return _move(person, household, user, start_date)


def add_to_household(
    person: Person, household: Household, user: Any, start_date: dt.date | None = None
) -> Residence:
    """Record that the person joined an existing household on `start_date` (default today)."""
    with transaction.atomic():
        return _move(person, household, user, start_date)


def _move(person: Person, household: Household, user: Any, start_date: dt.date | None) -> Residence:
    start_date = start_date or timezone.localdate()
    if start_date > timezone.localdate():
        raise ActionError(
            "The date they moved in must be today or in the past.", field="start_date"
        )
    current = list(Residence.objects.select_for_update().filter(person=person, end_date=None))
    if any(r.household_id == household.pk for r in current):
        raise ActionError("They already live at this address.", field="line1")
    for residence in current:
        if residence.start_date and residence.start_date > start_date:
            raise ActionError(
                "The date they moved in is before they moved to their current address.",
                field="start_date",
            )
        residence.end_date = start_date
        residence.save(update_fields=["end_date"])
    residence = Residence.objects.create(person=person, household=household, start_date=start_date)
    record_change(
        user,
        residence,
        AuditEvent.Action.CREATE,
        person_id=person.pk,
        summary=f"Moved to {household} on {start_date:%d/%m/%Y}",
        changes={"before": [str(r.household) for r in current], "after": str(household)},
    )
    _chronicle(
        person,
        f"Address changed: moved to {household.postcode} on {govuk_date(start_date)}",
        user,
    )
    return residence


def add_relationship(
    person: Person, other: Person, kind: str, user: Any, *, note: str = ""
) -> Relationship:
    """Record that `other` is `person`'s `kind` (kind=PARENT: `other` is `person`'s parent).

    The reciprocal is stored too where there is one (parent and child, carer and child
    cared for, siblings, household members), so both records show the link.
    """
    _check_relationship(person, other, kind)
    with transaction.atomic():
        made = Relationship.objects.create(person=person, other=other, kind=kind, note=note[:120])
        _log_relationship(made, user)
        reverse = RECIPROCAL.get(Relationship.Kind(kind))
        if reverse:
            mirror, created = Relationship.objects.get_or_create(
                person=other, other=person, kind=reverse, defaults={"note": note[:120]}
            )
            if created:
                _log_relationship(mirror, user)
    return made


def _log_relationship(relationship: Relationship, user: Any) -> None:
    summary = (
        f"{relationship.other.full_name} recorded as {relationship.get_kind_display().lower()}"
    )
    record_change(
        user,
        relationship,
        AuditEvent.Action.CREATE,
        person_id=relationship.person_id,
        summary=summary,
    )
    _chronicle(relationship.person, summary, user, about=relationship.other)


def _check_relationship(person: Person, other: Person, kind: str) -> None:
    if kind not in Relationship.Kind.values:
        raise ActionError("Choose a relationship.", field="kind")
    if person.pk == other.pk:
        raise ActionError("A person cannot be related to themselves.", field="other")
    if other.merged_into_id or person.merged_into_id:
        raise ActionError(
            "That record has been merged into another; use the surviving record.", field="other"
        )
    if Relationship.objects.filter(person=person, other=other, kind=kind).exists():
        raise ActionError("That relationship is already recorded.", field="kind")
    if kind in (Relationship.Kind.PARENT, Relationship.Kind.CHILD):
        parent, child = (other, person) if kind == Relationship.Kind.PARENT else (person, other)
        if Relationship.objects.filter(
            person=parent, other=child, kind=Relationship.Kind.PARENT
        ).exists():
            raise ActionError(
                f"{child.full_name} is already recorded as {parent.full_name}'s parent.",
                field="kind",
            )
        if (
            parent.date_of_birth
            and child.date_of_birth
            and parent.date_of_birth >= child.date_of_birth
        ):
            raise ActionError("A parent must be older than their child.", field="kind")


MIN_BREAK_GLASS_REASON = 20


def break_glass(person: Person, user: Any, reason: str) -> BreakGlass:
    """Open a record restricted to another team for `user`, for the reason they give, for
    FRONTDOOR_BREAK_GLASS_HOURS. Logged on the record's access log (action "break_glass")
    and listed in the auditors' break-glass report."""
    reason = reason.strip()
    if len(reason) < MIN_BREAK_GLASS_REASON:
        raise ActionError(
            "Say why you need this record now, in a sentence (at least 20 characters).",
            field="reason",
        )
    now = timezone.now()
    with transaction.atomic():
        opened = BreakGlass.objects.create(
            person=person,
            user=user,
            reason=reason,
            opened_at=now,
            expires_at=now + dt.timedelta(hours=settings.FRONTDOOR_BREAK_GLASS_HOURS),
        )
        record_change(
            user,
            person,
            AuditEvent.Action.BREAK_GLASS,
            person_id=person.pk,
            summary=f"Opened with break-glass: {reason}",
            changes={"reason": reason, "expires_at": opened.expires_at.isoformat()},
        )
    return opened

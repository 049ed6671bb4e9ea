"""Merging two records of one person, and undoing a merge exactly.

A merge moves every row that points at the merged record to the survivor: contact
subjects, CIN episodes, chronology events, relationships, addresses, other names, and any
foreign key to Person added later (found by walking the app registry, so a new app's rows
are never left behind). The merged record stays as a tombstone pointing at the survivor.

Everything needed to undo it is kept on the Merge row: both records' values before, which
rows were moved (by model, field and primary key), rows removed because they would have
duplicated the survivor's (serialised in full), rows changed and rows created. An unmerge
puts every one of them back, so both records and their histories are as they were.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models import Q
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError
from frontdoor.people import hooks
from frontdoor.people.models import Alias, BreakGlass, DuplicatePair, Merge, Person, Residence
from frontdoor.people.search_keys import alias_search_keys, search_keys
from frontdoor.people.validation import EDITABLE_FIELDS, check_person, plain

# The details a reviewer chooses between, field by field, are those a worker may edit ("address"
# is the current address).
CHOOSABLE_FIELDS = EDITABLE_FIELDS
ADDRESS = "address"
# Identifiers the DfE treats as unique: taken off the tombstone when the survivor takes them.
UNIQUE_IDENTIFIERS = ("upn", "la_child_id")
# Bookkeeping of merging itself is never moved.
# A break-glass opening stays with the record it opened: a merge must not widen it.
NOT_MOVED: tuple[type[models.Model], ...] = (DuplicatePair, Merge, BreakGlass)


def person_references() -> list[models.ForeignKey[Any, Any]]:
    """Every foreign key (and one-to-one) in the project that points at Person."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if issubclass(model, NOT_MOVED):
            continue
        for f in model._meta.concrete_fields:
            if isinstance(f, models.ForeignKey) and f.remote_field.model is Person:
                found.append(f)
    return found


def _row(obj: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(serializers.serialize("json", [obj]))[0]
    return row


def _restore_rows(rows: list[dict[str, Any]]) -> None:
    for restored in serializers.deserialize("json", json.dumps(rows)):
        restored.save()


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


@dataclass
class _Plan:
    """What a merge did, as it is kept on the Merge row."""

    moved: dict[str, list[int]] = field(default_factory=dict)  # "label.field" -> pks
    removed: list[dict[str, Any]] = field(default_factory=list)  # serialised rows
    changed: list[dict[str, Any]] = field(default_factory=list)  # label, pk, field, before
    created: list[dict[str, Any]] = field(default_factory=list)  # label, pk


def _person_fields(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.remote_field.model is Person
    ]


def _attname(model: type[models.Model], name: str) -> str:
    found = model._meta.get_field(name)
    return str(getattr(found, "attname", name))


def _unique_sets(model: type[models.Model], name: str) -> list[list[str]]:
    """The sets of fields that must be unique together and include field `name`."""
    sets = [list(s) for s in model._meta.unique_together]
    sets += [
        list(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields and c.condition is None
    ]
    sets += [[f.name] for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    return [s for s in sets if name in s]


def _would_clash(row: models.Model, name: str, survivor: Person) -> bool:
    """Moving `row` to the survivor would link the survivor to itself or repeat a row."""
    model = type(row)
    others = [f for f in _person_fields(model) if f.name != name]
    if model is not Person and any(getattr(row, f.attname) == survivor.pk for f in others):
        return True
    for fields in _unique_sets(model, name):
        match = {f: getattr(row, _attname(model, f)) for f in fields if f != name}
        if model._base_manager.filter(**match, **{name: survivor}).exclude(pk=row.pk).exists():
            return True
    return False


def _remove(row: models.Model, plan: _Plan) -> None:
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)
    collector.collect([row])
    if collector.protected:
        raise ActionError(
            f"The records cannot be merged: {row._meta.verbose_name} {row.pk} is still in use."
        )
    doomed = [row] + [o for objs in collector.data.values() for o in objs if o != row]
    plan.removed += [_row(o) for o in doomed]
    row.delete()


def _move_history(merged: Person, survivor: Person, plan: _Plan) -> None:
    for f in person_references():
        model = f.model
        rows = model._base_manager.filter(**{f.name: merged})
        simple = model is not Person and len(_person_fields(model)) == 1
        if simple and not _unique_sets(model, f.name):
            pks = list(rows.values_list("pk", flat=True))
            rows.update(**{f.name: survivor})
        else:
            pks = []
            for row in list(rows):
                if _would_clash(row, f.name, survivor):
                    _remove(row, plan)
                else:
                    model._base_manager.filter(pk=row.pk).update(**{f.name: survivor})
                    pks.append(row.pk)
        if pks:
            plan.moved[f"{_label(model)}.{f.name}"] = pks


def _tidy_addresses(survivor: Person, keep_merged_address: bool, plan: _Plan) -> None:
    """One current address: the chosen one. The other is closed today (or removed if same)."""
    current = list(Residence.objects.filter(person=survivor, end_date__isnull=True))
    moved = set(plan.moved.get(f"{_label(Residence)}.person", []))
    chosen = [r for r in current if (r.pk in moved) == keep_merged_address]
    if not chosen or len(current) < 2:
        return
    keep = chosen[0]
    for residence in current:
        if residence.pk == keep.pk:
            continue
        if residence.household_id == keep.household_id:
            _remove(residence, plan)
            continue
        plan.changed.append(
            {"model": _label(Residence), "pk": residence.pk, "field": "end_date", "before": None}
        )
        residence.end_date = max(timezone.localdate(), residence.start_date or timezone.localdate())
        residence.save(update_fields=["end_date"])


def _keep_names(survivor: Person, names: list[tuple[str, str]], plan: _Plan) -> None:
    for given, family in names:
        if (given, family) == (survivor.given_name, survivor.family_name) or not (given or family):
            continue
        if Alias.objects.filter(person=survivor, given_name=given, family_name=family).exists():
            continue
        alias = Alias.objects.create(
            person=survivor,
            given_name=given,
            family_name=family,
            note="name on a merged record",
            **alias_search_keys(given, family),
        )
        plan.created.append({"model": _label(Alias), "pk": alias.pk})


def _chosen_values(survivor: Person, merged: Person, take_from_merged: set[str]) -> dict[str, Any]:
    """The survivor's details after the merge, by field name."""
    unknown = take_from_merged - set(CHOOSABLE_FIELDS) - {ADDRESS}
    if unknown:
        raise ActionError(f"These details cannot be chosen: {', '.join(sorted(unknown))}.")
    return {
        name: getattr(merged if name in take_from_merged else survivor, name)
        for name in CHOOSABLE_FIELDS
    }


def _check_mergeable(survivor: Person, merged: Person) -> None:
    if survivor.pk == merged.pk:
        raise ActionError("A record cannot be merged with itself.")
    if survivor.merged_into_id or merged.merged_into_id:
        raise ActionError("One of these records has already been merged into another.")
    hooks.check_mergeable(survivor, merged)  # the rules of the apps above (casework, ...)


def merge_people(
    survivor: Person,
    merged: Person,
    user: Any,
    *,
    take_from_merged: set[str] | frozenset[str] = frozenset(),
    pair: DuplicatePair | None = None,
) -> Merge:
    """Merge `merged` into `survivor`; the fields in `take_from_merged` take its values.

    `take_from_merged` may name any of CHOOSABLE_FIELDS and "address" (keep the merged
    record's current address as the current one). Every row that pointed at `merged` now
    points at `survivor`; `merged` is kept as a tombstone. Undo with `unmerge()`.
    """
    with transaction.atomic():
        survivor = Person.objects.select_for_update().get(pk=survivor.pk)
        merged = Person.objects.select_for_update().get(pk=merged.pk)
        _check_mergeable(survivor, merged)
        values = _chosen_values(survivor, merged, set(take_from_merged))
        survivor_before, merged_before = _row(survivor), _row(merged)
        plan = _Plan()
        for name in UNIQUE_IDENTIFIERS:  # the tombstone gives up an identifier the survivor keeps
            if getattr(merged, name) and getattr(merged, name) == values[name]:
                setattr(merged, name, "")
        merged.save()
        check_person(values, person=survivor)
        old_names = [(survivor.given_name, survivor.family_name)]
        for name, value in values.items():
            setattr(survivor, name, value)
        for key, value in search_keys(survivor.given_name, survivor.family_name).items():
            setattr(survivor, key, value)
        survivor.save()
        _move_history(merged, survivor, plan)
        _tidy_addresses(survivor, ADDRESS in take_from_merged, plan)
        _keep_names(survivor, [*old_names, (merged.given_name, merged.family_name)], plan)
        merged.merged_into = survivor
        merged.save(update_fields=["merged_into"])
        return _record_merge(survivor, merged, user, pair, survivor_before, merged_before, plan)


def _record_merge(
    survivor: Person,
    merged: Person,
    user: Any,
    pair: DuplicatePair | None,
    survivor_before: dict[str, Any],
    merged_before: dict[str, Any],
    plan: _Plan,
) -> Merge:
    now = timezone.now()
    if survivor.is_child:
        event = add_event(
            survivor,
            Kind.RECORD,
            f"Record {merged.pk} ({merged.full_name}) merged into this record",
            now,
            actor=user,
        )
        plan.created.append({"model": _label(ChronologyEvent), "pk": event.pk})
    pair_before = _row(pair) if pair else None
    if pair is not None:
        pair.status = DuplicatePair.Status.MERGED
        pair.decided_at = now
        pair.decided_by = user if getattr(user, "is_authenticated", False) else None
        pair.save()
    merge = Merge.objects.create(
        survivor=survivor,
        merged=merged,
        pair=pair,
        merged_at=now,
        merged_by=user if getattr(user, "is_authenticated", False) else None,
        snapshot={
            "survivor_before": survivor_before,
            "survivor_after": _row(survivor),
            "merged_before": merged_before,
            "pair_before": pair_before,
            "moved": plan.moved,
            "removed": plan.removed,
            "changed": plan.changed,
            "created": plan.created,
        },
    )
    moved = sum(len(pks) for pks in plan.moved.values())
    for person, other, summary in (
        (survivor, merged, f"Merged record {merged.pk} into this record ({moved} rows moved)"),
        (merged, survivor, f"Merged into record {survivor.pk}"),
    ):
        record_change(
            user,
            person,
            person_id=person.pk,
            summary=summary,
            changes={"merge": merge.pk, "other_person": other.pk},
        )
    return merge


def _check_unmergeable(merge: Merge) -> None:
    if merge.is_undone:
        raise ActionError("This merge has already been undone.")
    survivor = merge.survivor
    if survivor.merged_into_id:
        raise ActionError(
            "The surviving record has since been merged into another. Undo that merge first."
        )
    later = Merge.objects.filter(
        Q(survivor=survivor) | Q(merged=survivor), merged_at__gt=merge.merged_at
    ).filter(unmerged_at__isnull=True)
    if later.exists():
        raise ActionError("A later merge involves this record. Undo that merge first.")


def _put_back_fields(merge: Merge) -> None:
    """The survivor's details as before, except any changed since the merge by someone else."""
    snapshot = merge.snapshot
    before, after = snapshot["survivor_before"], snapshot["survivor_after"]
    current = _row(Person.objects.get(pk=merge.survivor_id))
    for name, value in before["fields"].items():
        if current["fields"].get(name) == after["fields"].get(name):
            current["fields"][name] = value
    _restore_rows([current, snapshot["merged_before"]])


def unmerge(merge: Merge, user: Any) -> Merge:
    """Undo a merge: both records, and every row moved, removed, changed or created, as before."""
    with transaction.atomic():
        merge = Merge.objects.select_for_update().get(pk=merge.pk)
        _check_unmergeable(merge)
        snapshot = merge.snapshot
        for item in snapshot["created"]:
            apps.get_model(item["model"])._base_manager.filter(pk=item["pk"]).delete()
        for key, pks in snapshot["moved"].items():
            label, name = key.rsplit(".", 1)
            model = apps.get_model(label)
            model._base_manager.filter(pk__in=pks, **{f"{name}_id": merge.survivor_id}).update(
                **{f"{name}_id": merge.merged_id}
            )
        for item in snapshot["changed"]:
            model = apps.get_model(item["model"])
            model._base_manager.filter(pk=item["pk"]).update(**{item["field"]: item["before"]})
        _restore_rows(snapshot["removed"])
        _put_back_fields(merge)
        if snapshot.get("pair_before"):
            _restore_rows([snapshot["pair_before"]])
        merge.unmerged_at = timezone.now()
        merge.unmerged_by = user if getattr(user, "is_authenticated", False) else None
        merge.save(update_fields=["unmerged_at", "unmerged_by"])
        for person, other in ((merge.survivor, merge.merged), (merge.merged, merge.survivor)):
            record_change(
                user,
                person,
                person_id=person.pk,
                summary=f"Merge with record {other.pk} undone",
                changes={"unmerge": merge.pk, "other_person": other.pk},
            )
    return merge


def differing_fields(first: Person, second: Person) -> list[str]:
    """The choosable details on which two records differ (for the review page)."""
    names = [
        name
        for name in CHOOSABLE_FIELDS
        if plain(getattr(first, _attname(Person, name)))
        != plain(getattr(second, _attname(Person, name)))
    ]
    a, b = first.current_residence(), second.current_residence()
    if a and b and a.household_id != b.household_id:
        names.append(ADDRESS)
    return names

"""Retention (ADR 0016): a child past their review date is destroyed everywhere, one on legal
hold and one not yet due are untouched, and past CIN census totals stay as they were."""

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.models import Contact
from frontdoor.earlyhelp.models import Member
from frontdoor.earlyhelp.taf_models import TafMeeting
from frontdoor.lib.dates import govuk_date
from frontdoor.mash.models import MashEnquiry
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.models import Person
from frontdoor.records import destruction, holds, retention
from frontdoor.records.models import DestroyedRecord, Destruction, DestructionApproval
from frontdoor.records.tests.council import build
from frontdoor.returns.cin_census.collection import census_period, collect
from frontdoor.test import make_persona

pytestmark = pytest.mark.django_db


def totals(year: int) -> dict[str, int]:
    census = collect(census_period(year))
    episodes = [e for c in census.children for e in c.episodes]
    return {
        "children": len(census.children),
        "episodes": len(episodes),
        "closed": sum(1 for e in episodes if e.closure_date),
        "assessments": sum(len(e.assessments) for e in episodes),
        "cin plans": sum(len(e.cin_plans) for e in episodes),
        "s47s": sum(len(e.section47s) for e in episodes),
        "cp plans": sum(len(e.cp_plans) for e in episodes),
        "boys": sum(1 for c in census.children if c.sex == "M"),
    }


def identifying(person: Person) -> list[str]:
    born = person.date_of_birth
    assert born is not None
    return [
        person.full_name,
        person.given_name,
        person.nhs_number,
        person.upn,
        person.la_child_id,
        born.isoformat(),
        govuk_date(born),
    ]


def holding(terms: list[str]) -> list[str]:
    """Every (table, field, term) in the database that still holds one of `terms`."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField | models.JSONField):
                continue
            for value in model._base_manager.values_list(field.name, flat=True):
                text = str(value).lower()
                found += [
                    f"{model._meta.label}.{field.name}: {t}"
                    for t in terms
                    if t and t.lower() in text
                ]
    return found


def birth_dates(born: dt.date) -> list[str]:
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            dated = isinstance(field, models.DateField) and "birth" in field.name
            if dated and model._base_manager.filter(**{field.name: born}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


@pytest.fixture
def council() -> Any:
    return build(make_persona("social_worker"))


@pytest.fixture
def officer() -> Any:
    return make_persona("information_governance")


def test_the_review_lists_the_due_and_the_held_but_not_the_young(council, officer, capsys):
    call_command("retention", "review")
    out = capsys.readouterr().out
    assert "Zebedee Quillfeather\tChild in need only\t2023-06-30\tdue" in out
    assert "Bartholomew Ashdown-Vale" in out and "Cressida" not in out
    holds.place_hold(council.held, reason="Independent inquiry into Weston homes", user=officer)
    call_command("retention", "review")
    assert "LEGAL HOLD: Independent inquiry into Weston homes" in capsys.readouterr().out
    young = retention.review_for(council.young)
    assert young is not None and young.review_date == dt.date(2033, 1, 1)


def test_a_child_past_retention_is_destroyed_everywhere_and_nothing_else_changes(
    council, officer, capsys
):
    holds.place_hold(council.held, reason="Independent inquiry into Weston homes", user=officer)
    gone = Person.objects.get(pk=council.due.pk)
    terms = identifying(gone)
    kept = {p.pk: identifying(Person.objects.get(pk=p.pk)) for p in (council.held, council.young)}
    assert holding(terms)  # the scan finds them before
    before_2020, before_2026 = totals(2020), totals(2026)
    assert before_2020["children"] == 2 and before_2026["children"] == 1

    call_command("retention", "approve", str(gone.pk), "--officer", officer.username)
    with pytest.raises(Exception, match="legal hold"):
        holds.approve(council.held, user=officer)
    with pytest.raises(Exception, match="not yet due"):
        holds.approve(council.young, user=officer)
    call_command("retention", "destroy")
    assert "Destroyed 1 of 1 approved." in capsys.readouterr().out

    assert holding(terms) == []
    assert birth_dates(gone.date_of_birth) == []
    for pk, its_terms in kept.items():
        assert identifying(Person.objects.get(pk=pk)) == its_terms
    # The sister's record and the contact about both children stay, without his name.
    sister = Person.objects.get(pk=council.sister.pk)
    assert sister.given_name == "Zebara"
    meeting = TafMeeting.objects.get()
    assert (
        meeting.notes
        == "[removed] and Zebara came with their mum; [removed] said school is better."
    )
    assert list(Member.objects.values_list("person_id", flat=True)) == [sister.pk]
    assert totals(2020) == before_2020 and totals(2026) == before_2026
    record = Destruction.objects.get()
    assert record.rule_code == "cin-only" and record.approved_by == officer
    assert record.counts["contacts.Contact"] == 1
    assert DestroyedRecord.objects.filter(person_id=gone.pk).exists()
    # The missing episode stays for past returns, without what happened or where.
    episode = MissingEpisode.objects.get(person_id=gone.pk)
    assert episode.started_on == dt.date(2019, 7, 4) and episode.circumstances == ""
    assert MissingEpisode.objects.get(person=council.held).circumstances != ""
    assert not DestructionApproval.objects.exists()
    logged = AuditEvent.objects.get(record_type="destruction")
    assert logged.person_id is None and logged.actor_label == "frontdoor retention"
    assert retention.review_for(council.held) is not None


def _snapshot() -> dict[str, Any]:
    counts = {m._meta.label: m._base_manager.count() for m in apps.get_models()}
    people = list(Person.objects.order_by("pk").values())
    return {"counts": counts, "people": people}


def test_a_failed_destruction_leaves_everything_as_it_was(council, officer, monkeypatch):
    approval = holds.approve(council.due, user=officer)
    before = _snapshot()

    def fault(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(destruction, "_access_log", fault)
    with pytest.raises(RuntimeError, match="disk full"):
        destruction.destroy(approval, carried_out_by="test")
    assert _snapshot() == before
    assert not Destruction.objects.exists()


def test_rows_of_any_app_that_protect_a_destroyed_record_go_with_it(council):
    episode = CINEpisode.objects.get(person=council.due)
    contact = episode.contact
    MashEnquiry.objects.create(
        contact=contact, opened_by=make_persona("social_worker"), opened_at=timezone.now()
    )
    CINEpisode.objects.filter(pk=episode.pk).update(contact=None)
    counts: Counter[str] = Counter()
    destruction._delete(counts, Contact.objects.filter(pk=contact.pk))
    assert counts["mash.MashEnquiry"] == 1 and counts["contacts.Contact"] == 1
    assert not Contact.objects.filter(pk=contact.pk).exists()

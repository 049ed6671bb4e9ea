import datetime as dt

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.models import Contact
from frontdoor.lib.errors import ActionError
from frontdoor.mash.actions import (
    answer_check,
    open_mash_enquiry,
    recompute_open_clocks,
    request_more_time,
)
from frontdoor.mash.models import AgencyCheck, ExtensionRequest, RagChange
from frontdoor.mash.tests.conftest import LONDON, MONDAY
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db


def _answer(check: AgencyCheck, user, **overrides):
    fields = {
        "answered_by": user,
        "answered_by_name": "",
        "known": True,
        "what_is_known": "Two call-outs for a domestic incident in 2024.",
        "risk_indicators": ["domestic-abuse"],
        "source_system": "Niche RMS",
        "source_date": dt.date(2024, 11, 2),
        "at": MONDAY + dt.timedelta(hours=2),
    }
    fields.update(overrides)
    return answer_check(check, **fields)


def test_opening_an_enquiry_gives_each_check_a_clock_from_the_contacts_rag(enquiry):
    checks = list(enquiry.checks.order_by("agency__slug"))
    assert [c.agency.slug for c in checks] == ["health", "police"]
    # Amber: close of business on the next working day.
    assert all(c.due_at == dt.datetime(2025, 3, 11, 17, 0, tzinfo=LONDON) for c in checks)
    assert all(c.status == AgencyCheck.Status.OPEN for c in checks)


def test_opening_an_enquiry_is_audited_and_in_the_childs_chronology(enquiry):
    contact = enquiry.contact
    assert AuditEvent.objects.filter(record_type="mashenquiry", contact_id=contact.pk).exists()
    person = contact.child_subjects().get().person
    summaries = ChronologyEvent.objects.filter(person=person).values_list("summary", flat=True)
    assert "MASH enquiry opened: checks asked of Police, Health" in summaries


def test_an_untriaged_contact_cannot_have_a_mash_enquiry(persona, police):
    contact = make_contact()
    with pytest.raises(ActionError, match="Triage the contact"):
        open_mash_enquiry(contact, persona("social_worker"), [(police, "Known?")])


def test_a_decided_contact_cannot_have_a_mash_enquiry(persona, triaged_contact, police):
    Contact.objects.filter(pk=triaged_contact.pk).update(status=Contact.Status.DECIDED)
    triaged_contact.refresh_from_db()
    with pytest.raises(ActionError, match="already been decided"):
        open_mash_enquiry(triaged_contact, persona("social_worker"), [(police, "Known?")])


def test_an_enquiry_needs_an_agency_and_a_question_for_each(persona, triaged_contact, police):
    worker = persona("social_worker")
    with pytest.raises(ActionError, match="Choose at least one agency") as error:
        open_mash_enquiry(triaged_contact, worker, [])
    assert error.value.field == "agencies"
    with pytest.raises(ActionError, match="Write the question for Police"):
        open_mash_enquiry(triaged_contact, worker, [(police, "  ")])
    with pytest.raises(ActionError, match="Ask each agency only once"):
        open_mash_enquiry(triaged_contact, worker, [(police, "A?"), (police, "B?")])


def test_a_contact_has_only_one_open_enquiry(persona, enquiry, police):
    with pytest.raises(ActionError, match="already has an open MASH enquiry"):
        open_mash_enquiry(enquiry.contact, persona("social_worker"), [(police, "Again?")])


def test_an_answer_in_time_is_recorded_with_its_provenance(persona, enquiry):
    partner = persona("police_partner")
    check = enquiry.checks.get(agency__slug="police")
    answer = _answer(check, partner)
    check.refresh_from_db()
    assert check.status == AgencyCheck.Status.ANSWERED
    assert answer.answered_by == partner and answer.answered_by_name == partner.display_name
    assert answer.source_system == "Niche RMS" and answer.via == "portal"
    assert answer.is_late is False
    assert answer.risk_indicators == ["domestic-abuse"]


def test_an_answer_after_the_due_time_is_marked_late(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    answer = _answer(check, persona("police_partner"), at=check.due_at + dt.timedelta(minutes=1))
    assert answer.is_late is True


def test_an_api_answer_needs_a_name_and_has_no_user(enquiry):
    check = enquiry.checks.get(agency__slug="police")
    with pytest.raises(ActionError, match="Give the name"):
        _answer(check, None)
    answer = _answer(check, None, answered_by_name="PC Smith", via="api")
    assert answer.answered_by is None and answer.answered_by_name == "PC Smith"


def test_a_check_cannot_be_answered_twice(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    _answer(check, persona("police_partner"))
    with pytest.raises(ActionError, match=r"This check has already been answered\."):
        _answer(check, persona("police_partner"))


def test_a_withdrawn_check_cannot_be_answered(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    AgencyCheck.objects.filter(pk=check.pk).update(status=AgencyCheck.Status.WITHDRAWN)
    with pytest.raises(ActionError, match="withdrawn"):
        _answer(check, persona("police_partner"))


def test_an_answer_saying_known_must_say_what_is_known(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    with pytest.raises(ActionError, match=r"Say what your agency knows\.") as error:
        _answer(check, persona("police_partner"), what_is_known=" ")
    assert error.value.field == "what_is_known"


def test_an_answer_refuses_unknown_risk_indicators_and_future_source_dates(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    partner = persona("police_partner")
    with pytest.raises(ActionError, match="Unknown risk indicator: gambling"):
        _answer(check, partner, risk_indicators=["gambling"])
    with pytest.raises(ActionError, match="today or in the past"):
        _answer(check, partner, source_date=dt.date(2025, 3, 11))


def test_a_partner_can_ask_for_more_time_once_with_a_reason(persona, enquiry):
    check = enquiry.checks.get(agency__slug="health")
    partner = persona("health_partner")
    with pytest.raises(ActionError, match="Say why your agency needs more time"):
        request_more_time(check, partner, "")
    request_more_time(check, partner, "GP records are held off site.", at=MONDAY)
    assert ExtensionRequest.objects.get(check_request=check).decision == "pending"
    with pytest.raises(ActionError, match="already asked for more time"):
        request_more_time(check, partner, "Still waiting.")


def test_more_time_cannot_be_asked_on_an_answered_check(persona, enquiry):
    check = enquiry.checks.get(agency__slug="police")
    _answer(check, persona("police_partner"))
    check.refresh_from_db()
    with pytest.raises(ActionError, match="no longer waiting for an answer"):
        request_more_time(check, persona("police_partner"), "More time please.")


def test_a_rag_change_retimes_open_checks_and_records_who_and_why(persona, enquiry):
    worker = persona("social_worker")
    _answer(enquiry.checks.get(agency__slug="police"), persona("police_partner"))
    recompute_open_clocks(enquiry.contact, worker, "red", "Police report a weapon in the home.")
    health = enquiry.checks.get(agency__slug="health")
    police = enquiry.checks.get(agency__slug="police")
    assert health.due_at == dt.datetime(2025, 3, 10, 14, 0, tzinfo=LONDON)  # 4 working hours
    assert police.due_at == dt.datetime(2025, 3, 11, 17, 0, tzinfo=LONDON)  # answered: kept
    change = RagChange.objects.get(contact=enquiry.contact)
    assert (change.from_rag, change.to_rag, change.changed_by) == ("amber", "red", worker)
    assert change.reason == "Police report a weapon in the home."
    enquiry.contact.refresh_from_db()
    assert enquiry.contact.rag == "red"


def test_a_rag_change_needs_a_reason_and_a_different_rating(persona, enquiry):
    worker = persona("social_worker")
    with pytest.raises(ActionError, match="Say why the RAG rating is changing"):
        recompute_open_clocks(enquiry.contact, worker, "red", "")
    with pytest.raises(ActionError, match="already rated Amber"):
        recompute_open_clocks(enquiry.contact, worker, "amber", "No change")
    assert not RagChange.objects.exists()

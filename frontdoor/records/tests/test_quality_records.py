"""The quality app describes its own records (frontdoor/quality/personal_data.py): a quality
audit of a contact about the child is gathered, its agencies' views offered for redaction,
and it goes (with its moderation and learning actions) when the child's record is destroyed."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.casework.models import CINEpisode
from frontdoor.quality.models import (
    AgencyView,
    Audit,
    AuditKind,
    LearningAction,
    Moderation,
    Programme,
    Sample,
)
from frontdoor.records import actions, destruction, holds
from frontdoor.records.tests.council import build
from frontdoor.test import make_persona

pytestmark = pytest.mark.django_db


def test_a_quality_audit_of_the_childs_contact_is_gathered_and_destroyed():
    worker = make_persona("social_worker")
    council = build(worker)
    officer = make_persona("information_governance")
    contact = CINEpisode.objects.get(person=council.due).contact
    now = timezone.now()
    programme = Programme.objects.create(
        month=dt.date(2019, 6, 1),
        kind=AuditKind.objects.get(slug="front-door-decision"),
        count=1,
        method="random",
        created_by=worker,
        created_at=now,
    )
    sample = Sample.objects.create(
        programme=programme, seed=1, population=1, drawn_by=worker, drawn_at=now
    )
    audit = Audit.objects.create(
        sample=sample,
        contact=contact,
        auditor=worker,
        grade="good",
        summary="Zebedee was seen the same day.",
        completed_at=now,
    )
    AgencyView.objects.create(
        audit=audit, agency=Agency.objects.get(slug="police"), attended=True, view="Known to us."
    )
    Moderation.objects.create(
        audit=audit, moderator=worker, grade="good", comment="Agreed.", moderated_at=now
    )
    LearningAction.objects.create(
        audit=audit,
        owner=worker,
        what="Record Zebedee's views.",
        due_date=dt.date(2019, 7, 1),
        created_by=worker,
        created_at=now,
    )
    sar = actions.log_request(
        council.due,
        requester="subject",
        requester_name="Zebedee Quillfeather",
        received_on=dt.date(2026, 11, 1),
        user=officer,
    )
    actions.gather_for(sar, user=officer)
    item = sar.items.get(source_key="quality-audits")
    assert item.title == f"Quality audit of contact {contact.reference}"
    assert item.partner_fields == ["View of Police"]
    assert ["Learning action", "Record Zebedee's views. (by 1 July 2019)"] in item.fields

    record = destruction.destroy(holds.approve(council.due, user=officer), carried_out_by="test")
    assert not Audit.objects.filter(pk=audit.pk).exists()
    assert record.counts["quality.Moderation"] == 1 and record.counts["quality.LearningAction"] == 1

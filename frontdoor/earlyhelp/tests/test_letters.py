"""The family's letter: plain English (reading age measured), a page and a tagged PDF."""

import io

import pikepdf
import pytest
import textstat
from django.urls import reverse

from frontdoor.earlyhelp.actions import request_step_up
from frontdoor.earlyhelp.letters import letter_for
from frontdoor.earlyhelp.models import StepDecision
from frontdoor.earlyhelp.tests.conftest import decide
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

# Flesch-Kincaid grade 5 is a UK reading age of about 10 (grade + 5): most adults read it.
MOST_DIFFICULT_GRADE = 5.0


def _stepped_up(family, practitioner, worker, persona):
    episode = family()
    step = request_step_up(
        episode,
        children=episode.children(),
        worries="Amelia said Mum's partner hits Mum.",
        tried="Routines work and a parenting course.",
        user=practitioner,
    )
    decide(
        step.contact,
        worker,
        persona("other_manager"),
        "referral",
        comment="Amelia is not safe at home. A social worker needs to help.",
    )
    step.refresh_from_db()
    return step


def test_the_letter_says_what_was_decided_in_plain_words(family, practitioner, worker, persona):
    up = _stepped_up(family, practitioner, worker, persona)
    down = StepDecision.objects.get(direction="down")
    for step in (up, down):
        letter = letter_for(step)
        grade = textstat.flesch_kincaid_grade(letter.text())
        print(f"{letter.title}: Flesch-Kincaid grade {grade:.1f}, reading age {grade + 5:.0f}")
        assert grade <= MOST_DIFFICULT_GRADE, letter.text()
        assert "If you do not agree" in [heading for heading, _ in letter.sections]
    page = client_for(practitioner).get(reverse("earlyhelp:letter", args=[up.pk]))
    text = page.content.decode()
    assert "A social worker will now work with your family" in text
    assert "Amelia is not safe at home." in text and "Other Manager Persona" in text


def test_the_pdf_letter_is_tagged_with_a_structure_tree_and_a_language(
    family, practitioner, worker, persona
):
    step = _stepped_up(family, practitioner, worker, persona)
    response = client_for(practitioner).get(reverse("earlyhelp:letter-pdf", args=[step.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = pikepdf.open(io.BytesIO(response.content))
    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) == "en-GB"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert "A social worker will now work with your family" in str(pdf.docinfo.get("/Title"))

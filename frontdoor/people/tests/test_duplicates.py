"""`frontdoor people find-duplicates` proposes duplicates, flags twins, remembers decisions."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.lib.errors import ActionError
from frontdoor.people.duplicates import mark_different_people, propose_duplicates
from frontdoor.people.models import DuplicatePair
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import make_persona

pytestmark = pytest.mark.django_db

BORN = dt.date(2016, 5, 10)


def _pair(a, b):
    first, second = sorted([a, b], key=lambda p: p.pk)
    return DuplicatePair.objects.filter(first=first, second=second).first()


@pytest.mark.parametrize(
    ("given", "family", "born", "postcode"),
    [
        ("Millie", "Okafor", BORN, POSTCODE),  # nickname
        ("Amelia", "Okafro", BORN, POSTCODE),  # typo
        ("Amelia", "Okafor", dt.date(2016, 10, 5), POSTCODE),  # day and month swapped
        ("Amelia", "Okafor", BORN, "BS22 6AA"),  # moved house
    ],
    ids=["nickname", "typo", "swapped-date", "moved-house"],
)
def test_duplicates_with_common_errors_are_proposed(given, family, born, postcode):
    original = add_person("Amelia", "Okafor", BORN, POSTCODE)
    copy = add_person(given, family, born, postcode)
    found = propose_duplicates()
    pair = _pair(original, copy)
    assert found.proposed == 1 and pair is not None
    assert pair in DuplicatePair.objects.awaiting_review()
    assert pair.reasons and 0.5 <= pair.probability <= 1


def test_twins_are_flagged_and_never_suggested():
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    grace = add_person("Grace", "Okafor", BORN, POSTCODE)
    found = propose_duplicates()
    pair = _pair(amelia, grace)
    assert found.flagged_twins == 1
    assert pair.is_likely_twin_or_sibling
    assert not DuplicatePair.objects.awaiting_review().exists()
    assert list(DuplicatePair.objects.flagged_twins_or_siblings()) == [pair]
    assert any("twins" in d for d in pair.differences)


def test_different_people_are_remembered_and_not_proposed_again():
    manager = make_persona("team_manager")
    original = add_person("Amelia", "Okafor", BORN, POSTCODE)
    copy = add_person("Millie", "Okafor", BORN, POSTCODE)
    propose_duplicates()
    mark_different_people(_pair(original, copy), manager)

    found = propose_duplicates()

    assert found.proposed == 0 and found.not_proposed_again == 1
    assert _pair(original, copy).status == DuplicatePair.Status.DIFFERENT
    assert not DuplicatePair.objects.awaiting_review().exists()
    assert AuditEvent.objects.filter(
        person_id=original.pk, summary__startswith="Marked as a different person"
    ).exists()
    with pytest.raises(ActionError, match="already been reviewed"):
        mark_different_people(_pair(original, copy), manager)


def test_running_again_re_scores_rather_than_duplicating_proposals():
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Millie", "Okafor", BORN, POSTCODE)
    propose_duplicates()
    found = propose_duplicates()
    assert (found.proposed, found.updated) == (0, 1)
    assert DuplicatePair.objects.count() == 1


def test_unrelated_people_are_not_proposed():
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Oliver", "Smith", dt.date(2012, 1, 3), "BS22 6AA")
    assert propose_duplicates().proposed == 0


def test_the_command_reports_what_it_did():
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Millie", "Okafor", BORN, POSTCODE)
    out = io.StringIO()
    call_command("people", "find-duplicates", stdout=out)
    assert "1 new pairs proposed" in out.getvalue()

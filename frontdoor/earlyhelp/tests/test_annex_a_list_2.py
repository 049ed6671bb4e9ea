"""Ofsted Annex A List 2 is filled from the Family Strengths and Needs assessments."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.contacts.models import LevelOfNeed
from frontdoor.earlyhelp.actions import (
    AssessmentInput,
    ChildPart,
    complete_assessment,
    start_assessment,
)
from frontdoor.returns.annex_a.lists import list_2
from frontdoor.returns.annex_a.window import Window

pytestmark = pytest.mark.django_db


def _complete(assessment, day, children, user):
    return complete_assessment(
        assessment,
        AssessmentInput(
            completed_on=day,
            level_of_need=LevelOfNeed.objects.get(rank=2),
            consent="given",
            family_strengths="Close family.",
            family_needs="Routines.",
            family_words="We want calmer mornings.",
            headings=["education"],
            children={c.pk: ChildPart(voice="I like school.") for c in children},
        ),
        user=user,
    )


def test_list_2_has_a_row_per_child_per_assessment_and_the_current_early_help(family, practitioner):
    today = timezone.localdate()
    done, doing, none = family(siblings=1), family(), family()
    done_children = done.children()
    from frontdoor.earlyhelp.actions import add_children
    from frontdoor.people.models import Person

    add_children(
        done,
        [Person.objects.get(given_name="Ben", pk__gt=done_children[0].pk)],
        on=today,
        user=practitioner,
    )
    completed = start_assessment(done, started_on=today, user=practitioner)
    _complete(completed, today, done.children(), practitioner)
    start_assessment(doing, started_on=today, user=practitioner)
    rows = list_2(Window.ending(today))
    by_completion = [r for r in rows if r[6] == today]
    assert len(by_completion) == 2  # Amelia and Ben, one assessment
    assert {r[7] for r in by_completion} == {"North Somerset Council Family Wellbeing"}
    in_progress = [r for r in rows if r[5] == today and r[6] is None]
    assert len(in_progress) == 1
    current = [r for r in rows if r[5] is None]
    assert len(current) == 1 and len(none.children()) == 1
    assert len(rows) == 4
    assert list_2(Window.ending(today - dt.timedelta(days=1))) != rows

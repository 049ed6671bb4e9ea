"""The early-help pages: every form refuses bad input with an error summary and writes
nothing; a partner lead professional sees only their families; every read is logged."""

import pytest
from django.urls import reverse

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.earlyhelp.actions import (
    OutcomeInput,
    add_plan_outcomes,
    allocate_lead_professional,
    start_assessment,
)
from frontdoor.earlyhelp.models import (
    Episode,
    FamilyAssessment,
    Member,
    PlanOutcome,
    StepDecision,
    TafMeeting,
    TafMember,
)
from frontdoor.earlyhelp.work_views import WORK
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    models = [Episode, Member, FamilyAssessment, PlanOutcome, StepDecision, TafMeeting, TafMember]
    return (
        *tuple(m.objects.count() for m in models),
        Episode.objects.filter(closure_date__isnull=False).count(),
        Episode.objects.filter(lead_professional__isnull=False).count(),
    )


def test_bad_input_in_every_form_gives_an_error_summary_and_writes_nothing(
    family, manager, practitioner
):
    episode = family(siblings=1)
    start_assessment(episode, started_on=episode.start_date, user=practitioner)
    add_plan_outcomes(
        episode,
        [OutcomeInput("education", "At school every day", "Mum", episode.start_date)],
        on=episode.start_date,
        user=practitioner,
    )
    client = client_for(manager)
    bad = {"held_on-day": "31", "held_on-month": "2", "held_on-year": "2025"}
    for work in WORK:
        if work.slug == "start-assessment":
            continue  # one is in progress: the page is not offered (404 below)
        url = reverse(f"earlyhelp:{work.slug}", args=[episode.pk])
        assert client.get(url).status_code == 200, work.slug
        before = _counts()
        response = client.post(url, bad)
        assert response.status_code == 400, work.slug
        assert "There is a problem" in response.content.decode(), work.slug
        assert _counts() == before, work.slug
    url = reverse("earlyhelp:start-assessment", args=[episode.pk])
    assert client.get(url).status_code == 404


def test_a_partner_lead_professional_sees_their_family_and_gets_404_on_another(
    family, manager, persona
):
    mine, theirs = family(), family()
    health = persona("health_partner")
    allocate_lead_professional(mine, lead=health, user=manager)
    client = client_for(health)
    assert client.get(reverse("earlyhelp:episode", args=[mine.pk])).status_code == 200
    assert client.get(reverse("earlyhelp:episode", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("earlyhelp:close", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("earlyhelp:plan", args=[theirs.pk]), {}).status_code == 404
    caseload = client.get(reverse("earlyhelp:caseload")).content.decode()
    assert str(mine.children()[0].given_name) in caseload
    assert reverse("earlyhelp:episode", args=[theirs.pk]) not in caseload
    police = client_for(persona("police_partner"))
    assert police.get(reverse("earlyhelp:episode", args=[mine.pk])).status_code == 404


def test_every_read_of_a_family_is_logged_for_each_child(family, practitioner):
    episode = family(siblings=1)
    ben = episode.children()[0]
    client_for(practitioner).get(reverse("earlyhelp:episode", args=[episode.pk]))
    for child in episode.children():
        assert AuditEvent.objects.filter(
            action="view", user=practitioner, person_id=child.pk, summary="Viewed early help"
        ).exists()
    assert ben


def test_a_restricted_childs_early_help_stays_hidden_from_early_help(family, practitioner):
    from frontdoor.accounts.models import Team
    from frontdoor.people.models import Person

    episode = family()
    child = episode.children()[0]
    Person.objects.filter(pk=child.pk).update(
        restricted_to_team=Team.objects.get_or_create(name="Children with Disabilities")[0]
    )
    assert (
        client_for(practitioner).get(reverse("earlyhelp:episode", args=[episode.pk])).status_code
        == 404
    )


def test_an_administrator_edits_the_councils_list_of_services(persona):
    from frontdoor.earlyhelp.models import Service

    client = client_for(persona("administrator"))
    page = client.get(reverse("accounts:settings")).content.decode()
    assert "Early-help services" in page and "Targeted youth support" in page
    url = reverse("earlyhelp:new-service")
    response = client.post(url, {"name": "Targeted youth support", "order": "5"})
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    client.post(url, {"name": "Parenting programmes", "order": "40", "is_active": "on"})
    assert Service.objects.filter(name="Parenting programmes", is_active=True).exists()
    assert client_for(persona("early_help")).get(url).status_code == 404


def test_a_partner_in_the_team_around_the_family_sees_that_family(family, practitioner, persona):
    from frontdoor.earlyhelp.actions import add_taf_member

    episode = family()
    school = persona("police_partner")
    url = reverse("earlyhelp:episode", args=[episode.pk])
    assert client_for(school).get(url).status_code == 404
    add_taf_member(episode, member=school, on=episode.start_date, user=practitioner)
    assert client_for(school).get(url).status_code == 200

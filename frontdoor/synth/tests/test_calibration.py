import io
import json

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def within_5_percent(value: float, target: float) -> bool:
    return abs(value - target) <= 0.05 * target


def test_seeded_north_somerset_reproduces_the_published_2022_23_figures():
    """data-and-returns.md §5: 9,293 contacts, 1,024 referrals, 11.9% re-referred."""
    call_command("seed", "--years=2", "--end=2023-03-31", "--seed=1", stdout=io.StringIO())
    out = io.StringIO()
    call_command("kpis", "--from=2022-04-01", "--to=2023-03-31", "--format=json", stdout=out)
    figures = json.loads(out.getvalue())
    assert within_5_percent(figures["contacts"], 9_293), figures
    assert within_5_percent(figures["referrals"], 1_024), figures
    assert within_5_percent(figures["re_referral_rate"], 11.9), figures
    assert within_5_percent(figures["domestic_abuse_contacts"], 654), figures

import pytest

pytestmark = pytest.mark.django_db


def test_the_default_clocks_and_risk_indicators_are_installed():
    from frontdoor.mash.models import CheckClockRule, RiskIndicator

    defaults = CheckClockRule.objects.filter(agency__isnull=True)
    assert {(r.rag, r.mode, r.amount) for r in defaults} == {
        ("red", "working_hours", 4),
        ("amber", "working_days", 1),
        ("green", "working_days", 3),
    }
    assert RiskIndicator.objects.filter(code="domestic-abuse", is_active=True).exists()

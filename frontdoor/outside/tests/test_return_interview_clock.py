"""The 72-hour return home interview clock counts real hours (weekends too), is shown on
the ROTH caseload and is swept by `frontdoor tick`."""

import datetime as dt

import pytest
from django.urls import reverse

from frontdoor.notifications.clocks import registered_clocks, sweep_all
from frontdoor.notifications.models import Notification
from frontdoor.outside import actions
from frontdoor.outside.models import MissingEpisode
from frontdoor.outside.tests.conftest import D, at, refused
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


def test_a_child_back_on_friday_evening_is_owed_an_offer_by_monday_evening(child, missing):
    friday = D(2026, 3, 6)
    episode = missing(child, at(friday - dt.timedelta(days=1), 20), back=at(friday, 18))
    assert episode.rhi_due_at == at(D(2026, 3, 9), 18)  # 72 real hours, across the weekend


def test_tick_flags_an_interview_not_offered_within_72_hours_once(child, missing):
    episode = missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))
    assert "outside:return-interviews" in [clock.key for clock in registered_clocks()]
    assert (
        dict((c.key, n) for c, n in sweep_all(at(D(2026, 3, 9), 17, 59)))[
            "outside:return-interviews"
        ]
        == 0
    )
    swept = dict((c.key, n) for c, n in sweep_all(at(D(2026, 3, 9), 18, 1)))
    assert swept["outside:return-interviews"] == 1
    assert (
        dict((c.key, n) for c, n in sweep_all(at(D(2026, 3, 10), 9)))["outside:return-interviews"]
        == 0
    )
    notice = Notification.objects.about(episode).get()
    assert "72 hours" in notice.body and child.full_name not in notice.body
    episode.refresh_from_db()
    assert episode.rhi_overdue_notified_at is not None


def test_an_offer_stops_the_clock(child, missing, roth):
    episode = missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))
    actions.record_interview_offer(
        episode, offered_at=at(D(2026, 3, 9), 10), user=roth, at=at(D(2026, 3, 9), 10)
    )
    assert not MissingEpisode.objects.interview_due().exists()
    assert (
        dict((c.key, n) for c, n in sweep_all(at(D(2026, 3, 10), 9)))["outside:return-interviews"]
        == 0
    )
    assert episode.interview.is_offered_within_72_hours() is True


def test_the_clock_shows_on_the_roth_caseload(child, missing, roth):
    missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))
    page = client_for(roth).get(reverse("outside:caseload")).content.decode()
    assert "Return home interviews due" in page and child.full_name in page
    assert "Overdue by" in page  # 6 March 2026 is long past


def test_a_return_before_the_child_was_last_seen_is_refused(child, missing, roth):
    episode = missing(child, at(D(2026, 3, 5), 20))
    error = refused(actions.record_return, episode, returned_at=at(D(2026, 3, 5), 19), user=roth)
    assert "cannot be before the child was last seen" in error.message
    episode.refresh_from_db()
    assert episode.returned_at is None and episode.rhi_due_at is None

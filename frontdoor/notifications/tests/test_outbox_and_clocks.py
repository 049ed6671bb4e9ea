import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from frontdoor.accounts.models import Team
from frontdoor.notifications import clocks
from frontdoor.notifications.actions import queue_notification, send_notifications
from frontdoor.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_queued_notification_names_the_record_it_is_about_and_is_sent_once(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    team = Team.objects.create(name="Family Wellbeing")
    now = timezone.now()
    queue_notification(
        to=["lead@council.example", "manager@council.example"],
        subject="Something is overdue",
        body="Sign in to Front Door.",
        about=team,
        now=now,
    )
    row = Notification.objects.about(team).get()
    assert (row.about_type, row.about_id) == ("team", str(team.pk))
    assert send_notifications(now) == (1, 0)
    assert send_notifications(now) == (0, 0)
    assert mail.outbox[0].to == ["lead@council.example", "manager@council.example"]


def test_tick_sweeps_every_registered_clock_and_reports_each(capsys, monkeypatch):
    swept: list[dt.datetime] = []

    def sweep(now: dt.datetime) -> int:
        swept.append(now)
        return 3

    monkeypatch.setattr(clocks, "_clocks", dict(clocks._clocks))
    clocks.register_clock(clocks.Clock("test:things", "things newly overdue", sweep))
    call_command("tick")
    out = capsys.readouterr().out
    assert "3 things newly overdue" in out
    assert "0 checks newly overdue" in out  # the MASH registers its clock too
    assert len(swept) == 1

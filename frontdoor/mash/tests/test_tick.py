import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from frontdoor.mash.actions import answer_check
from frontdoor.mash.actions import flag_overdue_checks as tick
from frontdoor.mash.models import AgencyCheck, AgencyMashSettings
from frontdoor.notifications.actions import send_notifications
from frontdoor.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _after_due(enquiry) -> dt.datetime:
    return enquiry.checks.first().due_at + dt.timedelta(minutes=5)


def test_tick_marks_open_checks_past_due_as_overdue(enquiry):
    assert tick(_after_due(enquiry)) == 2
    assert set(enquiry.checks.values_list("is_overdue", flat=True)) == {True}


def test_tick_before_the_due_time_flags_nothing(enquiry):
    assert tick(enquiry.checks.first().due_at - dt.timedelta(minutes=1)) == 0
    assert not Notification.objects.exists()


def test_tick_queues_exactly_one_notification_per_overdue_check_even_when_run_twice(enquiry):
    now = _after_due(enquiry)
    tick(now)
    tick(now + dt.timedelta(minutes=10))
    for check in enquiry.checks.all():
        assert Notification.objects.about(check).count() == 1


def test_an_answered_check_is_never_flagged_overdue(persona, enquiry):
    police = enquiry.checks.get(agency__slug="police")
    answer_check(police, answered_by=persona("police_partner"), answered_by_name="", known=False)
    tick(_after_due(enquiry))
    police.refresh_from_db()
    assert police.is_overdue is False
    assert not Notification.objects.about(police).exists()


def test_the_notice_goes_to_the_agency_lead_and_the_mash_manager(settings, enquiry, police):
    settings.MASH_MANAGER_EMAIL = "mash-team@council.example"
    AgencyMashSettings.objects.create(agency=police, lead_email="desk@police.example")
    tick(_after_due(enquiry))
    notice = Notification.objects.about_any(AgencyCheck.objects.filter(agency=police)).get()
    assert notice.recipients == ["desk@police.example", "mash-team@council.example"]
    assert enquiry.contact.reference in notice.subject
    assert "Amelia" not in notice.body and "bruises" not in notice.body


def test_without_a_lead_address_the_notice_goes_to_the_default_mash_manager(enquiry, health):
    tick(_after_due(enquiry))
    notice = Notification.objects.about_any(AgencyCheck.objects.filter(agency=health)).get()
    assert notice.recipients == ["mash-manager@example.invalid"]


def test_sending_the_outbox_sends_each_row_once(settings, enquiry):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    now = _after_due(enquiry)
    tick(now)
    assert send_notifications(now) == (2, 0)
    assert send_notifications(now) == (0, 0)
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


def test_a_failed_send_is_kept_and_retried_later(settings, enquiry):
    settings.EMAIL_BACKEND = "frontdoor.mash.tests.failing_mail.EmailBackend"
    now = _after_due(enquiry)
    tick(now)
    assert send_notifications(now) == (0, 2)
    rows = list(Notification.objects.all())
    assert len(rows) == 2
    assert all(r.sent_at is None and r.attempts == 1 for r in rows)
    assert all("SMTP server unavailable" in r.last_error for r in rows)
    assert send_notifications(now) == (0, 0)  # waits before trying again

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_notifications(now + dt.timedelta(hours=1)) == (2, 0)
    assert Notification.objects.filter(sent_at__isnull=False, attempts=2).count() == 2


def test_the_tick_command_flags_overdue_checks_and_sends_reminders(settings, enquiry, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    AgencyCheck.objects.update(due_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    call_command("tick")
    out = capsys.readouterr().out
    assert "2 checks newly overdue" in out
    assert "2 notifications sent, 0 failed" in out
    assert len(mail.outbox) == 2

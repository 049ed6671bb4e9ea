"""A child's earlier contacts, referrals and episodes, as the decision screen and the child's
record show them."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.codes import Outcome
from frontdoor.contacts.models import Contact
from frontdoor.lib.dates import within_months_start


@dataclass
class ChildHistory:
    contacts: list[Contact] = field(default_factory=list)
    episodes: list[CINEpisode] = field(default_factory=list)
    contacts_last_12_months: int = 0
    referrals_last_12_months: int = 0
    not_progressed_last_12_months: int = 0
    cumulative_concern: bool = False

    @property
    def open_episodes(self) -> list[CINEpisode]:
        return [e for e in self.episodes if e.is_open]


def child_history(
    person: Any, as_of: dt.date | None = None, exclude: Contact | None = None
) -> ChildHistory:
    """A child's earlier contacts and referrals, with the cumulative-concern alert.

    The alert fires when the child has had `FRONTDOOR_CUMULATIVE_CONCERN_THRESHOLD` or more
    contacts in the window that did not progress to a referral or early help: the learning
    from neglect case reviews, where repeated low-level worries were each closed alone.
    """
    as_of = as_of or timezone.localdate()
    since = within_months_start(as_of, settings.FRONTDOOR_CUMULATIVE_CONCERN_MONTHS)
    found = Contact.objects.filter(subjects__person=person, received_date__lte=as_of)
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    contacts = list(found.distinct().order_by("-received_at"))
    episodes_found = CINEpisode.objects.filter(person=person)
    if exclude is not None:  # the episode this contact opened is not earlier history
        episodes_found = episodes_found.exclude(contact=exclude)
    episodes = list(episodes_found.order_by("-referral_date"))
    recent = [c for c in contacts if c.received_date >= since]
    progressed = {Outcome.REFERRAL, Outcome.STRATEGY_DISCUSSION, Outcome.EARLY_HELP}
    not_progressed = [c for c in recent if c.outcome and c.outcome not in progressed]
    year_ago = within_months_start(as_of, 12)
    return ChildHistory(
        contacts=contacts,
        episodes=episodes,
        contacts_last_12_months=len(recent),
        referrals_last_12_months=sum(1 for e in episodes if e.referral_date >= year_ago),
        not_progressed_last_12_months=len(not_progressed),
        cumulative_concern=len(not_progressed) >= settings.FRONTDOOR_CUMULATIVE_CONCERN_THRESHOLD,
    )

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdoor.lib.errors import ActionError
from frontdoor.outside import actions
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person

LONDON = ZoneInfo("Europe/London")
D = dt.date


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def refused(call: Callable[..., Any], *args: Any, **kwargs: Any) -> ActionError:
    with pytest.raises(ActionError) as raised:
        call(*args, **kwargs)
    return raised.value


@pytest.fixture
def roth(persona: Any) -> Any:
    return persona("roth_worker")


@pytest.fixture
def make_child(roth: Any) -> Callable[..., Person]:
    def make(given: str = "Jade", born: dt.date | None = None, **fields: Any) -> Person:
        born = born or D(2010, 6, 1)
        return create_person(
            roth,
            kind="child",
            given_name=given,
            family_name="Morgan",
            date_of_birth=born,
            nhs_number=fields.pop("nhs_number", ""),
            postcode=fields.pop("postcode", "BS23 1UJ"),
            address="1 High Street",
            **fields,
        )

    return make


@pytest.fixture
def child(make_child: Callable[..., Person]) -> Person:
    return make_child(nhs_number="9990000018")


@pytest.fixture
def missing(roth: Any) -> Callable[..., MissingEpisode]:
    """missing(child, since, back=None): a child reported missing from home, maybe back."""

    def report(
        person: Person, since: dt.datetime, back: dt.datetime | None = None
    ) -> MissingEpisode:
        episode = actions.report_missing_episode(
            person,
            kind="missing",
            missing_from="home",
            missing_since=since,
            reported_at=since + dt.timedelta(hours=1),
            user=roth,
            at=since + dt.timedelta(hours=1),
        )
        if back is not None:
            episode = actions.record_return(episode, returned_at=back, user=roth, at=back)
        return episode

    return report

"""What casework adds to the person index (registered from `CaseworkConfig.ready()`).

- A merge rule: a child has one open child in need episode at a time (DfE CIN census: episodes
  never overlap), so two records that each have an open episode are not merged.
"""

from frontdoor.casework.models import CINEpisode
from frontdoor.lib.errors import ActionError
from frontdoor.people.hooks import register_merge_check
from frontdoor.people.models import Person


def check_one_open_episode(survivor: Person, merged: Person) -> None:
    """Refuse to merge two records that each have an open child in need episode."""
    open_episodes = CINEpisode.objects.filter(person__in=[survivor, merged]).currently_open()
    if len({e.person_id for e in open_episodes}) > 1:
        raise ActionError(
            "Both records have an open child in need episode. Close one before merging: "
            "a child has one open episode at a time."
        )


def register() -> None:
    register_merge_check("casework:one-open-episode", check_one_open_episode)

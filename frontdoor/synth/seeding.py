"""Seed a synthetic council: plan it, then store it through the actions."""

import datetime as dt
import time
from dataclasses import dataclass

from django.utils import timezone

from frontdoor.kpis.actions import record_population_estimate
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import measure_all
from frontdoor.people.models import Person
from frontdoor.synth.execute import Executor, Say
from frontdoor.synth.outside import OutsideStory
from frontdoor.synth.plan import Plan
from frontdoor.synth.planner import Planner
from frontdoor.synth.profile import PROFILES
from frontdoor.synth.staff import seed_staff
from frontdoor.synth.timing import local

SHOWN = [
    ("contacts", "Contacts (per child)"),
    ("domestic_abuse_contacts", "Domestic abuse contacts"),
    ("referrals", "Referrals"),
    ("re_referral_rate", "Re-referral rate %"),
    ("decisions_within_one_working_day_rate", "Decided within 1 working day %"),
    ("consultations", "Consultations"),
    ("icpcs", "Initial conferences"),
    ("cin_plans_at_end", "CIN plans at year end"),
    ("cp_plans_at_end", "CP plans at year end"),
    ("cp_second_or_subsequent_rate", "CP second or subsequent %"),
    ("cla_at_end", "Looked after at year end"),
    ("cla_started", "Started to be looked after"),
    ("missing_children", "Children missing"),
    ("missing_episodes", "Missing episodes"),
    ("cse_children", "At risk of CSE"),
    ("cce_children", "At risk of CCE"),
]


@dataclass
class Seeded:
    plan: Plan
    seconds: float
    people: int
    years: list[dict[str, object]]  # KPIs of each year of the period, oldest first


def as_of(end: dt.date) -> dt.datetime:
    """The end of the last day, or now if that is still to come (nothing after it happens)."""
    moment = local(end, 23, 59)
    now = timezone.now().replace(second=0, microsecond=0)
    return min(moment, now)


def seed_council(
    *,
    profile: str,
    years: int,
    end: dt.date,
    seed: int,
    children: int | None = None,
    say: Say | None = None,
) -> Seeded:
    """Create a council's front door over the `years` years ending on `end`.

    The same arguments give the same council (same people, contacts, decisions and KPIs);
    only contact references, drawn by the receive action, differ.
    """
    started = time.monotonic()
    chosen = PROFILES[profile]
    if children and children != chosen.children:
        chosen = chosen.scaled(children)
    taken = {
        value for pair in Person.objects.values_list("nhs_number", "upn") for value in pair if value
    }
    plan = Planner(chosen, end=end, years=years, seed=seed, as_of=as_of(end), taken=taken).plan()
    if say:
        say(
            f"Planned {len(plan.families):,} families and {len(plan.contacts):,} contacts "
            f"in {time.monotonic() - started:.0f}s; storing them…"
        )
    Executor(plan, seed_staff(seed), seed, say).run()
    OutsideStory(plan, seed).run()  # missing, interviews, the network, screenings
    record_population_estimate(
        None,
        as_of=end,
        children=chosen.children,
        source=f"Synthetic: {chosen.name} profile, seed {seed}",
    )
    figures = [measure_all(Period(block.first, block.last)) for block in plan.blocks]
    return Seeded(plan, time.monotonic() - started, Person.objects.count(), figures)


def summary(seeded: Seeded) -> str:
    """A few lines for the console: what was made and each year's headline figures."""
    plan = seeded.plan
    lines = [
        f"Seeded {plan.profile.name} ({plan.profile.children:,} children aged 0-17), "
        f"{plan.first:%-d %b %Y} to {plan.last:%-d %b %Y}, in {seeded.seconds:.0f} seconds:",
        f"  {len(plan.families):,} families ({seeded.people:,} people in the index), "
        f"{len(plan.contacts):,} contacts, {len(plan.episodes):,} referral decisions.",
    ]
    header = (
        "  "
        + f"{'Year':<28}"
        + "".join(f"{b.first:%b %Y} to {b.last:%b %Y}".rjust(22) for b in plan.blocks)
    )
    lines.append(header)
    for key, label in SHOWN:
        values = "".join(str(year[key]).rjust(22) for year in seeded.years)
        lines.append(f"  {label:<28}{values}")
    return "\n".join(lines)

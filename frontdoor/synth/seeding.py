"""Seed a synthetic council: plan it, then store it through the actions."""

import datetime as dt
import time
from dataclasses import dataclass

from django.utils import timezone

from frontdoor.kpis.actions import record_population_estimate
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import measure_all
from frontdoor.lib.progress import progress_bar
from frontdoor.people.models import Person
from frontdoor.synth.execute import Executor, Say
from frontdoor.synth.outside import OutsideStory
from frontdoor.synth.plan import Plan
from frontdoor.synth.planner import Planner
from frontdoor.synth.profile import PROFILES
from frontdoor.synth.quality import QualityStory
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
    ("quality_audits_completed", "Audits completed"),
    ("quality_good_or_better_rate", "Audits good or better %"),
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
    progress: bool = False,
) -> Seeded:
    """Create a council's front door over the `years` years ending on `end`.

    The same arguments give the same council (same people, contacts, decisions and KPIs);
    only contact references, drawn by the receive action, differ. With `progress`, a bar on
    standard error counts the contacts stored, then each year's missing episodes and KPIs.
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
    stored, years = len(plan.contacts), len(plan.blocks)
    with progress_bar(enabled=progress, total=stored, desc="Contacts and casework") as done:
        Executor(plan, seed_staff(seed), seed, say, advance=done.update).run()
    with progress_bar(enabled=progress, total=2 * years, desc="Missing and KPIs") as done:
        OutsideStory(plan, seed, advance=done.update).run()  # missing, interviews, screenings
        QualityStory(plan, seed).run()  # audits, moderation and learning actions, month by month
        record_population_estimate(
            None,
            as_of=end,
            children=chosen.children,
            source=f"Synthetic: {chosen.name} profile, seed {seed}",
        )
        figures = []
        for block in plan.blocks:
            figures.append(measure_all(Period(block.first, block.last)))
            done.update(1)
    return Seeded(plan, time.monotonic() - started, Person.objects.count(), figures)


def summary(seeded: Seeded) -> str:
    """A few lines for the console: what was made and each year's headline figures, the
    same figures `frontdoor kpis` prints for each year (so the two never disagree)."""
    plan = seeded.plan
    contacts = sum(int(str(year["contacts"])) for year in seeded.years)
    referrals = sum(int(str(year["referrals"])) for year in seeded.years)
    lines = [
        f"Seeded {plan.profile.name} ({plan.profile.children:,} children aged 0-17), "
        f"{plan.first:%-d %b %Y} to {plan.last:%-d %b %Y}, in {seeded.seconds:.0f} seconds:",
        f"  {len(plan.families):,} families ({seeded.people:,} people in the index); "
        f"{contacts:,} contacts (counted per child) and {referrals:,} referrals.",
    ]
    width = max(len(label) for _, label in SHOWN) + 2
    years = [f"{b.first:%-d %b %Y} to {b.last:%-d %b %Y}" for b in plan.blocks]
    column = max(len(year) for year in years) + 3
    lines.append("  " + "Year".ljust(width) + "".join(y.rjust(column) for y in years))
    for key, label in SHOWN:
        values = "".join(str(year[key]).rjust(column) for year in seeded.years)
        lines.append(f"  {label.ljust(width)}{values}")
    return "\n".join(lines)


def kpis_command(seeded: Seeded) -> str:
    """The `frontdoor kpis` command for the last year seeded (printed after seeding)."""
    last = seeded.plan.blocks[-1]
    return f"uv run frontdoor kpis --from {last.first:%Y-%m-%d} --to {last.last:%Y-%m-%d}"

"""The plan alone (no database): calibration by construction, determinism, realism."""

import datetime as dt
import random
from collections import Counter
from itertools import pairwise

import pytest

from frontdoor.lib.dates import year_before
from frontdoor.lib.identifiers import (
    is_test_nhs_number,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_upn,
    outward_code,
)
from frontdoor.lib.workdays import end_of_next_working_day
from frontdoor.synth.plan import REFERRAL, Plan
from frontdoor.synth.planner import Planner
from frontdoor.synth.population import FamilyFactory
from frontdoor.synth.profile import PROFILES
from frontdoor.synth.timing import local

END = dt.date(2023, 3, 31)


def small_plan(seed: int = 7, children: int = 2000) -> Plan:
    profile = PROFILES["north-somerset"].scaled(children)
    return Planner(profile, end=END, years=2, seed=seed, as_of=local(END, 23, 59)).plan()


@pytest.fixture(scope="module")
def plan() -> Plan:
    return small_plan()


def fingerprint(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (
            c.received_at,
            c.kind,
            c.outcome,
            c.source,
            c.domestic_abuse,
            tuple((p.given_name, p.family_name, p.date_of_birth, p.nhs_number) for p in c.children),
        )
        for c in plan.contacts
    ]


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(plan):
    assert fingerprint(small_plan()) == fingerprint(plan)
    assert fingerprint(small_plan(seed=8)) != fingerprint(plan)


def test_each_year_meets_its_targets_exactly(plan):
    for block in plan.blocks:
        contacts = [c for c in plan.contacts if block.holds(c.day)]
        episodes = [e for e in plan.episodes if block.holds(e.referral_date)]
        assert sum(len(c.children) for c in contacts) == block.contacts
        assert sum(len(c.children) for c in contacts if c.domestic_abuse) == block.domestic_abuse
        assert sum(len(e.children) for e in episodes) == block.referrals
    last = plan.blocks[-1]
    assert (
        sum(len(e.children) for e in plan.episodes if last.holds(e.referral_date) and e.re_referral)
        == last.re_referrals
    )


def test_targets_are_the_profile_scaled_give_or_take_a_little(plan):
    scale = 2000 / 42_848
    for block in plan.blocks:
        assert abs(block.contacts - 9_293 * scale) <= 0.03 * 9_293 * scale
        assert abs(block.referrals - 1_024 * scale) <= 0.03 * 1_024 * scale + 1


def test_re_referrals_follow_a_closed_referral_within_12_months_and_first_ones_do_not(plan):
    referred: dict[int, list[dt.date]] = {}
    for episode in sorted(plan.episodes, key=lambda e: e.referral_date):
        for child in episode.children:
            earlier = referred.setdefault(id(child), [])
            within = any(
                year_before(episode.referral_date) <= d < episode.referral_date for d in earlier
            )
            assert within == episode.re_referral
            earlier.append(episode.referral_date)


def test_a_child_never_has_two_open_episodes(plan):
    for family in plan.families:
        spans = [(e.referral_date, e.closure_date or dt.date.max) for e in family.episodes]
        for (_, closed), (opened, _) in pairwise(spans):
            assert closed < opened


def test_contacts_about_open_cases_come_while_the_case_is_open(plan):
    passed = [c for c in plan.contacts if c.kind == "passed"]
    assert passed
    for contact in passed:
        assert any(
            e.open_on(contact.day) and set(map(id, contact.children)) <= set(map(id, e.children))
            for e in contact.family.episodes
        )


def test_most_decisions_are_planned_within_one_working_day(plan):
    on_time = [
        c.timeline.decided_at <= end_of_next_working_day(c.received_at) for c in plan.contacts
    ]
    assert 0.85 <= sum(on_time) / len(on_time) <= 0.95
    for contact in plan.contacts:
        times = contact.timeline
        assert contact.received_at <= times.triaged_at <= times.recorded_at <= times.decided_at


def test_sources_look_like_a_front_door(plan):
    sources = Counter(c.source for c in plan.contacts)
    police = sources["6"] / len(plan.contacts)
    assert 0.25 <= police <= 0.36
    assert referrals_in(plan) == sum(len(e.children) for e in plan.episodes)


def referrals_in(plan: Plan) -> int:
    return sum(len(c.children) for c in plan.contacts if c.kind == REFERRAL)


def test_families_have_valid_identifiers_addresses_and_names_of_many_origins():
    factory = FamilyFactory(random.Random(3))
    families = [factory.make(dt.date(2022, 6, 1), 2) for _ in range(600)]
    people = [p for f in families for p in f.members()]
    numbers = [p.nhs_number for p in people if p.nhs_number]
    assert all(is_valid_nhs_number(n) and is_test_nhs_number(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_upn(p.upn) for p in people if p.upn)
    for family in families:
        assert is_valid_postcode(family.postcode)
        assert 20 <= int(outward_code(family.postcode)[2:]) <= 49
        assert all(0 <= c.age_on(dt.date(2022, 6, 1)) <= 17 for c in family.children)
    assert len({p.ethnicity for p in people}) >= 10
    twins = [f for f in families if len({c.date_of_birth for c in f.children}) < len(f.children)]
    assert twins
    polish_women = [p for p in people if p.sex == "F" and p.family_name.endswith(("ska", "ski"))]
    assert all(p.family_name.endswith("ska") for p in polish_women)


def test_the_last_years_casework_figures_are_planned_exactly():
    """data-and-returns.md §5, by construction: ICPCs and care starts in the last year;
    CP plans, CIN plans and children in care on its last day; 36% repeat CP plans."""
    profile = PROFILES["north-somerset"].scaled(8000)
    plan = Planner(profile, end=END, years=2, seed=3, as_of=local(END, 23, 59)).plan()
    block = plan.blocks[-1]

    def children(test) -> int:
        return sum(len(e.children) for e in plan.episodes if test(e))

    def in_year(day) -> bool:
        return day is not None and block.first <= day <= block.last

    assert children(lambda e: in_year(e.pathway.icpc)) == profile.icpcs
    assert children(lambda e: e.pathway.care and in_year(e.pathway.care.start)) == (
        profile.cla_started
    )
    assert children(lambda e: e.pathway.cp_open_on(END)) == profile.cp_plans_at_end
    assert children(lambda e: e.pathway.cin_open_on(END)) == profile.cin_plans_at_end
    assert children(lambda e: e.pathway.care_open_on(END)) == profile.cla_at_end
    starters = [e for e in plan.episodes if e.pathway.cp and in_year(e.pathway.cp.start)]
    repeats = [
        e
        for e in starters
        if any(
            o.pathway.cp and (o.pathway.cp.end or END) < e.referral_date for o in e.family.episodes
        )
    ]
    total = sum(len(e.children) for e in starters)
    share = sum(len(e.children) for e in repeats) / total
    # Families come whole and babies have no earlier plan: within one child of the share.
    assert abs(share - profile.cp_second_share) < 0.04 + 1 / total


def test_history_before_the_period_is_no_referral_of_the_period_nor_a_re_referral():
    plan = small_plan()
    history = [e for e in plan.episodes if e.history]
    assert history
    for episode in history:
        assert episode.referral_date < plan.first
        later = [e for e in episode.family.episodes if e is not episode and not e.history]
        for other in later:
            assert year_before(other.referral_date) > episode.referral_date
            assert episode.closure_date is not None and episode.closure_date < other.referral_date


def test_pathways_follow_the_census_rules(plan):
    for episode in plan.episodes:
        way, closed = episode.pathway, episode.closure_date
        if episode.path == "nfa":
            assert way.assessment is None and not way.cin and way.cp is None
            assert episode.reason not in ("RC8", "RC9")
            continue
        if way.icpc is not None:
            assert way.icpc.weekday() < 5
        if way.cp is not None:
            assert way.cp.start == way.icpc and way.cp.end != way.cp.start
            for start, _end in way.cin:  # a CIN plan never runs during the CP plan
                assert way.cp.end is not None and start >= way.cp.end
        dates = [d for span in way.cin for d in span if d] + list(way.assessment or ())
        if closed is not None:
            assert all(day <= closed for day in dates)


def test_care_ends_at_the_latest_on_the_18th_birthday_for_a_reason_of_leaving_at_18(plan):
    from frontdoor.lib.dates import birthday as _birthday
    from frontdoor.synth.pathway import AGED_OUT

    aged_out = []
    for episode in plan.episodes:
        care = episode.pathway.care
        if care is None:
            continue
        adult = _birthday(min(c.date_of_birth for c in episode.children), 18)
        assert care.start < adult
        assert care.end is not None and care.end <= adult
        if care.end == adult:
            aged_out.append(episode)
            assert care.reason in AGED_OUT
            assert episode.pathway.reason == ("RC6" if care.reason == "E7" else "RC7")
    assert aged_out


def test_the_ratings_drawn_for_a_child_at_risk_always_screen_medium_or_high():
    import random

    from frontdoor.outside.codes import INDICATORS
    from frontdoor.outside.rules import screening_level
    from frontdoor.synth.outside import at_risk_ratings

    rng = random.Random(1)
    codes = [code for code, _, _ in INDICATORS]
    levels = {
        screening_level(at_risk_ratings(rng, codes), is_disclosure=False, age=age).level
        for age in range(10, 18)
        for _ in range(50)
    }
    assert levels <= {"medium", "high"} and levels == {"medium", "high"}


def test_unaccompanied_children_arrive_alone_and_are_about_9_percent_of_those_in_care():
    """DfE 2024: 7,380 of 83,630 children looked after at 31 March (9%) were UASC."""
    profile = PROFILES["north-somerset"]
    plan = Planner(profile, end=END, years=3, seed=3, as_of=local(END, 23, 59)).plan()
    arrived = [e for e in plan.episodes if e.unaccompanied]
    assert arrived
    for episode in arrived:
        (child,) = episode.children
        care = episode.pathway.care
        assert not episode.family.adults and len(episode.family.episodes) == 1
        assert 14 <= child.age_on(episode.referral_date) <= 17
        assert care is not None and care.unaccompanied and care.legal_status == "V2"
        assert care.change_on is None
        assert care.start == episode.pathway.assessment[0]  # accommodated on referral
        assert episode.contact.source in ("6", "5C", "7")
    in_care = [e for e in plan.episodes if e.pathway.care_open_on(END)]
    share = sum(e.unaccompanied for e in in_care) / sum(len(e.children) for e in in_care)
    assert 0.06 <= share <= 0.12
    boys = sum(e.children[0].sex == "M" for e in arrived) / len(arrived)
    assert boys > 0.8


def test_young_children_are_adopted_each_year_after_a_year_or_more_in_care():
    """DfE 2024: 2,960 adopted in the year for 83,630 looked after at 31 March."""
    from frontdoor.synth.pathway import ADOPTED

    profile = PROFILES["north-somerset"]
    plan = Planner(profile, end=END, years=3, seed=3, as_of=local(END, 23, 59)).plan()
    want = round(2_960 / 83_630 * profile.cla_at_end)
    for block in plan.blocks:
        adopted = [
            e
            for e in plan.episodes
            if (care := e.pathway.care) and care.reason in ADOPTED and block.holds(care.end)
        ]
        assert sum(len(e.children) for e in adopted) == want
        for episode in adopted:
            care = episode.pathway.care
            assert (care.end - care.start).days >= 365
            assert all(c.age_on(care.start) < 5 for c in episode.children)
            assert episode.pathway.reason == "RC1" and episode.closure_date == care.end


def test_care_leavers_who_turn_19_to_21_in_the_last_year_left_care_at_18_before_it():
    from frontdoor.lib.dates import add_months
    from frontdoor.synth.pathway import AGED_OUT

    profile = PROFILES["north-somerset"]
    plan = Planner(profile, end=END, years=3, seed=3, as_of=local(END, 23, 59)).plan()
    block = plan.blocks[-1]

    def leavers(first, last) -> list:
        return [
            e
            for e in plan.episodes
            if (care := e.pathway.care) and care.reason in AGED_OUT and first <= care.end <= last
        ]

    want = sum(len(e.children) for e in leavers(block.first, block.last))
    for back in (3, 2, 1):
        first = add_months(block.first, -12 * back)
        last = add_months(block.first, -12 * (back - 1)) - dt.timedelta(days=1)
        assert sum(len(e.children) for e in leavers(first, last)) >= want
    for episode in leavers(dt.date(2000, 1, 1), block.first):
        if not episode.history:
            continue
        (child,) = episode.children
        care = episode.pathway.care
        assert episode.referral_date < plan.first and care.end >= plan.first.replace(
            year=plan.first.year - 3
        )
        assert care.start >= child.date_of_birth.replace(year=child.date_of_birth.year + 14)
        assert (care.end - care.start).days >= 91  # eligible: 13 weeks in care after 14

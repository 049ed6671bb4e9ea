"""Calibration profiles: what a year of a council's front door looks like.

The North Somerset profile reproduces the published figures for April 2022 to March 2023
(data-and-returns.md §5): 42,848 children aged 0 to 17, 9,293 contacts (654 about domestic
abuse), 1,024 referrals of which 122 (11.9%) were re-referrals within 12 months. Shares
not published there (sources, outcomes, timeliness) are typical of English front doors.
"""

from dataclasses import dataclass

from frontdoor.contacts.codes import Outcome, ReferralSource

Weights = dict[str, float]

# Contact sources (CIN census ReferralSource). Police ~30%, schools ~20%, health ~15%,
# individuals ~10%, the local authority ~12%, others the rest.
SOURCES: Weights = {
    ReferralSource.POLICE: 27.0,
    ReferralSource.SCHOOLS: 19.5,
    ReferralSource.EDUCATION_SERVICES: 2.0,
    ReferralSource.GP: 3.0,
    ReferralSource.HEALTH_VISITOR: 3.5,
    ReferralSource.SCHOOL_NURSE: 1.0,
    ReferralSource.PRIMARY_HEALTH_OTHER: 1.5,
    ReferralSource.A_AND_E: 3.0,
    ReferralSource.HEALTH_OTHER: 3.5,
    ReferralSource.FAMILY: 5.0,
    ReferralSource.ACQUAINTANCE: 2.0,
    ReferralSource.SELF: 1.0,
    ReferralSource.INDIVIDUAL_OTHER: 2.0,
    ReferralSource.LA_SOCIAL_CARE: 4.0,
    ReferralSource.LA_OTHER_INTERNAL: 3.0,
    ReferralSource.LA_EXTERNAL: 2.0,
    ReferralSource.LA_EARLY_HELP: 3.0,
    ReferralSource.HOUSING: 3.0,
    ReferralSource.OTHER_LEGAL: 3.0,
    ReferralSource.OTHER: 3.0,
    ReferralSource.ANONYMOUS: 2.5,
    ReferralSource.UNKNOWN: 0.5,
}
# Most domestic abuse contacts are police notifications after an incident.
DOMESTIC_ABUSE_SOURCES: Weights = {
    ReferralSource.POLICE: 75.0,
    ReferralSource.HEALTH_OTHER: 4.0,
    ReferralSource.A_AND_E: 3.0,
    ReferralSource.SCHOOLS: 5.0,
    ReferralSource.FAMILY: 4.0,
    ReferralSource.SELF: 2.0,
    ReferralSource.LA_OTHER_INTERNAL: 3.0,
    ReferralSource.OTHER_LEGAL: 4.0,
}
# Agency slug of the referrer for partner sources (accounts.defaults.DEFAULT_AGENCIES).
SOURCE_AGENCY: dict[str, str] = {
    ReferralSource.POLICE: "police",
    ReferralSource.SCHOOLS: "education",
    ReferralSource.EDUCATION_SERVICES: "education",
    ReferralSource.GP: "health",
    ReferralSource.HEALTH_VISITOR: "health",
    ReferralSource.SCHOOL_NURSE: "health",
    ReferralSource.PRIMARY_HEALTH_OTHER: "health",
    ReferralSource.A_AND_E: "health",
    ReferralSource.HEALTH_OTHER: "health",
    ReferralSource.HOUSING: "housing",
    ReferralSource.OTHER_LEGAL: "probation",
}
# Outcomes of contacts that are not referrals. "Early help" opens a family wellbeing episode
# (issue 14), so its share is set with the step-downs to hold about 261 families in the
# service at a time (000_…txt, 31 August 2022); signposting includes the family hubs' offer.
OTHER_OUTCOMES: Weights = {
    Outcome.INFORMATION_AND_ADVICE: 32.0,
    Outcome.SIGNPOST: 29.0,
    Outcome.EARLY_HELP: 9.0,
    Outcome.NO_FURTHER_ACTION: 30.0,
}
# Children named in one contact (a police notification names every child in the home).
REFERRAL_GROUP: dict[int, float] = {1: 62.0, 2: 24.0, 3: 10.0, 4: 4.0}
CONTACT_GROUP: dict[int, float] = {1: 56.0, 2: 26.0, 3: 12.0, 4: 6.0}
# Contacts a contact-only family has over the period (repeat contacts).
CONTACTS_PER_FAMILY: dict[int, float] = {1: 45.0, 2: 25.0, 3: 14.0, 4: 8.0, 5: 5.0, 6: 3.0}
# What follows a referral: path, share, closure after decision (days, low-high), reason.
# The pathway (synth/pathway.py) sets the closure of every path but nfa from its plans;
# an NFA referral closes RC7 (RC8 and RC9 mean closed after an assessment).
EPISODE_PATHS: list[tuple[str, float, tuple[int, int], str]] = [
    ("nfa", 7.0, (0, 2), "RC7"),
    ("assessment_nfa", 32.0, (14, 65), "RC8"),
    ("assessment_early_help", 20.0, (14, 65), "RC9"),
    ("cin_plan", 25.5, (90, 420), "RC7"),
    ("child_protection", 7.5, (180, 900), "RC7"),
    ("looked_after", 8.0, (180, 900), "RC7"),
]


@dataclass(frozen=True)
class Profile:
    """Yearly volumes for a council of `children` aged 0 to 17, and the shares behind them."""

    name: str
    children: int
    contacts: int  # counted per child, as Annex A List 1
    domestic_abuse_contacts: int
    referrals: int
    re_referral_rate: float
    consultations: int
    passed_share: float = 0.08  # contacts about children whose case is already open
    on_time_share: float = 0.9  # decisions within one working day
    returned_share: float = 0.03  # decisions a manager sends back
    from_consultation_share: float = 0.02
    # Year-end figures (data-and-returns.md §5), met by construction (synth/calibrator.py).
    icpcs: int = 0
    cp_plans_at_end: int = 0
    cp_second_share: float = 0.36
    cin_plans_at_end: int = 0
    cla_at_end: int = 0
    cla_started: int = 0
    # Risk outside the home in the year (003_…txt, "What does our Data tell us?").
    missing_children: int = 0
    missing_episodes: int = 0
    cse_children: int = 0
    cce_children: int = 0
    # Family wellbeing (early help) open at a point in time (000_…txt, 31 August 2022).
    early_help_families: int = 0

    def scaled(self, children: int) -> "Profile":
        """The same council scaled to `children` (volumes in proportion)."""
        factor = children / self.children
        return Profile(
            name=self.name,
            children=children,
            contacts=round(self.contacts * factor),
            domestic_abuse_contacts=round(self.domestic_abuse_contacts * factor),
            referrals=round(self.referrals * factor),
            re_referral_rate=self.re_referral_rate,
            consultations=round(self.consultations * factor),
            passed_share=self.passed_share,
            on_time_share=self.on_time_share,
            returned_share=self.returned_share,
            from_consultation_share=self.from_consultation_share,
            icpcs=round(self.icpcs * factor),
            cp_plans_at_end=round(self.cp_plans_at_end * factor),
            cp_second_share=self.cp_second_share,
            cin_plans_at_end=round(self.cin_plans_at_end * factor),
            cla_at_end=round(self.cla_at_end * factor),
            cla_started=round(self.cla_started * factor),
            missing_children=round(self.missing_children * factor),
            missing_episodes=round(self.missing_episodes * factor),
            cse_children=round(self.cse_children * factor),
            cce_children=round(self.cce_children * factor),
            early_help_families=round(self.early_help_families * factor),
        )


PROFILES: dict[str, Profile] = {
    "north-somerset": Profile(
        name="North Somerset",
        children=42_848,
        contacts=9_293,
        domestic_abuse_contacts=654,
        referrals=1_024,
        re_referral_rate=122 / 1_024,
        consultations=1_100,
        icpcs=78,
        cp_plans_at_end=108,
        cp_second_share=0.36,
        cin_plans_at_end=268,
        cla_at_end=226,
        cla_started=87,
        missing_children=164,
        missing_episodes=495,
        cse_children=35,
        cce_children=27,
        early_help_families=261,
    ),
}

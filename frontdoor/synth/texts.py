"""Words for synthetic records: worries, referrers, decisions, consultations.

Short, plausible and obviously invented; {child} is the first child's given name and
{adult} the parent or carer's.
"""

import random

from frontdoor.contacts.codes import Outcome, ReferralSource

WORRIES_DOMESTIC_ABUSE = [
    "Police attended a domestic incident at the family home overnight. {child} was in the "
    "house and heard shouting; {adult} had a facial injury and the other adult was arrested.",
    "{adult} called 999 reporting threats from an ex-partner who came to the house. {child} "
    "was present. A DASH risk assessment was completed and graded medium.",
    "Third domestic incident reported at this address in six months. {child} told officers "
    "they hid upstairs. Alcohol was a factor.",
    "{adult} disclosed to the health visitor controlling behaviour and being pushed by a "
    "partner while holding {child}.",
]
WORRIES = {
    "police": [
        "Police found {child} out late at night with older young people and smelling of "
        "cannabis. Concerns about possible criminal exploitation.",
        "{child} was reported missing overnight and found in Bristol the next day. They would "
        "not say where they had been.",
        "Police carried out a welfare check at the home: the house was very cold, little food, "
        "and {adult} appeared under the influence.",
    ],
    "education": [
        "{child} has come to school hungry on several days and in the same clothes. Attendance "
        "has fallen to 78% this term.",
        "{child} arrived with a bruise on the cheek and gave different accounts of how it "
        "happened.",
        "{child} told a teaching assistant that {adult} 'sleeps all day' and they get their "
        "siblings ready for school.",
        "{child} has become withdrawn and has been self-harming (scratches on arms). Parents "
        "are aware and want help.",
    ],
    "health": [
        "{child} was seen in A&E with a spiral fracture; the explanation does not fit the injury.",
        "Health visitor is worried about {child}'s weight gain and missed appointments; "
        "{adult} seems low in mood.",
        "GP reports {adult} disclosed heavy drinking and struggling to care for {child}.",
        "{child} attended the emergency department after taking an overdose of paracetamol.",
    ],
    "individual": [
        "A relative is worried that {child} is left alone for long periods and the home is dirty.",
        "A neighbour hears shouting and crying from the flat most evenings and has seen "
        "{child} outside late.",
        "{adult} is asking for help: they cannot manage {child}'s behaviour and are at "
        "breaking point.",
    ],
    "other": [
        "Housing officer found the property in a poor state with dog mess on the floor; "
        "{child} lives there with {adult}.",
        "Probation: {adult}'s partner, who is subject to licence for a violent offence, has "
        "moved into the household with {child}.",
        "Another local authority is transferring information: the family with {child} has "
        "moved into the area and had a child in need plan.",
        "Early help practitioner reports no progress on the family plan and growing concerns "
        "about neglect of {child}.",
    ],
}
SOURCE_GROUP: dict[str, str] = {
    ReferralSource.POLICE: "police",
    ReferralSource.SCHOOLS: "education",
    ReferralSource.EDUCATION_SERVICES: "education",
    ReferralSource.GP: "health",
    ReferralSource.HEALTH_VISITOR: "health",
    ReferralSource.SCHOOL_NURSE: "health",
    ReferralSource.PRIMARY_HEALTH_OTHER: "health",
    ReferralSource.A_AND_E: "health",
    ReferralSource.HEALTH_OTHER: "health",
    ReferralSource.FAMILY: "individual",
    ReferralSource.ACQUAINTANCE: "individual",
    ReferralSource.SELF: "individual",
    ReferralSource.INDIVIDUAL_OTHER: "individual",
    ReferralSource.ANONYMOUS: "individual",
}
REFERRERS = {
    "police": ("Police constable", "Avon and Somerset Police"),
    "education": ("Designated safeguarding lead", "{town} Primary School"),
    "health": ("Health visitor", "NHS community health services"),
    "individual": ("", ""),
    "other": ("Practitioner", "North Somerset Council"),
}
RATIONALE: dict[str, str] = {
    Outcome.INFORMATION_AND_ADVICE: "Needs can be met by the family with advice; no role for "
    "children's social care.",
    Outcome.SIGNPOST: "Universal services can meet the needs; family signposted with consent.",
    Outcome.EARLY_HELP: "Needs at Level 2–3: family agrees to work with early help.",
    Outcome.NO_FURTHER_ACTION: "Information recorded; no further action at this time.",
    Outcome.REFERRAL: "Threshold for a child and family assessment (s17) is met.",
    Outcome.STRATEGY_DISCUSSION: "Reasonable cause to suspect significant harm: strategy "
    "discussion to consider s47 enquiries.",
}
SCALING: dict[str, tuple[int, int]] = {
    Outcome.INFORMATION_AND_ADVICE: (6, 9),
    Outcome.SIGNPOST: (6, 9),
    Outcome.EARLY_HELP: (4, 7),
    Outcome.NO_FURTHER_ACTION: (7, 10),
    Outcome.REFERRAL: (2, 5),
    Outcome.STRATEGY_DISCUSSION: (0, 3),
}
CONSULTATIONS = [
    (
        "Designated safeguarding lead",
        "education",
        "A pupil has disclosed arguments at home; no injuries. Asked whether to make a referral.",
    ),
    (
        "School nurse",
        "health",
        "Teenager asking for contraception, partner possibly older. Asked about thresholds.",
    ),
    (
        "Health visitor",
        "health",
        "Parent with low mood, baby thriving. Wondering about early help.",
    ),
    (
        "Police officer",
        "police",
        "Neighbour dispute with children present; no offences. Asked whether to notify.",
    ),
    (
        "Housing officer",
        "housing",
        "Family in temporary accommodation struggling; asked what support exists.",
    ),
]
REFERRER_GIVEN = [
    "Sam",
    "Alex",
    "Jo",
    "Chris",
    "Kim",
    "Lee",
    "Pat",
    "Robin",
    "Jess",
    "Dev",
    "Nia",
    "Tom",
    "Anna",
    "Raj",
]
REFERRER_FAMILY = [
    "Hughes",
    "Patel",
    "Reed",
    "Lowe",
    "Shah",
    "Dunn",
    "Morgan",
    "Price",
    "Okoro",
    "Nowak",
    "Walsh",
]
CONSULTATION_ADVICE = (
    "Advised on the continuum of need: talk to the family, seek consent and contact the front "
    "door with names if the worries grow. Early help offer explained."
)


def worry(rng: random.Random, source: str, domestic_abuse: bool, child: str, adult: str) -> str:
    group = SOURCE_GROUP.get(source, "other")
    template = rng.choice(WORRIES_DOMESTIC_ABUSE if domestic_abuse else WORRIES[group])
    return template.format(child=child, adult=adult)


def referrer(source: str, town: str) -> tuple[str, str]:
    """The referrer's role and organisation for a source."""
    role, organisation = REFERRERS[SOURCE_GROUP.get(source, "other")]
    return role, organisation.format(town=town)


# The team manager's reason for a step-down after assessment (RC9), quoted in the letter.
STEP_DOWN_NOTE = (
    "The assessment found no need for a social worker now. The family wants help with "
    "routines and school, and early help can give it."
)

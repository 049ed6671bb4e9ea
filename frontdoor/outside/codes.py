"""Codes for risk outside the home (domain.md §6): kinds of missing episode, police risk,
return home interview outcomes, exploitation screening domains and indicators, and what a
link in the network map is.

Statutory or national wording is kept as data here; the push and pull factors are
council-editable (`PushPullFactor`), seeded from `DEFAULT_FACTORS`.
"""

from django.db import models


class EpisodeKind(models.TextChoices):
    """2014 statutory guidance and the police APP (domain.md §6). SSDA903's missing table
    records MISSING as "M" and AWAY as "A"; Annex A List 8 counts them as missing and absent."""

    MISSING = "missing", "Missing (whereabouts unknown)"
    AWAY = "away", "Away from placement without authorisation (whereabouts known)"
    ABSENT = "absent", "Absent (police: not where expected, no apparent risk)"


class MissingFrom(models.TextChoices):
    HOME = "home", "Home"
    PLACEMENT = "placement", "Placement (looked-after child)"
    SCHOOL = "school", "School or college"
    OTHER = "other", "Somewhere else"


class PoliceRisk(models.TextChoices):
    """The police risk continuum (HMICFRS): no apparent risk to high."""

    NO_APPARENT = "no_apparent", "No apparent risk"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class FoundBy(models.TextChoices):
    RETURNED = "returned", "Came back by themselves"
    POLICE = "police", "Police"
    CARER = "carer", "Parent or carer"
    PROFESSIONAL = "professional", "Another professional"
    OTHER = "other", "Someone else"


class InterviewOutcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    NOT_AVAILABLE = "not_available", "Child not available"


class FactorDirection(models.TextChoices):
    PUSH = "push", "Push (away from home or placement)"
    PULL = "pull", "Pull (towards someone or somewhere)"


# code, name, direction: the default taxonomy an administrator can change (domain.md §6:
# push = conflict or abuse at home or in placement; pull = friends, family, exploiters).
DEFAULT_FACTORS: list[tuple[str, str, str]] = [
    ("conflict_home", "Conflict at home", "push"),
    ("placement_unhappy", "Unhappy in placement", "push"),
    ("abuse_home", "Abuse or neglect at home", "push"),
    ("boundaries", "Boundaries or rules", "push"),
    ("school_problems", "Problems at school", "push"),
    ("mental_health", "Mental health or emotional wellbeing", "push"),
    ("peer_pull", "Friends or peers", "pull"),
    ("family_pull", "To see family", "pull"),
    ("relationship", "Boyfriend or girlfriend", "pull"),
    ("adult_of_concern", "An adult of concern", "pull"),
    ("substance_use", "Alcohol or drugs", "pull"),
    ("exploitation", "Exploitation indicators (money, gifts, running drugs)", "pull"),
]


class ExploitationType(models.TextChoices):
    CSE = "cse", "Child sexual exploitation (CSE)"
    CCE = "cce", "Child criminal exploitation (CCE)"


class Rating(models.TextChoices):
    NONE = "none", "Not present"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Level(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


# Screening indicators by domain (domain.md §6, after the local CSE/CCE tools [21]):
# code, domain, what the worker rates.
INDICATORS: list[tuple[str, str, str]] = [
    ("missing_repeat", "Missing", "Going missing, staying out late or overnight"),
    ("missing_far", "Missing", "Found out of area or in places of concern"),
    ("education_absent", "Education", "Not attending, excluded or on a reduced timetable"),
    ("substances_use", "Substances", "Alcohol or drug use, or supplying"),
    ("health_sexual", "Health", "Sexual health concerns, pregnancy or unexplained injuries"),
    ("behaviour_change", "Behaviour", "Sudden change in behaviour, aggression or offending"),
    ("relationships_older", "Relationships", "Older associates or a relationship of concern"),
    ("relationships_peers", "Relationships", "Peers involved in exploitation or gangs"),
    ("online_contact", "Online", "Contact with unknown adults online, sharing images"),
    ("finance_unexplained", "Finance", "Unexplained money, phones, clothes, gifts or debt"),
]
INDICATOR_NAMES = {code: text for code, _domain, text in INDICATORS}
INDICATOR_DOMAINS = {code: domain for code, domain, _text in INDICATORS}


class EntityKind(models.TextChoices):
    """What, other than a person in the index, a child can be linked to."""

    PLACE = "place", "Place (address, postcode or named location)"
    VEHICLE = "vehicle", "Vehicle"
    PHONE = "phone", "Phone number"
    ONLINE = "online", "Online account"
    PEER_GROUP = "peer_group", "Peer group"
    SCHOOL = "school", "School"


# Contexts (contextual safeguarding, domain.md §6) that can be referred and discussed.
CONTEXT_KINDS = {EntityKind.PLACE, EntityKind.PEER_GROUP, EntityKind.SCHOOL, EntityKind.ONLINE}


class LinkSource(models.TextChoices):
    INTERVIEW = "interview", "Return home interview"
    POLICE = "police", "Police"
    EPISODE = "episode", "Missing episode (where found)"
    SCREENING = "screening", "Screening"
    STAFF = "staff", "Staff"
    PARTNER = "partner", "Partner agency"


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    PROBABLE = "probable", "Probable"
    POSSIBLE = "possible", "Possible (unverified)"


class MeetingKind(models.TextChoices):
    WEEKLY_MISSING = "weekly_missing", "Weekly missing meeting"
    MACE = "mace", "Multi-agency child exploitation (MACE) meeting"

"""DfE and local code lists used by contacts."""

from django.db import models


class ReferralSource(models.TextChoices):
    """CIN census ReferralSource codes (domain.md §3)."""

    FAMILY = "1A", "Individual – family, relative or carer"
    ACQUAINTANCE = "1B", "Individual – acquaintance"
    SELF = "1C", "Individual – self"
    INDIVIDUAL_OTHER = "1D", "Individual – other"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health – GP"
    HEALTH_VISITOR = "3B", "Health – health visitor"
    SCHOOL_NURSE = "3C", "Health – school nurse"
    PRIMARY_HEALTH_OTHER = "3D", "Health – other primary health"
    A_AND_E = "3E", "Health – A&E"
    HEALTH_OTHER = "3F", "Health – other"
    HOUSING = "4", "Housing"
    LA_SOCIAL_CARE = "5A", "LA – social care"
    LA_OTHER_INTERNAL = "5B", "LA – other internal"
    LA_EXTERNAL = "5C", "LA – external (another LA)"
    LA_EARLY_HELP = "5D", "LA – early help"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency"
    OTHER = "8", "Other"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "E-mail"
    IN_PERSON = "in_person", "In person"
    OUT_OF_HOURS = "out_of_hours", "Out of hours (emergency duty)"
    ONLINE_PROFESSIONAL = "online_professional", "Online form – professional"
    ONLINE_PUBLIC = "online_public", "Online form – public"
    API = "api", "Partner system"


class Consent(models.TextChoices):
    SOUGHT = "sought", "Sought, answer awaited"
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"
    NOT_SOUGHT = "not_sought", "Not sought"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Outcome(models.TextChoices):
    INFORMATION_AND_ADVICE = "information_advice", "Information and advice"
    SIGNPOST = "signpost", "Signpost to universal services"
    EARLY_HELP = "early_help", "Early help"
    MASH_ENQUIRY = "mash_enquiry", "MASH enquiry"
    REFERRAL = "referral", "Referral to children's social care"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    NO_FURTHER_ACTION = "nfa", "No further action"

    @classmethod
    def opening_episode(cls) -> set[str]:
        """Outcomes that are referrals in the DfE sense and open a CIN episode."""
        return {cls.REFERRAL, cls.STRATEGY_DISCUSSION}


# Default continuum of need (domain.md §4); councils edit LevelOfNeed rows.
DEFAULT_LEVELS_OF_NEED = [
    (1, "Universal", "Needs met by family and universal services."),
    (2, "Additional", "Single or short-term need; coordinated early help."),
    (3, "Complex", "Multiple needs; targeted multi-agency early help, may be child in need."),
    (4, "Acute", "Significant harm or its likelihood; children's social care."),
]

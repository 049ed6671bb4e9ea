"""Early help's codes, as data (Supporting Families outcome framework; domain.md §4)."""

from django.db import models


class Heading(models.TextChoices):
    """The national Supporting Families outcome headings (DLUHC, 2022): the family's and each
    child's strengths and needs, the family plan's outcomes and what was achieved."""

    EDUCATION = "education", "Getting a good education"
    EARLY_YEARS = "early_years", "Good early years development"
    HEALTH = "health", "Improved mental and physical health"
    SUBSTANCE_USE = "substance_use", "Recovery from substance use"
    RELATIONSHIPS = "relationships", "Improved family relationships"
    SAFE = "safe", "Children safe from abuse and exploitation"
    CRIME = "crime", "Crime prevention and tackling crime"
    DOMESTIC_ABUSE = "domestic_abuse", "Safe from domestic abuse"
    HOUSING = "housing", "Secure housing"
    FINANCIAL = "financial", "Financial stability"


class Route(models.TextChoices):
    """How a family came to early help."""

    FRONT_DOOR = "front_door", "Front-door decision of early help"
    STEP_DOWN = "step_down", "Step-down from children's social care"
    REQUEST = "request", "Request from a partner or the family"
    RETURN_INTERVIEW = "return_interview", "Return home interview found needs"


class ClosureReason(models.TextChoices):
    NEEDS_MET = "needs_met", "Needs met"
    STEPPED_UP = "stepped_up", "Stepped up to children's social care"
    DECLINED = "declined", "Family declined or disengaged"
    MOVED_AWAY = "moved_away", "Moved away"
    OTHER = "other", "Other"


class OutcomeResult(models.TextChoices):
    """What became of one outcome of the family plan when the episode closed."""

    ACHIEVED = "achieved", "Achieved"
    PARTLY = "partly", "Partly achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"
    NO_LONGER_NEEDED = "no_longer_needed", "No longer needed"


class Consent(models.TextChoices):
    """Early help is voluntary: the family's consent to share information with the team."""

    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"


class Direction(models.TextChoices):
    UP = "up", "Step up to children's social care"
    DOWN = "down", "Step down to early help"


class StepRoute(models.TextChoices):
    REQUEST = "request", "Asked for by the lead professional"
    FRONT_DOOR = "front_door", "Front-door decision"
    ASSESSMENT = "assessment", "Closed after assessment (RC9)"
    CIN_PLAN = "cin_plan", "Child in need plan ended"


class StepOutcome(models.TextChoices):
    STEPPED_UP = "stepped_up", "Stepped up to children's social care"
    STAYS = "stays", "Stays with early help"
    STEPPED_DOWN = "stepped_down", "Stepped down to early help"


# Default council-editable services (North Somerset's Family Wellbeing service, 003_…txt).
DEFAULT_SERVICES = [
    ("Intensive family support (1:1 with a family support worker)", 10),
    ("Family hub or children's centre group work", 20),
    ("Targeted youth support", 30),
]

"""The fixed codes of quality assurance: Ofsted's grades, how a sample is drawn, answers."""

from django.db import models


class Grade(models.TextChoices):
    """Ofsted's four-point scale (ILACS judgements), best first."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"

    @classmethod
    def good_or_better(cls) -> set[str]:
        return {cls.OUTSTANDING, cls.GOOD}


class Method(models.TextChoices):
    RANDOM = "random", "Random within the month"
    STRATIFIED = "stratified", "Stratified (each group in proportion)"
    TARGETED = "targeted", "Targeted by a theme"


class Stratum(models.TextChoices):
    OUTCOME = "outcome", "Decision outcome"
    RAG = "rag", "RAG rating"
    TEAM = "team", "Team of the worker who recorded the decision"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_APPLICABLE = "na", "Not applicable"

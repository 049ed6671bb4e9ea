"""Statutory codes for casework, as data (domain.md §2.3 and §3; DfE CIN census XSD, SSDA903).

Each is a TextChoices whose value is the DfE code, so the census and Annex A exports write
the value as it is and pages show the label.
"""

from django.db import models


class AssessmentFactor(models.TextChoices):
    """`AssessmentFactors` (CIN census). Suffix A = the child, B = a parent or carer,
    C = another person in the household."""

    ALCOHOL_CHILD = "1A", "Alcohol misuse: child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: parent or carer"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: child"
    DRUGS_PARENT = "2B", "Drug misuse: parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: another person in the household"
    DOMESTIC_ABUSE_CHILD = "3A", "Domestic abuse: child"
    DOMESTIC_ABUSE_PARENT = "3B", "Domestic abuse: parent or carer"
    DOMESTIC_ABUSE_OTHER = "3C", "Domestic abuse: another person in the household"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: parent or carer"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: another person in the household"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: parent or carer"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: another person in the household"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: parent or carer"
    PHYSICAL_DISABILITY_OTHER = (
        "6C",
        ("Physical disability or illness: another person in the household"),
    )
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_OVERSEAS_RETURN = "8B", "Privately fostered: overseas, intending to return"
    PRIVATE_FOSTERING_OVERSEAS_STAY = "8C", "Privately fostered: overseas, intending to stay"
    PRIVATE_FOSTERING_UK_EDUCATION = "8D", "Privately fostered: UK, for education"
    PRIVATE_FOSTERING_UK_FAMILY = "8E", "Privately fostered: UK, family arrangement"
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    CSE = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Neglect"
    EMOTIONAL_ABUSE = "17A", "Emotional abuse"
    PHYSICAL_ABUSE_CHILD_ON_CHILD = "18B", "Physical abuse: child on child"
    PHYSICAL_ABUSE_ADULT_ON_CHILD = "18C", "Physical abuse: adult on child"
    SEXUAL_ABUSE_CHILD_ON_CHILD = "19B", "Sexual abuse: child on child"
    SEXUAL_ABUSE_ADULT_ON_CHILD = "19C", "Sexual abuse: adult on child"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CCE = "24A", "Child criminal exploitation"


class PrimaryNeed(models.TextChoices):
    """DfE CIN census PrimaryNeedCode: the main reason the child needs social care."""

    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental disability or illness"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"
    N9 = "N9", "Cases other than children in need"
    N0 = "N0", "Not stated"


class AssessmentOutcome(models.TextChoices):
    """What the assessment decided. Annex A List 4 asks whether the child was assessed as
    requiring children's social care support: the last three say yes."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    EARLY_HELP = "early_help", "Step down to early help"
    CIN_PLAN = "cin_plan", "Child in need plan (section 17)"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion (section 47)"
    LOOKED_AFTER = "looked_after", "Child to become looked after"


NEEDS_SOCIAL_CARE = frozenset(
    {
        AssessmentOutcome.CIN_PLAN,
        AssessmentOutcome.STRATEGY_DISCUSSION,
        AssessmentOutcome.LOOKED_AFTER,
    }
)


class CategoryOfAbuse(models.TextChoices):
    """`InitialCategoryOfAbuse` / `LatestCategoryOfAbuse` (CIN census)."""

    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    EMO = "EMO", "Emotional abuse"
    SAB = "SAB", "Sexual abuse"
    MUL = "MUL", "Multiple or not recommended"


class CPPlanEndReason(models.TextChoices):
    """Why a child protection plan ended (local recording; not a census item)."""

    NO_LONGER_AT_RISK = "not_at_risk", "No longer at continuing risk of significant harm"
    STEPPED_DOWN = "cin_plan", "Stepped down to a child in need plan"
    LOOKED_AFTER = "looked_after", "Child became looked after"
    TRANSFERRED = "transferred", "Moved to another local authority"
    ADULT = "adult", "Reached 18"
    DIED = "died", "Child died"
    OTHER = "other", "Other"


class LegalStatus(models.TextChoices):
    """SSDA903 legal status (domain.md §2.3; Annex A List 8)."""

    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    J1 = "J1", "Remanded to local authority accommodation or youth detention"
    J2 = "J2", "Placed in local authority accommodation under PACE"
    J3 = "J3", "Sentenced to a youth rehabilitation order with residence requirement"
    L1 = "L1", "Under police protection and in local authority accommodation"
    L2 = "L2", "Emergency protection order"
    L3 = "L3", "Child assessment order with local authority accommodation"
    V2 = "V2", "Single period of accommodation under section 20"
    V3 = "V3", "Accommodated under an agreed series of short-term breaks"
    V4 = "V4", "Accommodated under an agreed series of short-term breaks (individual)"


class ReasonCeased(models.TextChoices):
    """SSDA903 reason an episode of care ceased [V: check the current SSDA903 guide]."""

    X1 = "X1", "Episode ceases and a new episode begins on the same day"
    E11 = "E11", "Adopted: application unopposed"
    E12 = "E12", "Adopted: consent dispensed with by the court"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another local authority"
    E4A = "E4A", "Returned home as part of the care plan"
    E4B = "E4B", "Returned home not as part of the care plan"
    E13 = "E13", "Left care to live with a parent or relative without parental responsibility"
    E41 = "E41", "Child arrangements order granted"
    E45 = "E45", "Special guardianship order to former foster carers (relatives or friends)"
    E46 = "E46", "Special guardianship order to former foster carers (not relatives or friends)"
    E47 = "E47", "Special guardianship order to other carers (relatives or friends)"
    E48 = "E48", "Special guardianship order to other carers (not relatives or friends)"
    E5 = "E5", "Moved to independent living with formal support"
    E6 = "E6", "Moved to independent living without formal support"
    E7 = "E7", "Transferred to residential care funded by adult social care"
    E9 = "E9", "Sentenced to custody"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment found the child to be 18 or over"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 and remained with current carers (staying put)"
    E8 = "E8", "Ceased for any other reason"


class PlacementType(models.TextChoices):
    """SSDA903 placement type, the common ones [V]."""

    U1 = "U1", "Foster placement with a relative or friend: long term"
    U2 = "U2", "Foster placement with a relative or friend: fostering for adoption"
    U3 = "U3", "Foster placement with a relative or friend: not long term"
    U4 = "U4", "Foster placement with other foster carer: long term"
    U5 = "U5", "Foster placement with other foster carer: fostering for adoption"
    U6 = "U6", "Foster placement with other foster carer: not long term"
    A3 = "A3", "Placed for adoption with parental consent with current foster carers"
    A5 = "A5", "Placed for adoption with a placement order with current foster carers"
    A4 = "A4", "Placed for adoption with parental consent, not with current foster carers"
    A6 = "A6", "Placed for adoption with a placement order, not with current foster carers"
    P1 = "P1", "Placed with parents or other person with parental responsibility"
    H5 = "H5", "Supported accommodation"
    K1 = "K1", "Secure children's home"
    K2 = "K2", "Children's home"
    R1 = "R1", "Residential care home"
    R2 = "R2", "NHS or health trust establishment"
    R5 = "R5", "Young offender institution or prison"
    S1 = "S1", "Residential school"
    Z1 = "Z1", "Other placement"

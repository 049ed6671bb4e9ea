"""SSDA903 code lists for what casework records about a looked-after child beyond the
episode's legal status, placement and reason ceased (those are in `codes`)."""

from django.db import models


class PlacementProvider(models.TextChoices):
    PR0 = "PR0", "Parents or other person with parental responsibility"
    PR1 = "PR1", "Own provision (by the council)"
    PR2 = "PR2", "Another council's provision"
    PR3 = "PR3", "Other public provision (for example the NHS)"
    PR4 = "PR4", "Private provision"
    PR5 = "PR5", "Voluntary or third sector provision"


class ReasonPlaceChange(models.TextChoices):
    CARPL = "CARPL", "Change to, or carrying out of, the care plan"
    CLOSE = "CLOSE", "The provider resigned or the placement closed"
    ALLEG = "ALLEG", "Allegation (section 47)"
    STAND = "STAND", "Concern about the standard of care"
    APPRR = "APPRR", "The carer's approval was removed"
    CREQB = "CREQB", "The carer asked for the placement to end because of the child's behaviour"
    CREQO = "CREQO", "The carer asked for the placement to end for another reason"
    CHILD = "CHILD", "The child asked for the placement to end"
    LAREQ = "LAREQ", "The council asked for the placement to end"
    PLACE = "PLACE", "Change in the status of the placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    PN0 = "PN0", "Child aged under 4 at the time of the review"
    PN1 = "PN1", "Child attended and spoke for themselves"
    PN2 = "PN2", "Child attended and an advocate spoke for them"
    PN3 = "PN3", "Child attended and conveyed their views non-verbally"
    PN4 = "PN4", "Child attended but did not speak or convey their views"
    PN5 = "PN5", "Child did not attend; an advocate gave their views"
    PN6 = "PN6", "Child did not attend; gave their views another way"
    PN7 = "PN7", "Child did not attend and their views were not given"


class HealthCheckKind(models.TextChoices):
    HEALTH = "health", "Health assessment"
    DENTAL = "dental", "Dental check"


class SDQReason(models.TextChoices):
    SDQ1 = "SDQ1", "Child aged under 4 or over 16 at the latest assessment"
    SDQ2 = "SDQ2", "Carer refused to complete the questionnaire"
    SDQ3 = "SDQ3", "Not possible because of the severity of the child's disability"
    SDQ4 = "SDQ4", "Other"
    SDQ5 = "SDQ5", "The young person refused"


class PreviousPermanenceKind(models.TextChoices):
    P1 = "P1", "Adoption"
    P2 = "P2", "Special guardianship order"
    P3 = "P3", "Residence order or child arrangements order"
    Z1 = "Z1", "None, or not known"


class AdoptersSex(models.TextChoices):
    M1 = "M1", "A single man"
    F1 = "F1", "A single woman"
    MM = "MM", "Two men"
    FF = "FF", "Two women"
    MF = "MF", "A man and a woman"


class AdoptersLegalStatus(models.TextChoices):
    L0 = "L0", "A single adopter"
    L11 = "L11", "A married couple"
    L12 = "L12", "Civil partners"
    L2 = "L2", "A couple, neither married nor civil partners"
    L3 = "L3", "The partner of the child's parent"


class PlacedCeasedReason(models.TextChoices):
    RD1 = "RD1", "The child's needs changed"
    RD2 = "RD2", "The court did not make a placement order"
    RD3 = "RD3", "Prospective adopters could not be found"
    RD4 = "RD4", "Any other reason"


class InTouch(models.TextChoices):
    YES = "YES", "In touch"
    NO = "NO", "Not in touch"
    DIED = "DIED", "Died"
    REFU = "REFU", "Refuses contact"
    NREQ = "NREQ", "No longer requires services"
    RHOM = "RHOM", "Returned home to parents or family for 6 months or more"


class Activity(models.TextChoices):
    F1 = "F1", "Full-time higher education"
    P1 = "P1", "Part-time higher education"
    F2 = "F2", "Full-time education other than higher education"
    P2 = "P2", "Part-time education other than higher education"
    F4 = "F4", "Full-time training or employment"
    P4 = "P4", "Part-time training or employment"
    F5 = "F5", "Full-time apprenticeship"
    P5 = "P5", "Part-time apprenticeship"
    G4 = "G4", "Not in education, training or employment: illness or disability"
    G5 = "G5", "Not in education, training or employment: other reasons"
    G6 = "G6", "Not in education, training or employment: pregnancy or parenting"


class Accommodation(models.TextChoices):
    """OC3 ACCOM: where the young person lives (letter), suitable (1) or not (2)."""

    B1 = "B1", "With parents or relatives: suitable"
    B2 = "B2", "With parents or relatives: unsuitable"
    C1 = "C1", "Community home or other residential care: suitable"
    C2 = "C2", "Community home or other residential care: unsuitable"
    D1 = "D1", "Semi-independent, transitional accommodation: suitable"
    D2 = "D2", "Semi-independent, transitional accommodation: unsuitable"
    E1 = "E1", "Supported lodgings: suitable"
    E2 = "E2", "Supported lodgings: unsuitable"
    G1 = "G1", "Gone abroad: suitable"
    G2 = "G2", "Gone abroad: unsuitable"
    H1 = "H1", "Deported: suitable"
    H2 = "H2", "Deported: unsuitable"
    K1 = "K1", "Ordinary lodgings: suitable"
    K2 = "K2", "Ordinary lodgings: unsuitable"
    R1 = "R1", "Residence not known: suitable"
    R2 = "R2", "Residence not known: unsuitable"
    S1 = "S1", "No fixed abode or homeless: suitable"
    S2 = "S2", "No fixed abode or homeless: unsuitable"
    T1 = "T1", "Foyers: suitable"
    T2 = "T2", "Foyers: unsuitable"
    U1 = "U1", "Independent living: suitable"
    U2 = "U2", "Independent living: unsuitable"
    V1 = "V1", "Emergency accommodation: suitable"
    V2 = "V2", "Emergency accommodation: unsuitable"
    W1 = "W1", "Bed and breakfast: suitable"
    W2 = "W2", "Bed and breakfast: unsuitable"
    X1 = "X1", "In custody: suitable"
    X2 = "X2", "In custody: unsuitable"
    Y1 = "Y1", "Other accommodation: suitable"
    Y2 = "Y2", "Other accommodation: unsuitable"
    Z1 = "Z1", "With former foster carers: suitable"
    Z2 = "Z2", "With former foster carers: unsuitable"

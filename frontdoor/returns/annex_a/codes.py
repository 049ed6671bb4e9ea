"""The categorical values of Ofsted's ILACS Annex A template, keyed by Front Door's codes.

Annex A cells hold the template's drop-down values ("letter) label"), not the DfE codes.
The letters and labels follow the Ofsted Annex A template (2023 onwards) as published and
as reproduced by the regional data pipelines that read councils' returns (for example
Social Finance's liia-tools Annex A schema). Ofsted inserted "p1) 5D" for the DfE's newer
early-help referral source so that the other letters kept their meaning; the list still
ends "u) 10: Unknown".
"""

from frontdoor.casework.codes import PrimaryNeed
from frontdoor.people.models import Ethnicity

YES = "a) Yes"
NO = "b) No"
UNKNOWN = "c) Unknown"

# Person.sex is M/F/U. The template's "d) Neither" is never written: Front Door does not
# record it.
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
NOT_STATED = GENDER["U"]

# a) WBRI ... t) NOBT, in the DfE order of data-and-returns.md §2 (the order of Ethnicity).
ETHNICITY = {code: f"{chr(ord('a') + i)}) {code}" for i, code in enumerate(Ethnicity.values)}

REFERRAL_SOURCE = {
    "1A": "a) 1A: Individual",
    "1B": "b) 1B: Individual",
    "1C": "c) 1C: Individual",
    "1D": "d) 1D: Individual",
    "2A": "e) 2A: Schools",
    "2B": "f) 2B: Education services",
    "3A": "g) 3A: Health services",
    "3B": "h) 3B: Health services",
    "3C": "i) 3C: Health services",
    "3D": "j) 3D: Health services",
    "3E": "k) 3E: Health services",
    "3F": "l) 3F: Health services",
    "4": "m) 4: Housing",
    "5A": "n) 5A: LA services",
    "5B": "o) 5B: LA services",
    "5C": "p) 5C: LA services",
    "5D": "p1) 5D: LA services",
    "6": "q) 6: Police",
    "7": "r) 7: Other legal agency",
    "8": "s) 8: Other",
    "9": "t) 9: Anonymous",
    "10": "u) 10: Unknown",
}

PRIMARY_NEED = {need.value: f"{need.value} - {need.label}" for need in PrimaryNeed}

REASON_FOR_CLOSURE = {
    "RC1": "RC1 - Adopted",
    "RC2": "RC2 - Died",
    "RC3": "RC3 - Child arrangements order",
    "RC4": "RC4 - Special guardianship order",
    "RC5": "RC5 - Transferred to services of another local authority",
    "RC6": "RC6 - Transferred to adult social care services",
    "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
    "RC8": "RC8 - Case closed after assessment, no further action",
    "RC9": "RC9 - Case closed after assessment, referred to early help",
}

# List 6 case status, in order of precedence (domain.md §2.2).
LOOKED_AFTER = "a) Looked after child"
CP_PLAN = "b) Child Protection plan"
CIN_PLAN = "c) Child in need plan"
OPEN_ASSESSMENT = "d) Open assessment"
CLOSED_EPISODE = "e) Closed episode"

CATEGORY_OF_ABUSE = {
    "NEG": "a) Neglect",
    "PHY": "b) Physical abuse",
    "SAB": "c) Sexual abuse",
    "EMO": "d) Emotional abuse",
    "MUL": "e) Multiple/not recommended",
}

LEGAL_STATUS = {
    "C1": "C1: ICO",
    "C2": "C2: FCO",
    "D1": "D1: Freeing order",
    "E1": "E1: Placement order",
    "J1": "J1: Remanded to LA or youth detention",
    "J2": "J2: LA accommodation under PACE",
    "J3": "J3: Youth rehabilitation order",
    "L1": "L1: Police protection LA accommodation",
    "L2": "L2: EPO",
    "L3": "L3: Child assessment order LA accommodation",
    "V2": "V2: Single period under S20",
    "V3": "V3: Short term breaks, episodes recorded",
    "V4": "V4: Short term breaks, agreements recorded",
}

REASON_CEASED = {
    "E11": "a) E11: Adopted - application unopposed",
    "E12": "b) E12: Adopted - consent dispensed",
    "E2": "c) E2: Died",
    "E3": "d) E3: Care taken by another LA",
    "E4A": "e) E4A: Returned home to live with parents or relatives - part of planning",
    "E4B": "f) E4B: Returned home to live with parents or relatives - not part of planning",
    "E13": "g) E13: Parents, relatives or other with no parental responsibility",
    "E41": "h) E41: Residence order granted",
    "E45": "i) E45: Special Guardianship Orders - former carer relative/friend",
    "E46": "j) E46: Special Guardianship Orders - former carer other",
    "E47": "k) E47: Special Guardianship Orders - relative/friend",
    "E48": "l) E48: Special Guardianship Orders - other",
    "E5": "m) E5: Moved into independent living - supported",
    "E6": "n) E6: Moved into independent living - no support",
    "E7": "o) E7: Transferred to residential care funded by adult social services",
    "E9": "p) E9: Sentenced to custody",
    "E14": "q) E14: Accommodation on remand ended",
    "E15": "r) E15: Age assessment determined child was 18 or over",
    "E16": "s) E16: Child moved abroad",
    "E8": "t) E8: Care ceased for any other reason",
    "E17": "v) E17: Aged 18+ and remained with current carers",
}

PLACEMENT_TYPE = {
    "U1": "a) U1: Foster placement - relatives - long term",
    "U2": "b) U2: Foster placement - relative - FFA",
    "U3": "c) U3: Foster placement - relative - not FFA",
    "U4": "d) U4: Foster placement - long term",
    "U5": "e) U5: Foster placement - FFA",
    "U6": "f) U6: Foster placement - not FFA",
    "A3": "g) A3: Placed for adoption - consent - current foster",
    "A4": "h) A4: Placed for adoption - consent - not foster",
    "A5": "i) A5: Placed for adoption - order - foster",
    "A6": "j) A6: Placed for adoption - order - not foster",
    "P1": "k) P1: Placed with parents",
    "H5": "n) H5: Residential accommodation",
    "K1": "o) K1: Secure Children's Homes",
    "K2": "p) K2: Children's Homes",
    "R1": "q) R1: Residential Care Home",
    "R2": "r) R2: NHS/Health Trust",
    "R5": "t) R5: Young Offender Institution",
    "S1": "u) S1: Residential school",
    "Z1": "v) Z1: Other placements",
}

PLACEMENT_PROVIDER = {
    "PR0": "a) PR0: Parent(s) or other person(s) with parental responsibility",
    "PR1": "b) PR1: Own provision (by the LA)",
    "PR2": "c) PR2: Other LA provision",
    "PR3": "d) PR3: Other public provision (e.g. by a PCT etc)",
    "PR4": "e) PR4: Private provision",
    "PR5": "f) PR5: Voluntary/third sector provision",
}
# The permanence plan Front Door records: a decision that the child should be placed for
# adoption, not since reversed (other plans are not recorded, so left blank).
PERMANENCE_ADOPTION = "Adoption"


def yes_no(value: bool | None, *, unknown: str = "") -> str:
    """a) Yes / b) No; `unknown` (blank or "c) Unknown") when nothing is recorded."""
    if value is None:
        return unknown
    return YES if value else NO

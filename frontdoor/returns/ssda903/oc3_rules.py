"""DfE SSDA903 rules about OC3, care leavers' contact, activity and accommodation around
their 17th to 21st birthday, and Front Door's check that it is recorded."""

from collections.abc import Iterator

from frontdoor.casework.care_codes import Accommodation, Activity, InTouch
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()
NOT_RETURNED = {"DIED", "RHOM"}  # died; returned home for 6 months or more
FOYER = {"T1", "T2"}
FORMER_FOSTER_CARERS = {"Z1", "Z2"}


@CHILD_RULES.rule(
    "FD-OC3",
    "Care leaver information missing",
    "A care leaver whose 17th to 21st birthday fell in the year needs their contact, "
    "activity and accommodation around it (OC3).",
)
def leaver_recorded(child: Child, period: Period) -> Iterator[str]:
    birthday = child.care_leaver_birthday
    if birthday is not None and child.leaver_contact is None:
        yield (
            "Record whether the council was in touch around their birthday on "
            f"{govuk_date(birthday)}."
        )


@CHILD_RULES.rule("131", "In touch", "Data entry for being in touch after leaving care is invalid.")
def in_touch_valid(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.in_touch not in InTouch.values:
        yield f"“{c.in_touch}” is not an IN_TOUCH code."


@CHILD_RULES.rule("132", "Activity", "Data entry for activity after leaving care is invalid.")
def activity_valid(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.activity and c.activity not in Activity.values:
        yield f"“{c.activity}” is not an activity code."


@CHILD_RULES.rule(
    "133", "Accommodation", "Data entry for accommodation after leaving care is invalid."
)
def accommodation_valid(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.accommodation and c.accommodation not in Accommodation.values:
        yield f"“{c.accommodation}” is not an accommodation code."


@CHILD_RULES.rule(
    "153",
    "Activity without accommodation",
    "All data items relating to a child's activity or accommodation after leaving care must be "
    "coded or left blank.",
)
def activity_and_accommodation(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and bool(c.activity) != bool(c.accommodation):
        yield "Give both the young person's activity and accommodation, or neither."


@CHILD_RULES.rule(
    "345",
    "In touch without activity",
    "The record shows the local authority is in touch with this young person, but activity "
    "and/or accommodation data items are blank.",
)
def in_touch_has_activity(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.in_touch == "YES" and not (c.activity and c.accommodation):
        yield "In touch: record the young person's activity and accommodation."


@CHILD_RULES.rule(
    "344",
    "Activity after death or return home",
    "The record shows the young person has died or returned home to live with parent(s) for a "
    "continuous period of 6 months or more, but activity and/or accommodation have been "
    "completed.",
)
def nothing_when_died_or_home(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.in_touch in NOT_RETURNED and (c.activity or c.accommodation):
        yield f"{c.in_touch}: leave the activity and accommodation blank."


@CHILD_RULES.rule(
    "347", "Foyer under 18", "Care leavers aged under 18 years can not be accommodated in a Foyer."
)
def foyer_from_eighteen(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is not None and c.accommodation in FOYER and child.is_under(18, c.birthday):
        yield "The young person is under 18: they cannot live in a foyer (T1, T2)."


@CHILD_RULES.rule(
    "3001",
    "With former foster carers at 17",
    "Where care leavers information is being returned for a young person around their 17th "
    "birthday, the accommodation cannot be with their former foster carer(s).",
)
def not_with_foster_carers_at_seventeen(child: Child, period: Period) -> Iterator[str]:
    c, seventeen = child.leaver_contact, child.turns(17)
    at_seventeen = seventeen is not None and period.contains(seventeen)
    if c is not None and at_seventeen and c.accommodation in FORMER_FOSTER_CARERS:
        yield (
            "Around the 17th birthday the accommodation cannot be with former foster carers "
            f"({c.accommodation})."
        )


@CHILD_RULES.rule(
    "1000",
    "Care leaver who died in care",
    "This child is recorded as having died in care and therefore should not have the care "
    "leaver information completed.",
)
def not_died_in_care(child: Child, period: Period) -> Iterator[str]:
    if child.leaver_contact is not None and any(s.reason_ceased == "E2" for s in child.spells):
        yield "The child died in care (E2): there is no care leaver information to return."


@CHILD_RULES.rule(
    "1011",
    "Care leaver transferred",
    "This child is recorded as having his/her care transferred to another local authority for "
    "the final episode and therefore should not have the care leaver information completed.",
)
def not_transferred(child: Child, period: Period) -> Iterator[str]:
    last = child.spells[-1] if child.spells else None
    if child.leaver_contact is not None and last is not None and last.reason_ceased == "E3":
        yield (
            "Care passed to another council (E3): that council returns the care leaver information."
        )

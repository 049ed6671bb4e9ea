"""The CIN census as data: the collection year, the header, and each child's record as the
return will say it (data-and-returns.md §2). No database here: `collection` fills these in,
the rules check them and `document` writes them as XML."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CensusPeriod:
    year: int

    @property
    def start(self) -> dt.date:
        """1 April of the year before."""
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        """The ReferenceDate: 31 March of the collection year."""
        return dt.date(self.year, 3, 31)

    @property
    def school_age_born_by(self) -> dt.date:
        """Born on or before this day: of school age in the collection year (DfE rule 8770Q:
        the ReferenceDate's school year start, 31 August, six years back)."""
        return dt.date(self.year - 6, 8, 31)

    def contains(self, day: dt.date) -> bool:
        """Whether `day` is in the collection year, both ends included."""
        return self.start <= day <= self.end


@dataclass
class Header:
    year: int
    reference_date: dt.date
    lea: str
    software_code: str
    release: str
    serial_no: str
    created_at: dt.datetime


@dataclass
class AssessmentRecord:
    start_date: dt.date
    authorisation_date: dt.date | None = None
    factors: list[str] = field(default_factory=list)
    internal_review_date: dt.date | None = None


@dataclass
class CINPlanRecord:
    start_date: dt.date
    end_date: dt.date | None = None


@dataclass
class Section47Record:
    start_date: dt.date
    icpc_target: dt.date | None = None
    icpc_date: dt.date | None = None
    is_icpc_not_required: bool = False


@dataclass
class CPPlanRecord:
    start_date: dt.date
    initial_category: str
    latest_category: str
    previous_plans: int = 0
    end_date: dt.date | None = None
    review_dates: list[dt.date] = field(default_factory=list)


@dataclass
class EpisodeRecord:
    referral_date: dt.date
    referral_source: str
    primary_need: str = ""
    closure_date: dt.date | None = None
    reason_for_closure: str = ""
    icpc_date: dt.date | None = None  # CINdetails-level DateOfInitialCPC (no s47 in the return)
    is_referral_nfa: bool = False
    # Assessments of this episode authorised before the period (not in the return): they
    # still count as "an assessment" for closure reasons RC8 and RC9.
    earlier_assessments: int = 0
    assessments: list[AssessmentRecord] = field(default_factory=list)
    cin_plans: list[CINPlanRecord] = field(default_factory=list)
    section47s: list[Section47Record] = field(default_factory=list)
    cp_plans: list[CPPlanRecord] = field(default_factory=list)


@dataclass
class ChildRecord:
    person_id: int | None
    la_child_id: str
    sex: str
    ethnicity: str
    upn: str = ""
    former_upn: str = ""
    upn_unknown: str = ""
    birth_date: dt.date | None = None
    expected_birth_date: dt.date | None = None
    death_date: dt.date | None = None
    disabilities: list[str] = field(default_factory=list)
    episodes: list[EpisodeRecord] = field(default_factory=list)


@dataclass
class Census:
    header: Header
    period: CensusPeriod
    children: list[ChildRecord]

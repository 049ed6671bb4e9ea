"""The person index: children (including unborn), adults, aliases, addresses, relationships."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.lib.dates import age_on


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or not stated"


class UPNUnknown(models.TextChoices):
    """Why a child has no unique pupil number (DfE CIN census UPNunknown, UN1 to UN7)."""

    UN1 = "UN1", "Child is aged under 6 and not yet at school"
    UN2 = "UN2", "Child has never attended school in England"
    UN3 = "UN3", "Child is being educated outside England"
    UN4 = "UN4", "Child has recently arrived from abroad"
    UN5 = "UN5", "The sources that hold UPNs disagree"
    UN6 = "UN6", "Child is 6 or over and their UPN is not known"
    UN7 = "UN7", "Referral with no further action"


class Ethnicity(models.TextChoices):
    """DfE ethnicity codes (CIN census)."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    """DfE disability codes (CIN census)."""

    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other DDA"


class PersonQuerySet(models.QuerySet["Person"]):
    def children(self) -> "PersonQuerySet":
        return self.filter(kind__in=[Person.Kind.CHILD, Person.Kind.UNBORN])

    def not_merged(self) -> "PersonQuerySet":
        return self.filter(merged_into__isnull=True)


class Person(models.Model):
    class Kind(models.TextChoices):
        CHILD = "child", "Child"
        UNBORN = "unborn", "Unborn child"
        ADULT = "adult", "Adult"

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.CHILD)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    # Indexed as the first column of person_born_given (Meta.indexes), as are the search keys.
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    disabilities = models.JSONField(default=list, blank=True, help_text="DfE disability codes.")
    nhs_number = models.CharField(max_length=10, blank=True, db_index=True)
    upn = models.CharField("UPN", max_length=13, blank=True, db_index=True)
    upn_unknown = models.CharField(
        "Reason UPN not known",
        max_length=3,
        choices=UPNUnknown.choices,
        blank=True,
        help_text="DfE code (UN1 to UN7) for a child with no UPN.",
    )
    la_child_id = models.CharField("LA child ID", max_length=20, blank=True, db_index=True)
    restricted_to_team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="A restricted record is visible only to this team (and administrators).",
    )
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    # Search keys kept beside the record so candidate lookups are indexed.
    # No index of their own: each leads a composite index below, and every index on this
    # table is one more that the planner weighs for each branch of a search.
    search_family_name = models.CharField(max_length=100, blank=True)
    search_given_name = models.CharField(max_length=100, blank=True)
    family_name_phonetic = models.CharField(max_length=20, blank=True)
    # Phonetic key of the last part of a double-barrelled surname (same as the first otherwise),
    # so "Jones" finds "Smith-Jones".
    family_name_last_phonetic = models.CharField(max_length=20, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["family_name_phonetic", "date_of_birth"]),
            models.Index(
                fields=["search_given_name", "date_of_birth"], name="person_given_name_born"
            ),
            # Search look-ups narrow a surname key by a window of birth dates; at national
            # scale a common surname has tens of thousands of rows, so the date is indexed too.
            models.Index(
                fields=["family_name_last_phonetic", "date_of_birth"],
                name="person_last_phonetic_born",
            ),
            models.Index(
                fields=["search_family_name", "date_of_birth"], name="person_family_name_born"
            ),
            # A name and a window of birth dates, from either end: "Millie Dixon, age 19"
            # is a few rows among thousands of Dixons and thousands of Millies.
            models.Index(
                fields=["search_family_name", "search_given_name", "date_of_birth"],
                name="person_family_given_born",
            ),
            models.Index(
                fields=["search_given_name", "search_family_name", "date_of_birth"],
                name="person_given_family_born",
            ),
            models.Index(
                fields=["family_name_phonetic", "search_given_name", "date_of_birth"],
                name="person_phonetic_given_born",
            ),
            # A date of birth and a forename's first letters, for a changed surname.
            models.Index(fields=["date_of_birth", "search_given_name"], name="person_born_given"),
            models.Index(fields=["date_of_birth", "search_family_name"], name="person_born_family"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        name = f"{self.given_name} {self.family_name}".strip()
        return name or "Name not known"

    @property
    def is_child(self) -> bool:
        return self.kind in (self.Kind.CHILD, self.Kind.UNBORN)

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return -1 if self.kind == self.Kind.UNBORN else None
        return age_on(self.date_of_birth, day)

    def current_residence(self) -> "Residence | None":
        return self.residences.filter(end_date__isnull=True).select_related("household").first()


class Alias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    note = models.CharField(max_length=120, blank=True, help_text="e.g. previous surname")
    # The same search keys as Person, so a previous or other name is found by index too.
    search_given_name = models.CharField(max_length=100, blank=True, db_index=True)
    search_family_name = models.CharField(max_length=100, blank=True, db_index=True)
    family_name_phonetic = models.CharField(max_length=20, blank=True, db_index=True)

    class Meta:
        verbose_name_plural = "aliases"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Household(models.Model):
    """An address where people live together."""

    line1 = models.CharField(max_length=120)
    line2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80, blank=True)
    postcode = models.CharField(max_length=8, db_index=True)

    def __str__(self) -> str:
        return ", ".join(p for p in [self.line1, self.line2, self.town, self.postcode] if p)


class Residence(models.Model):
    """One line of a person's address history."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="residences")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="residents")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]

    @property
    def is_current(self) -> bool:
        return self.end_date is None


class Relationship(models.Model):
    """`other` is `person`'s `kind`: Relationship(person=child, other=mum, kind=PARENT).

    Actions store the reciprocal row too where there is one (parent and child, carer and
    child cared for, siblings, household members), so each record lists its own links.
    """

    class Kind(models.TextChoices):
        PARENT = "parent", "Parent"
        CHILD = "child", "Child"
        CARER = "carer", "Carer"
        CARED_FOR = "cared_for", "Child they care for"
        SIBLING = "sibling", "Sibling"
        HOUSEHOLD_MEMBER = "household_member", "Household member"
        SIGNIFICANT_ADULT = "significant_adult", "Other significant adult"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "other", "kind"], name="one_relationship_kind"
            ),
            models.CheckConstraint(condition=~Q(person=models.F("other")), name="not_self"),
        ]

    def describe(self) -> dict[str, Any]:
        return {"kind": self.get_kind_display(), "other": self.other.full_name}


class DuplicatePairQuerySet(models.QuerySet["DuplicatePair"]):
    def awaiting_review(self) -> "DuplicatePairQuerySet":
        """Proposed pairs of two live records, not flagged as possible twins or siblings."""
        return self.filter(
            status=DuplicatePair.Status.PROPOSED,
            is_likely_twin_or_sibling=False,
            first__merged_into__isnull=True,
            second__merged_into__isnull=True,
        )

    def flagged_twins_or_siblings(self) -> "DuplicatePairQuerySet":
        return self.filter(
            status=DuplicatePair.Status.PROPOSED,
            is_likely_twin_or_sibling=True,
            first__merged_into__isnull=True,
            second__merged_into__isnull=True,
        )


class DuplicatePair(models.Model):
    """Two records that may be one person, found by `frontdoor people find-duplicates`.

    Stored once per pair (`first` has the lower id). A pair marked as different people is
    never proposed again. Pairs that look like twins or siblings (same surname, date of birth
    and address, different forename) are flagged and never suggested for merging.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Awaiting review"
        MERGED = "merged", "Merged"
        DIFFERENT = "different", "Different people"

    first = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField(db_index=True)
    evidence = models.JSONField(default=dict, blank=True, help_text="reasons and differences")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    is_likely_twin_or_sibling = models.BooleanField(default=False)
    found_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = DuplicatePairQuerySet.as_manager()

    class Meta:
        ordering = ["-probability", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_pair_per_two_people"),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="pair_ordered"),
        ]

    @property
    def reasons(self) -> list[str]:
        return list(self.evidence.get("reasons", []))

    @property
    def differences(self) -> list[str]:
        return list(self.evidence.get("differences", []))


class Merge(models.Model):
    """One record merged into another, with everything needed to undo it exactly.

    `snapshot` holds the survivor's field values before the merge, which rows were moved
    from the merged record to the survivor (by model, field and primary key), which rows were
    removed because they would have duplicated the survivor's (serialised in full), which
    moved rows were changed (old values) and which rows the merge created.
    """

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    pair = models.ForeignKey(
        DuplicatePair, null=True, blank=True, on_delete=models.SET_NULL, related_name="merges"
    )
    merged_at = models.DateTimeField()
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(default=dict)
    unmerged_at = models.DateTimeField(null=True, blank=True)
    unmerged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at", "-pk"]

    @property
    def is_undone(self) -> bool:
        return self.unmerged_at is not None


class BreakGlass(models.Model):
    """A user opened a record restricted to another team, saying why ("break-glass").

    Until `expires_at` the record is visible to them as to its own team (people.access); the
    opening is in the record's access log and in the auditors' break-glass report.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    opened_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["user", "expires_at"])]

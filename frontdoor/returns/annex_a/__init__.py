"""Ofsted ILACS Annex A: the child-level Lists 1 to 8 as one workbook (data-and-returns.md §3).

`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx` and the analysts' page
both call `workbook.build_lists(as_of)` and `workbook.write_workbook()`. The modules build
on one another, never the other way round: `codes`, `window` and `columns` (the template's
values, the look-back, the columns every list shares) → `lists`, `plans`, `care` (the lists)
→ `workbook` → `views`.

Sheet names and column headers are those of Ofsted's Annex A template (2023 onwards), as
reproduced by the regional pipelines that read councils' returns (Social Finance's liia-tools
Annex A schema); List 8's columns are the template's, in its order. They are data, in
`headers.json` beside this file.

Conventions:
- The look-back is the 6 months ending on the as-of date, both days included (as of
  31 March 2025: 1 October 2024 to 31 March 2025). Everything is as at the as-of date: a
  later date (an authorisation, a plan's end) is left blank, as it had not happened yet.
- Counts "in the last 12 months" (referrals, s47 enquiries, ICPCs, placements, missing and
  absent episodes, a second period of care) run from the same date a year before, that day
  included, to the as-of date (as of 31 March 2025: from 31 March 2024). This is the one
  "within N months" convention of `frontdoor.lib.dates`, which the re-referral KPI uses too.
- Dates are real Excel date cells formatted dd/mm/yyyy, as in Ofsted's template, so that
  inspectors can sort and filter them. Age of Child (Years) is the age on the as-of date;
  an unborn child is -1.
- Child Unique ID is the LA child ID (the CIN census LAchildID). A child named in a contact
  but not yet linked to the person index is listed under the contact reference and the
  child's place in the contact ("FD-ABCD-EFGH-1").
- Categorical cells use the template's "letter) label" values (codes.py).
- List 4 "Child Seen" is Yes once the child's seen date is recorded, else No; "requiring
  social care support" is Yes for an outcome of a CIN plan, a strategy discussion or
  becoming looked after, blank while the assessment is open.
- List 5 lists enquiries started in the 6 months or still open when they began (no outcome
  and no ICPC before them).
- List 6 is one row per CIN episode and leaves out referrals closed with no further action
  (the DfE does not count them as children in need). Case status takes the first of: looked
  after, CP plan, CIN plan, open assessment, closed episode. An open episode with no plan
  is "d) Open assessment" (in assessment, awaiting one, or assessed awaiting a plan or
  closure).
- List 8 is one row per period of care (a run of looked-after episodes).
- Every list is read in a few bulk queries and grouped in Python: no query per child.

- List 2 is one row per child per Family Strengths and Needs assessment completed in the 6
  months or in progress on the as-of date (the children the assessment heard; for one in
  progress, the family's children then), then one row for each child in early help on the
  as-of date with no such assessment (their latest earlier assessment's dates, or blank).
  "Organisation completing assessment" is the lead professional's agency, or the council's
  family wellbeing service.

Columns left blank because Front Door does not record them yet:
- List 7: Subject to Emergency Protection Order or Protected Under Police Powers in Last
  Six Months (Y/N).
- List 8: Date of Last Social Work Visit; Date of Last IRO Visit / Contact to the Child;
  URN of Placement; Placement Location; LA of Placement. From the looked-after record
  (casework care_records): UASC (a status ceasing on or after the start of the 12 months),
  the latest statutory review, health assessment and dental check by the as-of date, the
  placement provider, and the permanence plan, which is "Adoption" while a decision to place
  for adoption stands and blank otherwise (no other plan is recorded).
- List 6 Primary Need Code is blank where the episode has none recorded.
"""

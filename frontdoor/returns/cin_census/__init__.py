"""The DfE children in need census: who is in it, what it says, and the checks it passes.

Collection year Y runs from 1 April Y-1 to 31 March Y (the ReferenceDate). Every child with a
CIN episode open at any point in that period is in the return, with the episodes, assessments,
plans, section 47 enquiries and conferences that were active in it (data-and-returns.md §2).

The return is as at the ReferenceDate: anything recorded as happening after it (a closure, an
authorisation, a conference) is left out, so a year can be exported again later and say the
same. Reads are a fixed number of queries whatever the size of the council (no query per
child): the episodes of the period, then each kind of casework record for those episodes.

Every initial conference here belongs to a section 47 enquiry, so DateOfInitialCPC is written
in the Section47 module, never on CINdetails (the rules still check data that has it there).
Disabilities are written only when recorded (the element is optional in the DfE schema);
UPNunknown only as UN7, for a child whose every episode in the year was an NFA referral.

LAchildID is the person's `la_child_id`; a child without one (records loaded in bulk) gets
`FD` and the record's id padded to 7 digits, the same id the person index gives a new child
(people.actions), so it is stable from one year's return to the next.
"""

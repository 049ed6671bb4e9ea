"""The DfE SSDA903 children-looked-after return (data-and-returns.md, domain.md §2.3).

Collection year Y runs from 1 April Y-1 to 31 March Y. Every child looked after at any point
in the year is in the return, with each episode of care open in it (`collection`); care
leavers whose 17th to 21st birthday fell in the year are in OC3. The return is as at
31 March: anything recorded as happening after it is left out, so a year exported again
later says the same. One module per table writes its rows with the DfE's column names
(`header`, `episodes`, `reviews`, `uasc`, `oc2`, `oc3`, `ad1`, `placed_for_adoption`,
`previous_permanence`, `missing`, `social_workers`; `tables` joins them). The DfE's
validation rules are data with small predicates, by concept (`*_rules`, `rulebook`).

CHILD is the person's `la_child_id`, or `FD` and the record's id padded to 7 digits (the
same id as the CIN census gives them).
"""

"""Identifiers validated on entry: NHS number, UPN, postcode, LA child ID."""

import re

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_POSTCODE = re.compile(
    r"^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW])"
    r" [0-9][ABD-HJLNP-UW-Z]{2})$"
)
_LA_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def is_valid_nhs_number(value: str) -> bool:
    """Ten digits whose last is the modulus 11 check digit of the first nine."""
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def is_test_nhs_number(value: str) -> bool:
    """Synthetic data uses the 999 range NHS England reserves for testing."""
    return normalise_nhs_number(value).startswith("999")


def nhs_number_with_check_digit(first_nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else first_nine + str(check)


def upn_check_letter(body: str) -> str:
    """Check letter for the 12 characters after it (DfE: weights 2..13, modulus 23)."""
    values = []
    for ch in body:
        if ch.isdigit():
            values.append(int(ch))
        else:  # a letter in position 13 of a temporary UPN counts by its place in the list
            values.append(UPN_LETTERS.index(ch))
    total = sum(v * w for v, w in zip(values, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def is_valid_upn(value: str) -> bool:
    upn = (value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", upn):
        return False
    if not upn[12].isdigit() and upn[12] not in UPN_LETTERS:
        return False
    return upn[0] == upn_check_letter(upn[1:])


def normalise_postcode(value: str) -> str:
    """Upper case with a single space before the inward code ("bs231uj" -> "BS23 1UJ")."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def is_valid_postcode(value: str) -> bool:
    return bool(_POSTCODE.match(normalise_postcode(value)))


def outward_code(postcode: str) -> str:
    return normalise_postcode(postcode).split(" ")[0]


def postcode_sector(postcode: str) -> str:
    normal = normalise_postcode(postcode)
    return normal[:-2] if " " in normal else normal


def is_valid_la_child_id(value: str) -> bool:
    return bool(_LA_CHILD_ID.match(value or ""))


def default_la_child_id(person_id: int) -> str:
    """The LA child ID a child's record is given when made (CIN census LAchildID)."""
    return f"FD{person_id:07d}"

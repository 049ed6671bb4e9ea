"""NHS numbers, UPNs and postcodes are checked as the NHS and the DfE define them."""

import pytest

from frontdoor.lib.identifiers import (
    is_test_nhs_number,
    is_valid_la_child_id,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_upn,
    nhs_number_with_check_digit,
    normalise_nhs_number,
    normalise_postcode,
    outward_code,
    postcode_sector,
    upn_check_letter,
)


@pytest.mark.parametrize(
    "number",
    [
        "9434765919",
        "943 476 5919",
        "943-476-5919",
        "4010232137",
        "9990000018",
        "9990000026",
        "9999999999",
    ],
)
def test_nhs_numbers_with_the_right_check_digit_are_valid(number):
    assert is_valid_nhs_number(number)


@pytest.mark.parametrize(
    "number",
    ["9434765918", "4010232138", "943476591", "94347659190", "943476591X", "", "abcdefghij"],
)
def test_nhs_numbers_with_a_wrong_check_digit_or_length_are_invalid(number):
    assert not is_valid_nhs_number(number)


def test_a_number_whose_check_digit_would_be_10_is_never_valid():
    # 9,9,9,0,0,0,0,0,0 weighted 10..2 sums to 243; 243 mod 11 = 1; 11 - 1 = 10.
    assert nhs_number_with_check_digit("999000000") is None
    assert not any(is_valid_nhs_number(f"999000000{digit}") for digit in range(10))


def test_a_check_digit_of_11_becomes_0():
    # 9,9,9,0,0,0,0,0,5 weighted 10..2 sums to 243 + 10 = 253 = 11 x 23: 11 - 0 = 11, read as 0.
    assert nhs_number_with_check_digit("999000005") == "9990000050"
    assert is_valid_nhs_number("9990000050")


def test_nhs_numbers_are_stored_without_spaces_or_dashes():
    assert normalise_nhs_number(" 943 476-5919 ") == "9434765919"


def test_synthetic_nhs_numbers_are_in_the_999_range():
    assert is_test_nhs_number("999 000 0018")
    assert not is_test_nhs_number("9434765919")


def test_the_dfe_example_upn_has_a_correct_check_letter():
    assert upn_check_letter("201123417001") == "K"
    assert is_valid_upn("K201123417001")
    assert is_valid_upn("k201123417001")


@pytest.mark.parametrize(
    "upn",
    [
        "A201123417001",
        "K20112341700",
        "K2011234170011",
        "1201123417001",
        "K20112341700I",
        "",
        "K2011234170O1",
    ],
)
def test_upns_with_a_wrong_check_letter_or_shape_are_invalid(upn):
    assert not is_valid_upn(upn)


def test_a_temporary_upn_ending_in_a_letter_is_checked_too():
    letter = upn_check_letter("20112341700A")
    assert is_valid_upn(f"{letter}20112341700A")
    wrong = next(ch for ch in "ABCDEFGHJKLMNPQRTUVWXYZ" if ch != letter)
    assert not is_valid_upn(f"{wrong}20112341700A")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("bs23 1uj", "BS23 1UJ"),
        ("BS231UJ", "BS23 1UJ"),
        ("  sw1a   2aa ", "SW1A 2AA"),
        ("ec1a1bb", "EC1A 1BB"),
        ("m11ae", "M1 1AE"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_postcodes_are_normalised_and_valid(given, stored):
    assert normalise_postcode(given) == stored
    assert is_valid_postcode(given)


@pytest.mark.parametrize(
    "postcode", ["QQ1 1AA", "BS23", "12345", "BS23 1UJJ", "", "BS23 1CJ", "V1 1AA"]
)
def test_malformed_postcodes_are_invalid(postcode):
    assert not is_valid_postcode(postcode)


def test_outward_code_and_sector_come_from_the_normalised_postcode():
    assert outward_code("bs231uj") == "BS23"
    assert postcode_sector("bs231uj") == "BS23 1"


@pytest.mark.parametrize(
    ("value", "valid"),
    [("FD0000012", True), ("A" * 20, True), ("A" * 21, False), ("FD-12", False), ("", False)],
)
def test_la_child_ids_are_up_to_20_letters_and_digits(value, valid):
    assert is_valid_la_child_id(value) is valid

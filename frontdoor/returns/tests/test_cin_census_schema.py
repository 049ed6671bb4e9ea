"""Our census XSD: the DfE-shaped example is valid; broken documents are not."""

from pathlib import Path

import xmlschema

from frontdoor.returns.cin_census.document import SCHEMA, validate

EXAMPLE = Path(__file__).parent / "cin-census-example.xml"


def test_the_shipped_example_is_valid():
    assert validate(EXAMPLE.read_bytes()) == []


def test_elements_out_of_schema_order_are_invalid():
    text = EXAMPLE.read_text()
    swapped = text.replace(
        "<ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>",
        "<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralSource>2A</ReferralSource>",
    )
    assert swapped != text
    problems = validate(swapped.encode())
    assert len(problems) == 1
    assert "PrimaryNeedCode" in problems[0]


def test_the_old_gender_codes_and_true_false_are_invalid():
    text = EXAMPLE.read_text()
    assert validate(text.replace("<Sex>F</Sex>", "<Sex>2</Sex>").encode())
    assert validate(text.encode()) == []
    nfa = text.replace("<ReferralNFA>1</ReferralNFA>", "<ReferralNFA>true</ReferralNFA>")
    assert validate(nfa.encode())


def test_a_missing_required_item_is_invalid():
    text = EXAMPLE.read_text().replace("<ReferralSource>6</ReferralSource>", "")
    problems = validate(text.encode())
    assert len(problems) == 1


def test_a_date_not_in_yyyy_mm_dd_is_invalid():
    text = EXAMPLE.read_text().replace("2019-11-02", "02/11/2019")
    assert validate(text.encode())


def test_a_document_that_is_not_xml_says_so():
    assert validate(b"<Message><Header>")[0].startswith("not well-formed XML")


def test_xmlschema_reads_our_xsd_and_agrees_with_the_export_check():
    """A second, independent validator (xmlschema) gives the same verdicts as libxml2."""
    checker = xmlschema.XMLSchema(str(SCHEMA))
    golden = Path(__file__).parent / "golden" / "cin-census-2025.xml"
    broken = EXAMPLE.read_text().replace("<Sex>M</Sex>", "<Sex>1</Sex>")
    assert checker.is_valid(str(EXAMPLE)) and validate(EXAMPLE.read_bytes()) == []
    assert checker.is_valid(str(golden)) and validate(golden.read_bytes()) == []
    assert not checker.is_valid(broken) and validate(broken.encode()) != []

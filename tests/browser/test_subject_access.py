"""An information governance officer answers a subject access request: log it, gather the
records, redact two entries naming third parties, withhold one, download the tagged PDF;
axe checks every page; the PDF holds none of the redacted or withheld text."""

import io
from collections.abc import Callable

import pikepdf
import pytest
from menu import open_from_menu
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from frontdoor.records.tests.council import build
from frontdoor.test import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _decide(page: Page, title: str, decision: str, reason: str, assert_accessible) -> None:
    page.get_by_role("link", name=title).first.click()
    assert_accessible(page)
    page.get_by_label(decision).check()
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Save the decision").click()
    assert_accessible(page)


def test_a_subject_access_request_is_gathered_redacted_and_disclosed(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    council = build(make_persona("social_worker"))
    make_persona("information_governance")
    sign_in(page, "information_governance")
    open_from_menu(page, "Subject access")
    assert_accessible(page)
    page.get_by_role("link", name="Log a request").click()
    assert_accessible(page)
    page.get_by_role("button", name="Log the request").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Record number of the person").fill(str(council.due.pk))
    page.get_by_label("The person themself").check()
    page.get_by_label("Name of who made the request").fill("Zebedee Quillfeather")
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Log the request").click()
    expect(page.get_by_text("2 December 2026")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Gather the records").click()
    expect(page.get_by_role("heading", name="entries gathered")).to_be_visible()
    assert_accessible(page)

    first_contact = page.get_by_role("row").filter(has_text="Mrs Hollyhock").count()
    assert first_contact == 0  # the list shows titles only, not the text
    _decide(
        page,
        "Relationship: Sibling",
        "Release with third-party details redacted",
        "Sister has not consented.",
        assert_accessible,
    )
    contact_title = (
        page.get_by_role("row")
        .filter(has_text="Contacts and referrals")
        .filter(has_text="Review")
        .first.get_by_role("link")
        .inner_text()
    )
    _decide(
        page,
        contact_title,
        "Release with third-party details redacted",
        "The referrer's details.",
        assert_accessible,
    )
    _decide(
        page,
        "Relationship: Parent",
        "Withhold (serious harm exemption)",
        "Disclosure would be likely to cause serious harm to the mother.",
        assert_accessible,
    )

    page.get_by_role("button", name="Redact the entries not yet decided").click()
    expect(page.get_by_text("will be redacted")).to_be_visible()
    assert_accessible(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the disclosure (PDF)").click()
    data = download.value.path().read_bytes()
    document = pikepdf.open(io.BytesIO(data))
    assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en-GB"
    assert document.Root.MarkInfo.Marked
    text = " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(data)).pages)
    assert "Zebedee Quillfeather" in text and "Contents" in text
    assert "What was withheld and why" in text and "serious harm to the mother" in text
    for redacted in ("Zebara", "Hollyhock", "01934 555 0101", "Marigold"):
        assert redacted not in text, redacted
    assert "[Redacted: third party]" in text

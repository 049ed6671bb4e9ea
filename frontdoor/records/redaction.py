"""What a disclosure shows of one gathered entry, after the reviewer's decision."""

import re
from typing import Any

from frontdoor.records.models import Decision

THIRD_PARTY = "[Redacted: third party]"
PARTNER = "[Redacted: information from a partner agency]"


def redact_text(text: str, terms: list[str]) -> str:
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", THIRD_PARTY, text, flags=re.IGNORECASE)
    return text


def disclosed_fields(item: Any) -> list[tuple[str, str]]:
    """The item's fields as disclosed: in full, or with third parties and partners'
    information replaced by a marker saying so. Withheld items show nothing."""
    if item.decision == Decision.WITHHOLD:
        return []
    fields = [(label, text) for label, text in item.fields]
    # A flagged entry nobody has decided yet is redacted: the safe default.
    pending = item.decision == Decision.PENDING and item.is_flagged
    if item.decision != Decision.REDACT and not pending:
        return fields
    partner = set(item.partner_fields)
    return [
        (label, PARTNER if label in partner else redact_text(text, item.third_parties))
        for label, text in fields
    ]

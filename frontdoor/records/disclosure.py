"""The disclosure: the gathered entries as decided, with a contents page and the log of
what was withheld and why, as a tagged PDF (WeasyPrint, PDF/UA-1)."""

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from frontdoor.records.models import Decision, SarItem, SubjectAccessRequest
from frontdoor.records.redaction import disclosed_fields


@dataclass(frozen=True)
class Section:
    anchor: str
    label: str
    items: list[tuple[SarItem, list[tuple[str, str]]]]


@dataclass(frozen=True)
class Disclosure:
    request: SubjectAccessRequest
    sections: list[Section]
    withheld: list[SarItem]
    redacted: int


def build(request: SubjectAccessRequest) -> Disclosure:
    items = list(request.items.select_related("decided_by"))
    sections = []
    for number, (label, group) in enumerate(groupby(items, key=lambda i: i.source_label), 1):
        shown = [
            (item, disclosed_fields(item)) for item in group if item.decision != Decision.WITHHOLD
        ]
        if shown:
            sections.append(Section(f"section-{number}", label, shown))
    return Disclosure(
        request=request,
        sections=sections,
        withheld=[i for i in items if i.decision == Decision.WITHHOLD],
        redacted=sum(1 for i in items if i.decision == Decision.REDACT),
    )


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """A tagged PDF (PDF/UA-1: a structure tree and the document's language)."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment

    result: Any = HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
    return bytes(result)

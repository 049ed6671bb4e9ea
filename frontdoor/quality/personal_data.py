"""What the quality app holds about a person, for subject access and destruction (ADR 0016):
the audits of front-door decisions on contacts about them, with their answers, agencies'
views, moderation and learning actions.

Destruction needs nothing here: an audit protects its contact, so when the records app
destroys a contact about the person alone, the audit (and its moderation and actions) go
with it; an audit of a contact about siblings too stays, with the person's name removed.
"""

from collections.abc import Iterator

from frontdoor.contacts.models import Contact
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.quality.models import Audit


def _entries(ids: set[int]) -> Iterator[Entry]:
    contacts = Contact.objects.filter(subjects__person_id__in=ids).values("pk")
    audits = (
        Audit.objects.filter(contact__in=contacts)
        .select_related("contact", "auditor", "sample__programme__kind")
        .prefetch_related("answers", "agency_views__agency", "actions")
        .order_by("pk")
    )
    for audit in audits:
        fields = [("Audit", str(audit.kind)), ("Contact", audit.contact.reference)]
        if audit.grade:
            fields.append(("Grade", audit.get_grade_display()))
        if audit.summary:
            fields.append(("Summary", audit.summary))
        for answer in audit.answers.all():
            fields.append((answer.question, f"{answer.get_answer_display()}. {answer.evidence}"))
        partner = []
        for view in audit.agency_views.all():
            if view.view:
                label = f"View of {view.agency.name}"
                fields.append((label, view.view))
                partner.append(label)
        moderation = getattr(audit, "moderation", None)
        if moderation is not None:
            fields.append(("Moderation", f"{moderation.get_grade_display()}. {moderation.comment}"))
        for action in audit.actions.all():
            fields.append(("Learning action", f"{action.what} (by {govuk_date(action.due_date)})"))
        when = audit.completed_at.date() if audit.completed_at else None
        title = f"Quality audit of contact {audit.contact.reference}"
        yield Entry(f"quality.audit:{audit.pk}", title, when, fields, [], partner)


SOURCES = [Source("quality-audits", "Quality audits of decisions", 75, _entries)]

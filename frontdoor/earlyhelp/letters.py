"""The family's letter about a step decision: what was decided, why, who their worker is,
what happens next and how to disagree, in plain English (reading age measured in the tests
with textstat), as a page and as a tagged, accessible PDF (WeasyPrint, PDF/UA-1)."""

from dataclasses import dataclass

from django.conf import settings

from frontdoor.earlyhelp.codes import Direction, StepOutcome
from frontdoor.earlyhelp.models import StepDecision, children_names
from frontdoor.lib.dates import govuk_date


@dataclass(frozen=True)
class Letter:
    title: str
    date: str
    children: str
    sections: list[tuple[str, list[str]]]
    signed: str
    role: str

    def text(self) -> str:
        """The letter's words, for measuring its reading age."""
        parts = [self.title] + [p for heading, ps in self.sections for p in [heading, *ps]]
        return "\n".join(parts)


def _worker(step: StepDecision) -> str:
    lead = step.episode.lead_professional if step.episode else None
    return (lead.get_full_name() or lead.username) if lead else ""


def _disagree(worker: str) -> list[str]:
    phone = settings.FRONTDOOR_FAMILY_PHONE
    who = f"tell {worker}, or " if worker else ""
    return [
        f"Please tell us if you do not agree. You can {who}ring us on {phone}.",
        "A manager who did not make this decision will look at it again. They will write to "
        "you. If they change it, that is a new decision. We keep a record of both.",
        "You can also make a complaint to the council. We will help you do this.",
    ]


def _up(step: StepDecision, names: str, worker: str) -> tuple[str, list[tuple[str, list[str]]]]:
    if step.outcome == StepOutcome.STEPPED_UP:
        title = "A social worker will now work with your family"
        decided = [
            f"We have decided that a social worker should work with your family. "
            f"This is about {names}."
        ]
        who = [
            f"{worker} will stay in touch with you until we tell you the name of your "
            "social worker."
            if worker
            else "Your social worker will ring you soon."
        ]
        nxt = [
            "A social worker will get in touch with you within 1 working day.",
            "They will meet you and your children. They will ask how things are going and what "
            "help you need. This is called an assessment. It takes up to 45 working days.",
        ]
    else:
        title = "Your family will keep getting early help"
        decided = [
            f"We have decided that a social worker does not need to work with your "
            f"family now. Your family will keep getting early help. This is about {names}."
        ]
        who = [
            f"{worker} is still your worker."
            if worker
            else "Your family support worker is still your worker."
        ]
        nxt = [
            "Your worker will talk with you about this letter. You will keep working on your "
            "family plan together."
        ]
    return title, [
        ("What we decided", decided),
        ("Why", [step.reason]),
        ("Who your worker is", who),
        ("What happens next", nxt),
    ]


def _down(
    step: StepDecision, names: str, worker: str, weeks: int
) -> tuple[str, list[tuple[str, list[str]]]]:
    title = "Your family will get early help"
    if step.route == "front_door":
        decided = [
            f"We read what we were told about {names}. We have decided that early "
            "help is the right help for your family. A social worker does not need to "
            "be involved."
        ]
    else:
        decided = [
            f"Children's social care has finished its work with {names}. We have "
            "decided that early help will now help your family."
        ]
    who = (
        [f"Your worker is {worker}. They will ring you within 5 working days."]
        if worker
        else [
            "A family support worker will ring you within 5 working days. They will be your "
            "worker. We will tell you their name."
        ]
    )
    nxt = [
        "Your worker will meet you. You will talk about what is going well and what is hard.",
        "Together you will make a family plan. It says what will change, who will help, "
        "and by when.",
        f"The people helping your family will meet with you every {weeks} weeks to see how "
        "it is going.",
    ]
    return title, [
        ("What we decided", decided),
        ("Why", [step.reason]),
        ("Who your worker is", who),
        ("What happens next", nxt),
    ]


def letter_for(step: StepDecision) -> Letter:
    """The family's letter about a decided step."""
    names = children_names(list(step.children.all()))
    worker = _worker(step)
    if step.direction == Direction.UP:
        title, sections = _up(step, names, worker)
    else:
        weeks = (
            step.episode.review_weeks
            if step.episode
            else settings.FRONTDOOR_EARLY_HELP_REVIEW_WEEKS
        )
        title, sections = _down(step, names, worker, weeks)
    sections.append(("If you do not agree", _disagree(worker)))
    manager = step.decided_by
    return Letter(
        title=title,
        date=govuk_date(step.decided_at.date()) if step.decided_at else "",
        children=names,
        sections=sections,
        signed=(manager.get_full_name() or manager.username) if manager else "",
        role=f"Team manager, {settings.FRONTDOOR_COUNCIL_NAME}",
    )


def render_pdf(html: str, base_url: str) -> bytes:
    """A tagged PDF (PDF/UA-1: structure tree, document language, title) of the letter."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

"""Strategy discussions for front-door staff: convene, record, circulate, and the manager's list."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts import access
from frontdoor.accounts.access import (
    DECIDERS,
    FRONT_DOOR,
    PARTNERS,
    STAFF,
    AuthenticatedRequest,
    allow,
)
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_view
from frontdoor.contacts import access as contact_access
from frontdoor.contacts.models import Contact
from frontdoor.lib.forms import attempt, error_summary, submit
from frontdoor.mash import access as mash_access
from frontdoor.mash import strategy
from frontdoor.mash.strategy_forms import (
    ACTION_ROWS,
    ConveneForm,
    RecordForm,
    attendance_field,
    name_field,
    parties_for,
)
from frontdoor.mash.strategy_models import StrategyAction, StrategyDiscussion


def _log_view(request: AuthenticatedRequest, record: Any, contact: Contact, summary: str) -> None:
    """Every page that shows a child writes an access-log row for each person named."""
    people: list[int | None] = [s.person_id for s in contact.subjects.all() if s.person_id]
    for person_id in people or [None]:
        record_view(
            request.user, record, person_id=person_id, contact_id=contact.pk, summary=summary
        )


def _discussion_or_404(request: AuthenticatedRequest, discussion_id: int) -> StrategyDiscussion:
    discussions = mash_access.strategy_discussions_visible_to(request.user).select_related(
        "contact", "convened_by", "recorded_by", "circulated_by", "enquiry"
    )
    return get_object_or_404(discussions, pk=discussion_id)


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def convene(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(contact_access.visible_to(request.user), pk=contact_id)
    agencies = list(Agency.objects.filter(is_active=True).order_by("name"))
    data = request.POST if request.method == "POST" else None
    required = [str(a.pk) for a in agencies if a.slug in strategy.REQUIRED_AGENCIES]
    form = ConveneForm(data, agencies=agencies, initial={"agencies": required})
    convened = data is not None and submit(
        form,
        lambda data: strategy.convene_strategy_discussion(
            contact,
            request.user,
            held_at=form.held_at(),
            agencies=form.chosen(),
            chair_name=data["chair_name"],
        ),
    )
    if convened:
        messages.success(request, "Strategy discussion convened. The agencies are invited.")
        return redirect("mash:strategy-discussion", discussion_id=convened.result.pk)
    _log_view(request, contact, contact, f"Viewed strategy discussion form for {contact.reference}")
    context = {
        "contact": contact,
        "form": form,
        "may_convene": strategy.may_convene(contact),
        "waiting": contact.strategy_discussions.filter(status=StrategyDiscussion.Status.CONVENED),
        "errors": error_summary(form),
    }
    return render(request, "mash/convene.html", context, status=400 if form.errors else 200)


def _render_discussion(
    request: AuthenticatedRequest, discussion: StrategyDiscussion, form: RecordForm | None = None
) -> HttpResponse:
    contact = discussion.contact
    _log_view(request, discussion, contact, f"Viewed strategy discussion on {contact.reference}")
    invitations = list(discussion.invitations.select_related("agency"))
    if form is None:
        form = RecordForm(
            parties=parties_for([i.agency for i in invitations]),
            initial={"chair_name": discussion.chair_name},
        )
    context = {
        "discussion": discussion,
        "contact": contact,
        "invitations": invitations,
        "actions": discussion.actions.select_related("owner"),
        "s47s": discussion.s47_enquiries.select_related("person", "episode"),
        "form": form,
        "parties": [
            (key, name, attendance_field(key), name_field(key)) for key, name in form.parties
        ],
        "action_rows": range(1, ACTION_ROWS + 1),
        "can_decide": access.can_record_decisions(request.user),
        "now": timezone.now(),
        "errors": error_summary(form),
    }
    return render(request, "mash/discussion.html", context, status=400 if form.errors else 200)


@allow(STAFF)
@require_GET
def discussion(request: AuthenticatedRequest, discussion_id: int) -> HttpResponse:
    return _render_discussion(request, _discussion_or_404(request, discussion_id))


@allow(DECIDERS)
@require_POST
def record(request: AuthenticatedRequest, discussion_id: int) -> HttpResponse:
    discussion = _discussion_or_404(request, discussion_id)
    invited = [i.agency for i in discussion.invitations.select_related("agency")]
    form = RecordForm(request.POST, parties=parties_for(invited))
    if submit(
        form,
        lambda data: strategy.record_strategy_discussion(
            discussion,
            request.user,
            attendance=form.attendance(),
            information_shared=data["information_shared"],
            outcome=data["outcome"],
            rationale=data["rationale"],
            actions=form.actions(),
            chair_name=data["chair_name"],
        ),
    ):
        messages.success(request, "Strategy discussion recorded. Circulate the record.")
        return redirect("mash:strategy-discussion", discussion_id=discussion.pk)
    return _render_discussion(request, discussion, form)


@allow(DECIDERS)
@require_POST
def circulated(request: AuthenticatedRequest, discussion_id: int) -> HttpResponse:
    discussion = _discussion_or_404(request, discussion_id)
    attempt(
        request,
        lambda: strategy.mark_record_circulated(discussion, request.user),
        "Record marked as circulated.",
    )
    return redirect("mash:strategy-discussion", discussion_id=discussion.pk)


@allow(DECIDERS)
@require_POST
def action_done(request: AuthenticatedRequest, discussion_id: int, action_id: int) -> HttpResponse:
    discussion = _discussion_or_404(request, discussion_id)
    action = get_object_or_404(StrategyAction, pk=action_id, discussion=discussion)
    attempt(
        request,
        lambda: strategy.mark_strategy_action_done(action, request.user),
        "Action marked as done.",
    )
    return redirect("mash:strategy-discussion", discussion_id=discussion.pk)


@allow(FRONT_DOOR)
@require_GET
def discussions(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    visible = mash_access.strategy_discussions_visible_to(request.user).select_related("contact")
    context = {
        "now": now,
        "upcoming": visible.upcoming(now).order_by("held_at")[:200],
        "awaiting_record": visible.awaiting_record(now).order_by("held_at")[:200],
        "awaiting_circulation": visible.awaiting_circulation().order_by("circulation_due_at")[:200],
    }
    return render(request, "mash/discussions.html", context)


@allow(PARTNERS)
@require_GET
def partner_discussions(request: AuthenticatedRequest) -> HttpResponse:
    invitations = (
        mash_access.strategy_invitations_visible_to(request.user)
        .select_related("discussion__contact", "agency")
        .order_by("-discussion__held_at")[:200]
    )
    return render(request, "mash/partner_discussions.html", {"invitations": invitations})


@allow(PARTNERS)
@require_GET
def partner_discussion(request: AuthenticatedRequest, discussion_id: int) -> HttpResponse:
    """What an invited agency sees: when, who chairs, the children, its own attendance and
    the outcome; not what other agencies shared (DfE Information sharing advice 2024)."""
    invitation = get_object_or_404(
        mash_access.strategy_invitations_visible_to(request.user).select_related(
            "discussion__contact", "agency"
        ),
        discussion_id=discussion_id,
    )
    discussion = invitation.discussion
    _log_view(
        request,
        discussion,
        discussion.contact,
        f"Viewed strategy discussion invitation for {invitation.agency.name}",
    )
    context = {
        "invitation": invitation,
        "discussion": discussion,
        "children": discussion.contact.child_subjects().select_related("person"),
        "now": timezone.now(),
    }
    return render(request, "mash/partner_discussion.html", context)

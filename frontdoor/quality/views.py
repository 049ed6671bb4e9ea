"""Quality assurance pages: programme, samples, audits, moderation, learning (ADR 0017)."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts import access
from frontdoor.accounts.access import QUALITY, QUALITY_LEADS, AuthenticatedRequest, allow
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import attempt, submit
from frontdoor.quality import actions as qa
from frontdoor.quality.access import actions_visible_to, audits_visible_to
from frontdoor.quality.codes import Method
from frontdoor.quality.forms import (
    AuditForm,
    DoneForm,
    DrawForm,
    KindForm,
    LearningActionForm,
    ModerationForm,
    ProgrammeForm,
    ResolveForm,
    ThemeForm,
)
from frontdoor.quality.learning import render_pdf, summary
from frontdoor.quality.models import Audit, AuditKind, Moderation, Programme, Theme
from frontdoor.quality.targets import TARGETS


@allow(QUALITY)
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    """My audits to do; for QA leads the programmes, audits to moderate and disagreements."""
    user = request.user
    visible = audits_visible_to(user).select_related("contact", "sample__programme__kind")
    lead = access.can_lead_quality_assurance(user)
    context: dict[str, Any] = {
        "lead": lead,
        "to_do": list(visible.filter(auditor=user, completed_at__isnull=True)),
        "programmes": list(Programme.objects.select_related("kind")[:24]) if lead else [],
        "to_moderate": list(
            visible.completed().filter(moderation__isnull=True).exclude(auditor=user)[:20]
        )
        if lead
        else [],
        "disagreements": [
            m
            for m in Moderation.objects.filter(audit__in=visible, resolved_at__isnull=True)
            .select_related("audit__contact")
            .order_by("moderated_at")
            if m.needs_resolution
        ]
        if lead
        else [],
        "method_labels": dict(Method.choices),
        "targets": TARGETS,
    }
    return render(request, "quality/index.html", context)


@allow(QUALITY_LEADS)
@require_http_methods(["GET", "POST"])
def new_programme(request: AuthenticatedRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST if request.method == "POST" else None)
    done = request.method == "POST" and submit(
        form,
        lambda d: qa.set_programme(
            request.user,
            month=d["month"],
            kind=d["kind"],
            count=d["count"],
            method=d["method"],
            stratum=d.get("stratum") or "",
            target=d.get("target") or "",
            auditors=list(d["auditors"]),
        ),
    )
    if done:
        messages.success(request, "Audit programme set.")
        return redirect("quality:programme", programme_id=done.result.pk)
    status = 400 if form.errors else 200
    return render(request, "quality/programme_form.html", {"form": form}, status=status)


@allow(QUALITY_LEADS)
@require_http_methods(["GET", "POST"])
def programme(request: AuthenticatedRequest, programme_id: int) -> HttpResponse:
    found = get_object_or_404(Programme.objects.select_related("kind"), pk=programme_id)
    form = DrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and submit(
        form, lambda d: qa.draw_sample(request.user, found, seed=d.get("seed"))
    ):
        messages.success(request, "Sample drawn.")
        return redirect("quality:programme", programme_id=found.pk)
    visible = set(audits_visible_to(request.user).values_list("pk", flat=True))
    samples = [
        (sample, [a for a in sample.audits.select_related("contact", "auditor") if a.pk in visible])
        for sample in found.samples.all()
    ]
    context = {
        "programme": found,
        "form": form,
        "samples": samples,
        "method": dict(Method.choices)[found.method],
        "target": TARGETS[found.target].label if found.target else "",
    }
    return render(request, "quality/programme.html", context, status=400 if form.errors else 200)


def _audit(request: AuthenticatedRequest, audit_id: int) -> Audit:
    related = ("contact", "auditor", "sample__programme__kind", "moderation")
    return get_object_or_404(audits_visible_to(request.user).select_related(*related), pk=audit_id)


def _audit_form(audit: Audit, data: Any = None) -> AuditForm:
    return AuditForm(
        data,
        questions=audit.kind.questions,
        agencies=Agency.objects.filter(is_active=True),
        multi_agency=audit.kind.is_multi_agency,
    )


def _audit_page(
    request: AuthenticatedRequest, audit: Audit, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    contact = audit.contact
    record_view(user, contact, contact_id=contact.pk, summary="Viewed in a decision audit")
    moderation = getattr(audit, "moderation", None)
    lead = access.can_lead_quality_assurance(user)
    context: dict[str, Any] = {
        "audit": audit,
        "contact": contact,
        "children": contact.linked_children(),
        "decision": contact.decisions.current().order_by("-recorded_at").first(),
        "moderation": moderation,
        "may_complete": not audit.is_completed and audit.auditor_id == user.pk,
        "may_moderate": audit.is_completed
        and moderation is None
        and lead
        and audit.auditor_id != user.pk,
        "may_resolve": moderation is not None and moderation.needs_resolution and lead,
        "may_add_action": audit.is_completed and (lead or audit.auditor_id == user.pk),
        "actions": list(audit.actions.select_related("owner")),
        "audit_form": forms.get("audit_form") or _audit_form(audit),
        "moderation_form": forms.get("moderation_form") or ModerationForm(),
        "resolve_form": forms.get("resolve_form") or ResolveForm(),
        "action_form": forms.get("action_form") or LearningActionForm(),
        "today": timezone.localdate(),
    }
    # The form with errors leads the page's error summary.
    context["form"] = next((f for f in forms.values() if f is not None and f.errors), None)
    return render(request, "quality/audit.html", context, status=status)


@allow(QUALITY)
@require_http_methods(["GET", "POST"])
def audit(request: AuthenticatedRequest, audit_id: int) -> HttpResponse:
    found = _audit(request, audit_id)
    if request.method == "GET":
        return _audit_page(request, found)
    form = _audit_form(found, request.POST)
    if submit(
        form,
        lambda d: qa.complete_audit(
            request.user,
            found,
            answers=form.answers(),
            grade=d["grade"],
            same_decision=d["same_decision"] == "yes",
            summary=d["summary"],
            themes=list(d["themes"]),
            agency_views=form.agency_views(),
            child_unsafe=bool(d["child_unsafe"]),
        ),
    ):
        messages.success(request, "Audit completed.")
        return redirect("quality:audit", audit_id=found.pk)
    return _audit_page(request, found, 400, audit_form=form)


@allow(QUALITY_LEADS)
@require_POST
def moderate_audit(request: AuthenticatedRequest, audit_id: int) -> HttpResponse:
    found = _audit(request, audit_id)
    form = ModerationForm(request.POST)
    if submit(
        form, lambda d: qa.moderate(request.user, found, grade=d["grade"], comment=d["comment"])
    ):
        messages.success(request, "Moderation recorded.")
        return redirect("quality:audit", audit_id=found.pk)
    return _audit_page(request, found, 400, moderation_form=form)


@allow(QUALITY_LEADS)
@require_POST
def resolve_audit(request: AuthenticatedRequest, audit_id: int) -> HttpResponse:
    found = _audit(request, audit_id)
    moderation = getattr(found, "moderation", None)
    if moderation is None:
        raise Http404("Not moderated")
    form = ResolveForm(request.POST)
    if submit(
        form,
        lambda d: qa.resolve(
            request.user, moderation, agreed_grade=d["agreed_grade"], resolution=d["resolution"]
        ),
    ):
        messages.success(request, "Disagreement resolved.")
        return redirect("quality:audit", audit_id=found.pk)
    return _audit_page(request, found, 400, resolve_form=form)


@allow(QUALITY)
@require_POST
def add_action(request: AuthenticatedRequest, audit_id: int) -> HttpResponse:
    found = _audit(request, audit_id)
    form = LearningActionForm(request.POST)
    if submit(
        form,
        lambda d: qa.add_learning_action(
            request.user, found, owner=d["owner"], what=d["what"], due_date=d["due_date"]
        ),
    ):
        messages.success(request, "Action added. It is on its owner's caseload.")
        return redirect("quality:audit", audit_id=found.pk)
    return _audit_page(request, found, 400, action_form=form)


@allow(QUALITY)
@require_POST
def escalate(request: AuthenticatedRequest, audit_id: int) -> HttpResponse:
    found = _audit(request, audit_id)
    if not (found.auditor_id == request.user.pk or access.can_lead_quality_assurance(request.user)):
        raise Http404("Not your audit")
    attempt(
        request,
        lambda: qa.escalate_unsafe(request.user, found),
        "Escalated to the case's manager: it is on their caseload, due today.",
    )
    return redirect("quality:audit", audit_id=found.pk)


@allow(QUALITY)
@require_http_methods(["GET", "POST"])
def action(request: AuthenticatedRequest, learning_action_id: int) -> HttpResponse:
    found = get_object_or_404(
        actions_visible_to(request.user).select_related("audit__contact", "owner"),
        pk=learning_action_id,
    )
    form = DoneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and submit(
        form, lambda d: qa.complete_learning_action(request.user, found, note=d.get("note", ""))
    ):
        messages.success(request, "Action marked done.")
        return redirect("quality:action", learning_action_id=found.pk)
    contact = found.audit.contact
    record_view(request.user, contact, contact_id=contact.pk, summary="Viewed an audit action")
    context = {
        "learning_action": found,
        "contact": contact,
        "form": form,
        "may_complete": found.done_at is None
        and (found.owner_id == request.user.pk or access.can_lead_quality_assurance(request.user)),
        "today": timezone.localdate(),
    }
    return render(request, "quality/action.html", context, status=400 if form.errors else 200)


def _month(request: AuthenticatedRequest) -> dt.date:
    chosen = request.GET.get("month", "")
    try:
        return dt.date.fromisoformat(f"{chosen}-01") if chosen else timezone.localdate()
    except ValueError:
        raise Http404("Not a month") from None


@allow(QUALITY_LEADS)
@require_GET
def learning(request: AuthenticatedRequest) -> HttpResponse:
    month = _month(request).replace(day=1)
    found = summary(month, timezone.localdate())
    return render(request, "quality/learning.html", {"summary": found})


@allow(QUALITY_LEADS)
@require_GET
def learning_pdf(request: AuthenticatedRequest) -> HttpResponse:
    month = _month(request).replace(day=1)
    html = render_to_string(
        "quality/learning_pdf.html",
        {"summary": summary(month, timezone.localdate())},
        request=request,
    )
    response = HttpResponse(
        render_pdf(html, request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="learning-{month:%Y-%m}.pdf"'
    return response


@allow(QUALITY_LEADS)
@require_http_methods(["GET", "POST"])
def kinds(request: AuthenticatedRequest) -> HttpResponse:
    """The kinds of audit and the learning themes (add a kind or a theme)."""
    kind_form = KindForm(request.POST if request.POST.get("add") == "kind" else None)
    theme_form = ThemeForm(request.POST if request.POST.get("add") == "theme" else None)
    if request.method == "POST":
        done = (
            submit(
                kind_form,
                lambda d: qa.save_kind(
                    request.user,
                    None,
                    name=d["name"],
                    questions=d["questions"].splitlines(),
                    is_multi_agency=d["is_multi_agency"],
                ),
            )
            if kind_form.is_bound
            else submit(theme_form, lambda d: qa.add_theme(request.user, d["name"]))
        )
        if done:
            messages.success(request, "Saved.")
            return redirect("quality:kinds")
    errored = kind_form if kind_form.errors else theme_form if theme_form.errors else None
    context = {
        "kinds": AuditKind.objects.all(),
        "themes": Theme.objects.all(),
        "kind_form": kind_form,
        "theme_form": theme_form,
        "form": errored,
    }
    return render(request, "quality/kinds.html", context, status=400 if errored else 200)


@allow(QUALITY_LEADS)
@require_http_methods(["GET", "POST"])
def kind(request: AuthenticatedRequest, kind_id: int) -> HttpResponse:
    found = get_object_or_404(AuditKind, pk=kind_id)
    initial = {
        "name": found.name,
        "questions": "\n".join(found.questions),
        "is_multi_agency": found.is_multi_agency,
    }
    form = KindForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and submit(
        form,
        lambda d: qa.save_kind(
            request.user,
            found,
            name=d["name"],
            questions=d["questions"].splitlines(),
            is_multi_agency=d["is_multi_agency"],
        ),
    ):
        messages.success(request, "Audit kind saved.")
        return redirect("quality:kinds")
    context = {"kind": found, "form": form}
    return render(request, "quality/kind_form.html", context, status=400 if form.errors else 200)

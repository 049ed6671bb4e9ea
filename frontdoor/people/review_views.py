"""The duplicate review queue: look at two records side by side, merge them or keep them apart."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts.access import RECORD_KEEPERS, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import attempt, submit
from frontdoor.people import access as people_access
from frontdoor.people.duplicates import mark_different_people
from frontdoor.people.merging import merge_people, unmerge
from frontdoor.people.models import DuplicatePair
from frontdoor.people.review import LABELS, MergeForm, comparison_rows, history_counts, in_sentence

QUEUE_LIMIT = 200


def _pair_or_404(request: AuthenticatedRequest, pair_id: int) -> DuplicatePair:
    """A pair both of whose records the user may open (a restricted record stays hidden)."""
    pairs = people_access.duplicate_pairs_visible_to(request.user)
    return get_object_or_404(pairs.select_related("first", "second"), pk=pair_id)


@allow(RECORD_KEEPERS)
@require_GET
def queue(request: AuthenticatedRequest) -> HttpResponse:
    pairs = people_access.duplicate_pairs_visible_to(request.user)
    pairs = pairs.select_related("first", "second")
    twins = request.GET.get("show") == "twins"
    listed = pairs.flagged_twins_or_siblings() if twins else pairs.awaiting_review()
    merges = (
        people_access.merges_visible_to(request.user)
        .filter(unmerged_at__isnull=True)
        .select_related("survivor", "merged", "merged_by")
        .order_by("-merged_at")[:20]
    )
    return render(
        request,
        "people/duplicates.html",
        {
            "pairs": list(listed[:QUEUE_LIMIT]),
            "showing_twins": twins,
            "twin_count": pairs.flagged_twins_or_siblings().count(),
            "waiting_count": pairs.awaiting_review().count(),
            "merges": list(merges),
        },
    )


@allow(RECORD_KEEPERS)
@require_http_methods(["GET", "POST"])
def review_pair(request: AuthenticatedRequest, pair_id: int) -> HttpResponse:
    pair = _pair_or_404(request, pair_id)
    if pair.first.merged_into_id or pair.second.merged_into_id:
        raise Http404("One of these records has been merged already")
    for person in (pair.first, pair.second):
        record_view(
            request.user, person, person_id=person.pk, summary="Viewed as a possible duplicate"
        )
    form = MergeForm(pair, request.POST or None)
    merged = request.method == "POST" and submit(
        form,
        lambda data: merge_people(
            pair.first,
            pair.second,
            request.user,
            take_from_merged=form.take_from_merged(),
            pair=pair,
        ),
    )
    if merged:
        messages.success(request, f"Record {pair.second.pk} has been merged into this record.")
        return redirect("people:person", person_id=pair.first.pk)
    return render(
        request,
        "people/duplicate_pair.html",
        {
            "pair": pair,
            "form": form,
            "rows": comparison_rows(pair),
            "history": [history_counts(pair.first), history_counts(pair.second)],
            "labels": {name: in_sentence(label) for name, label in LABELS.items()},
        },
        status=400 if form.errors else 200,
    )


@allow(RECORD_KEEPERS)
@require_POST
def mark_different(request: AuthenticatedRequest, pair_id: int) -> HttpResponse:
    pair = _pair_or_404(request, pair_id)
    attempt(
        request,
        lambda: mark_different_people(pair, request.user),
        f"{pair.first.full_name} and {pair.second.full_name} are recorded as different "
        "people. They will not be proposed again.",
    )
    return redirect("people:duplicates")


@allow(RECORD_KEEPERS)
@require_POST
def undo_merge(request: AuthenticatedRequest, merge_id: int) -> HttpResponse:
    merge = get_object_or_404(people_access.merges_visible_to(request.user), pk=merge_id)
    attempt(
        request,
        lambda: unmerge(merge, request.user),
        f"The merge of record {merge.merged_id} has been undone.",
    )
    return redirect("people:duplicates")

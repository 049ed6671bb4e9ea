"""Long lists a page at a time, with GOV.UK pagination links (`includes/pagination.html`).

    page = paginate(request, queryset)          # ?page=N, 50 rows a page
    render(..., {"page": page, "contacts": page.object_list})

A page number out of range or not a number shows the nearest page rather than an error.
"""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 50


def paginate(request: HttpRequest, rows: Any, per_page: int = PER_PAGE) -> Page:
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def pagination_links(request: HttpRequest, page: Page) -> dict[str, Any]:
    """The govukPagination parameters for `page`: previous, next and nearby page numbers."""
    query = request.GET.copy()

    def href(number: int) -> str:
        query["page"] = str(number)
        return "?" + query.urlencode()

    paginator = page.paginator
    items: list[dict[str, Any]] = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": number, "href": href(int(number)), "current": number == page.number}
            )
    links: dict[str, Any] = {"items": items}
    if page.has_previous():
        links["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        links["next"] = {"href": href(page.next_page_number())}
    return links

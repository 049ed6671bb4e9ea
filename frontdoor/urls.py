from django.conf import settings
from django.urls import include, path

from frontdoor import views
from frontdoor.contacts.api import api
from frontdoor.mash.api import router as mash_router
from frontdoor.outside.api import router as outside_router

# Database faults answer 503; API errors are problems (frontdoor/faults.py).
handler400 = "frontdoor.faults.bad_request"
handler403 = "frontdoor.faults.permission_denied"
handler404 = "frontdoor.faults.page_not_found"
handler500 = "frontdoor.faults.server_error"

api.add_router("", mash_router)
api.add_router("", outside_router)

urlpatterns: list = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("", include("frontdoor.accounts.urls")),
    path("", include("frontdoor.contacts.urls")),
    path("people/", include("frontdoor.people.urls")),
    path("mash/", include("frontdoor.mash.urls")),
    path("performance/", include("frontdoor.kpis.urls")),
    path("returns/", include("frontdoor.returns.urls")),
    path("records/", include("frontdoor.records.urls")),
    path("casework/", include("frontdoor.casework.urls")),
    path("outside/", include("frontdoor.outside.urls")),
    path("early-help/", include("frontdoor.earlyhelp.urls")),
    path("quality/", include("frontdoor.quality.urls")),
    path("api/", api.urls),
]

if settings.OIDC_RP_CLIENT_ID:  # Entra ID / OIDC sign-in, only when configured
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

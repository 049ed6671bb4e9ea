"""The URLs as they are when OIDC sign-in is configured (urls.py adds oidc/ at import)."""

from django.urls import include, path

from frontdoor.urls import handler400, handler500, urlpatterns

__all__ = ["handler400", "handler500", "urlpatterns"]
urlpatterns = [*urlpatterns, path("oidc/", include("mozilla_django_oidc.urls"))]

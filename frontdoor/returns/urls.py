from django.urls import path

from frontdoor.returns import views
from frontdoor.returns.annex_a import views as annex_a_views
from frontdoor.returns.cin_census import views as cin_census_views
from frontdoor.returns.ssda903 import views as ssda903_views

app_name = "returns"
urlpatterns: list = []
urlpatterns += [
    path("annex-a", annex_a_views.annex_a, name="annex-a"),
    path("annex-a/download", annex_a_views.annex_a_download, name="annex-a-download"),
]
urlpatterns += [
    path("", views.index, name="index"),
    path("cin-census", cin_census_views.cin_census, name="cin-census"),
    path("cin-census/download", cin_census_views.cin_census_download, name="cin-census-download"),
]
urlpatterns += [
    path("ssda903", ssda903_views.ssda903, name="ssda903"),
    path("ssda903/download", ssda903_views.ssda903_download, name="ssda903-download"),
]

from django.urls import path

from frontdoor.earlyhelp import settings_views, views
from frontdoor.earlyhelp.work_views import WORK, work_view

app_name = "earlyhelp"
urlpatterns: list = [
    path("", views.caseload, name="caseload"),
    path("episodes/<int:episode_id>/", views.episode_detail, name="episode"),
    path("children/<int:person_id>/", views.child_early_help, name="child"),
    path("letters/<int:step_id>/", views.letter, name="letter"),
    path("letters/<int:step_id>/letter.pdf", views.letter_pdf, name="letter-pdf"),
    path("settings/services/new", settings_views.edit_service, name="new-service"),
    path("settings/services/<int:service_id>", settings_views.edit_service, name="edit-service"),
] + [path(f"episodes/<int:episode_id>/{w.slug}", work_view(w), name=w.slug) for w in WORK]

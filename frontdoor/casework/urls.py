from django.urls import path

from frontdoor.casework import views
from frontdoor.casework.steps import STEPS

app_name = "casework"
urlpatterns: list = [
    path("caseload", views.caseload, name="caseload"),
    path("children/<int:person_id>/", views.child_casework, name="child"),
    path("episodes/<int:episode_id>/safety-map", views.new_safety_map, name="new-safety-map"),
    path("safety-maps/<int:map_id>/", views.safety_map, name="safety-map"),
    path("safety-maps/<int:map_id>/scores", views.new_scores, name="new-scores"),
] + [
    path(f"episodes/<int:episode_id>/{step.slug}", views.step_view(step), name=step.slug)
    for step in STEPS
]

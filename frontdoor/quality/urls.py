from django.urls import path

from frontdoor.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/new", views.new_programme, name="new-programme"),
    path("programmes/<int:programme_id>/", views.programme, name="programme"),
    path("audits/<int:audit_id>/", views.audit, name="audit"),
    path("audits/<int:audit_id>/moderate", views.moderate_audit, name="moderate"),
    path("audits/<int:audit_id>/resolve", views.resolve_audit, name="resolve"),
    path("audits/<int:audit_id>/actions", views.add_action, name="add-action"),
    path("audits/<int:audit_id>/escalate", views.escalate, name="escalate"),
    path("actions/<int:learning_action_id>/", views.action, name="action"),
    path("learning", views.learning, name="learning"),
    path("learning.pdf", views.learning_pdf, name="learning-pdf"),
    path("kinds/", views.kinds, name="kinds"),
    path("kinds/<int:kind_id>/", views.kind, name="kind"),
]

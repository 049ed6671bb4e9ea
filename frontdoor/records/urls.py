from django.urls import path

from frontdoor.records import settings_views, views

app_name = "records"

urlpatterns = [
    path("", views.index, name="index"),
    path("requests/new/", views.new_request, name="new-request"),
    path("requests/<int:request_id>/", views.request_page, name="request"),
    path("requests/<int:request_id>/gather/", views.gather, name="gather"),
    path("requests/<int:request_id>/redact-rest/", views.redact_rest, name="redact-rest"),
    path("requests/<int:request_id>/extend/", views.extend, name="extend"),
    path("requests/<int:request_id>/items/<int:item_id>/", views.item, name="item"),
    path("requests/<int:request_id>/disclosure.pdf", views.pdf, name="pdf"),
    path("retention/", views.retention_review, name="retention"),
    path("retention/<int:person_id>/hold/", views.hold, name="hold"),
    path("retention/holds/new/", views.new_hold, name="new-hold"),
    path("retention/holds/<int:hold_id>/lift/", views.lift_hold, name="lift-hold"),
    path("retention/<int:person_id>/approve/", views.approve, name="approve"),
    path("rules/<int:rule_id>/", settings_views.edit_rule, name="edit-rule"),
]

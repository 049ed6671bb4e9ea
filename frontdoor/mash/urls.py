from django.urls import path

from frontdoor.mash import staff_views, views

app_name = "mash"
urlpatterns = [
    path("", staff_views.manager, name="manager"),
    path("contacts/<int:contact_id>/enquiry", staff_views.new_enquiry, name="new-enquiry"),
    path("contacts/<int:contact_id>/rag", staff_views.change_rag, name="rag"),
    path("enquiries/<int:enquiry_id>/", staff_views.enquiry, name="enquiry"),
    path("enquiries/<int:enquiry_id>/sharing", staff_views.record_sharing, name="sharing"),
    path("checks/", views.partner_checks, name="partner-checks"),
    path("checks/<int:check_id>/", views.partner_check, name="partner-check"),
    path("checks/<int:check_id>/answer", views.answer, name="answer"),
    path("checks/<int:check_id>/more-time", views.more_time, name="more-time"),
]

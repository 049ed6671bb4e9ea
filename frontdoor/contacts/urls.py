from django.urls import path

from frontdoor.contacts import settings_views
from frontdoor.contacts.views import decide, handover, intake

app_name = "contacts"
urlpatterns = [
    path("request-support/", intake.request_support, name="request-support"),
    path("request-support/submitted", intake.submitted, name="submitted"),
    path("request-support/<str:kind>", intake.online_form, name="online-form"),
    path("contacts/", decide.queue, name="queue"),
    path("contacts/new", intake.new_contact, name="new-contact"),
    path("contacts/authorisations", decide.authorisations, name="authorisations"),
    path("contacts/<int:contact_id>/", decide.contact_detail, name="contact"),
    path("contacts/<int:contact_id>/subjects", decide.add_subject, name="add-subject"),
    path(
        "contacts/<int:contact_id>/subjects/<int:subject_id>/link",
        decide.link_subject,
        name="link-subject",
    ),
    path(
        "contacts/<int:contact_id>/subjects/<int:subject_id>/match",
        decide.match_subject,
        name="match-subject",
    ),
    path("contacts/<int:contact_id>/triage", decide.triage, name="triage"),
    path("contacts/<int:contact_id>/decision", decide.record_decision, name="record-decision"),
    path(
        "contacts/<int:contact_id>/decisions/<int:decision_id>/authorise",
        decide.authorise,
        name="authorise",
    ),
    path("contacts/<int:contact_id>/access-log", decide.contact_access_log, name="access-log"),
    path("contacts/<int:contact_id>/handover", handover.add_item, name="add-handover-item"),
    path("handover/", handover.morning_handover, name="handover"),
    path("handover/<int:item_id>/accept", handover.accept, name="accept-handover-item"),
    path("handover/<int:item_id>/done", handover.done, name="handover-item-done"),
    path("consultations/", intake.consultations, name="consultations"),
    path("consultations/new", intake.new_consultation, name="new-consultation"),
    path("partner/contacts", decide.partner_contacts, name="partner-contacts"),
    path("settings/levels/new", settings_views.edit_level, name="new-level"),
    path("settings/levels/<int:level_id>", settings_views.edit_level, name="edit-level"),
]

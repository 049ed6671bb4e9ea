from django.urls import path

from frontdoor.mash import extension_views, staff_views, strategy_views, views

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
    path(
        "extensions/<int:extension_id>/",
        extension_views.decide_extension,
        name="decide-extension",
    ),
    path(
        "contacts/<int:contact_id>/strategy-discussion",
        strategy_views.convene,
        name="convene-strategy-discussion",
    ),
    path("strategy-discussions/", strategy_views.discussions, name="strategy-discussions"),
    path(
        "strategy-discussions/our-agency/",
        strategy_views.partner_discussions,
        name="partner-strategy-discussions",
    ),
    path(
        "strategy-discussions/<int:discussion_id>/our-agency",
        strategy_views.partner_discussion,
        name="partner-strategy-discussion",
    ),
    path(
        "strategy-discussions/<int:discussion_id>/",
        strategy_views.discussion,
        name="strategy-discussion",
    ),
    path(
        "strategy-discussions/<int:discussion_id>/record",
        strategy_views.record,
        name="record-strategy-discussion",
    ),
    path(
        "strategy-discussions/<int:discussion_id>/circulated",
        strategy_views.circulated,
        name="strategy-record-circulated",
    ),
    path(
        "strategy-discussions/<int:discussion_id>/actions/<int:action_id>/done",
        strategy_views.action_done,
        name="strategy-action-done",
    ),
]

from django.urls import path

from frontdoor.outside import settings_views
from frontdoor.outside.views import caseload, children, episodes, meetings, partner, places, themes

app_name = "outside"
urlpatterns: list = [
    path("", caseload.caseload, name="caseload"),
    path("children/<int:person_id>/", children.child, name="child"),
    path("children/<int:person_id>/missing", episodes.report_missing, name="report-missing"),
    path("children/<int:person_id>/screening", children.screen, name="screen"),
    path("children/<int:person_id>/network", children.network, name="network"),
    path("children/<int:person_id>/link", children.add_link, name="add-link"),
    path("children/<int:person_id>/refer", children.refer, name="refer"),
    path("children/<int:person_id>/share", children.share, name="share"),
    path("episodes/<int:episode_id>/", episodes.episode, name="episode"),
    path("episodes/<int:episode_id>/return", episodes.record_return, name="record-return"),
    path("episodes/<int:episode_id>/allocate", episodes.allocate, name="allocate"),
    path("episodes/<int:episode_id>/interview", episodes.interview, name="interview"),
    path("screenings/<int:screening_id>/", children.screening, name="screening"),
    path("network/", places.overview, name="overview"),
    path("places/<int:entity_id>/", places.place, name="place"),
    path("places/<int:entity_id>/refer", places.refer_place, name="refer-place"),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/<int:meeting_id>/", meetings.meeting, name="meeting"),
    path("meetings/<int:meeting_id>/pack.pdf", meetings.meeting_pdf, name="meeting-pdf"),
    path("meetings/<int:meeting_id>/decision", meetings.note, name="note"),
    path("meeting-actions/<int:action_id>/done", meetings.action_done, name="action-done"),
    path("themes/", themes.themes, name="themes"),
    path("partner/", partner.partner_episodes, name="partner"),
    path("settings/factors/new", settings_views.edit_factor, name="new-factor"),
    path("settings/factors/<int:factor_id>", settings_views.edit_factor, name="edit-factor"),
]

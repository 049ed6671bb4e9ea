from django.urls import path

from frontdoor.people import break_glass_views, review_views, views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("new", views.new_person, name="new"),
    path("<int:person_id>/", views.person_record, name="person"),
    path("<int:person_id>/chronology", views.chronology, name="chronology"),
    path("<int:person_id>/access-log", views.access_log, name="access-log"),
    path("search.json", views.search_json, name="search-json"),
    path("break-glass", break_glass_views.open_restricted, name="break-glass"),
    path("break-glass/report", break_glass_views.report, name="break-glass-report"),
    path("duplicates/", review_views.queue, name="duplicates"),
    path("duplicates/<int:pair_id>/", review_views.review_pair, name="duplicate-pair"),
    path("duplicates/<int:pair_id>/different", review_views.mark_different, name="mark-different"),
    path("merges/<int:merge_id>/undo", review_views.undo_merge, name="undo-merge"),
]

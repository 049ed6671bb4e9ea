from django.urls import path

from frontdoor.people import views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("new", views.new_person, name="new"),
    path("<int:person_id>/", views.person_record, name="person"),
    path("<int:person_id>/chronology", views.chronology, name="chronology"),
    path("<int:person_id>/access-log", views.access_log, name="access-log"),
]

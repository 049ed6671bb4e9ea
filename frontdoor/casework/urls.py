from django.urls import path

from frontdoor.casework import views

app_name = "casework"
urlpatterns: list = []

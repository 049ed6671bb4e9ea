from django.urls import path

from frontdoor.kpis import views

app_name = "kpis"
urlpatterns = [path("", views.dashboard, name="dashboard")]

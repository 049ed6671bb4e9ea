from django.urls import path

from frontdoor.returns import views

app_name = "returns"
urlpatterns: list = []

from django.urls import path

from frontdoor.kpis import views

app_name = "kpis"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("quality", views.quality, name="quality"),
    path("front-door", views.front_door, name="front-door"),
    path("england", views.england_view, name="england"),
    path("england/neighbours", views.neighbours, name="neighbours"),
    path("partnership", views.partnership, name="partnership"),
    path("partnership/our-figures", views.partner_figures, name="partner-figures"),
    path("rules", views.rules, name="rules"),
    path("drill/<slug:figure_key>", views.drill, name="drill"),
]

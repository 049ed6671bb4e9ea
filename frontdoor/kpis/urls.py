from django.urls import path

from frontdoor.kpis import views

app_name = "kpis"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dashboards/", views.dashboards_index, name="dashboards"),
    path("dashboards/quality", views.quality, name="quality"),
    path("dashboards/front-door", views.front_door, name="front-door"),
    path("dashboards/england", views.england_view, name="england"),
    path("dashboards/england/neighbours", views.neighbours, name="neighbours"),
    path("dashboards/partnership", views.partnership, name="partnership"),
    path("dashboards/rules", views.rules, name="rules"),
    path("dashboards/drill/<slug:figure_key>", views.drill, name="drill"),
    path("our-figures", views.partner_figures, name="partner-figures"),
]

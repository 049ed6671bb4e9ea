from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "frontdoor.kpis"
    label = "kpis"

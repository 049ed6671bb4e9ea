from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "frontdoor.chronology"
    label = "chronology"

from django.apps import AppConfig


class EarlyhelpConfig(AppConfig):
    name = "frontdoor.earlyhelp"
    label = "earlyhelp"

    def ready(self) -> None:
        from frontdoor.earlyhelp import handover, record_sections, settings_views

        handover.register()
        record_sections.register()
        settings_views.register()

from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "frontdoor.records"
    label = "records"
    verbose_name = "Subject access and retention"

    def ready(self) -> None:
        from frontdoor.records import registry, settings_views

        registry.discover()
        settings_views.register()

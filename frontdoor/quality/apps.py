from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "frontdoor.quality"
    label = "quality"

    def ready(self) -> None:
        from frontdoor.quality import caseload_section

        caseload_section.register()

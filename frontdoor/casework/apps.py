from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "frontdoor.casework"
    label = "casework"

    def ready(self) -> None:
        from frontdoor.casework import record_sections

        record_sections.register()

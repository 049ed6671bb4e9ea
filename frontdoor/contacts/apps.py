from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "frontdoor.contacts"
    label = "contacts"

    def ready(self) -> None:
        from frontdoor.contacts import record_sections, settings_views

        record_sections.register()
        settings_views.register()

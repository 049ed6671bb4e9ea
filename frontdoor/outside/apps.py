from django.apps import AppConfig


class OutsideConfig(AppConfig):
    name = "frontdoor.outside"
    label = "outside"
    verbose_name = "Risk outside the home"

    def ready(self) -> None:
        from frontdoor.notifications.clocks import Clock, register_clock
        from frontdoor.outside import record_sections, settings_views
        from frontdoor.outside.actions import flag_overdue_interviews

        record_sections.register()
        settings_views.register()
        # `frontdoor tick` flags return home interviews not offered within 72 hours.
        register_clock(
            Clock(
                "outside:return-interviews",
                "return home interviews newly overdue",
                flag_overdue_interviews,
            )
        )

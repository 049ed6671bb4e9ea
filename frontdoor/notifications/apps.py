from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "frontdoor.notifications"
    label = "notifications"
    verbose_name = "Notifications and clocks"

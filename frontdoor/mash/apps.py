from django.apps import AppConfig


class MashConfig(AppConfig):
    name = "frontdoor.mash"
    label = "mash"
    verbose_name = "MASH enquiries and agency checks"

    def ready(self) -> None:
        from frontdoor.contacts.hooks import register_on_decided
        from frontdoor.mash.actions import flag_overdue_checks
        from frontdoor.mash.closing import close_open_enquiries
        from frontdoor.notifications.clocks import Clock, register_clock

        # A decision closes the contact's open MASH enquiry, in the decision's transaction.
        register_on_decided(
            "mash:close-open-enquiries",
            lambda contact, user, at: close_open_enquiries(contact, user, at=at),
        )
        # `frontdoor tick` flags checks past their due time and e-mails the agency's lead.
        register_clock(Clock("mash:overdue-checks", "checks newly overdue", flag_overdue_checks))

"""The council's default early-help services (editable at /settings/)."""

from django.db import migrations

from frontdoor.earlyhelp.codes import DEFAULT_SERVICES


def add_services(apps, schema_editor):
    Service = apps.get_model("earlyhelp", "Service")
    for name, order in DEFAULT_SERVICES:
        Service.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("earlyhelp", "0001_early_help")]

    operations = [migrations.RunPython(add_services, migrations.RunPython.noop)]

from django.db import migrations

from frontdoor.accounts.defaults import DEFAULT_AGENCIES


def add_agencies(apps, schema_editor):
    Agency = apps.get_model("accounts", "Agency")
    for slug, name in DEFAULT_AGENCIES:
        Agency.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(add_agencies, migrations.RunPython.noop)]

from django.db import migrations

from frontdoor.contacts.codes import DEFAULT_LEVELS_OF_NEED


def add_levels(apps, schema_editor):
    LevelOfNeed = apps.get_model("contacts", "LevelOfNeed")
    for rank, name, description in DEFAULT_LEVELS_OF_NEED:
        LevelOfNeed.objects.get_or_create(
            rank=rank, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]
    operations = [migrations.RunPython(add_levels, migrations.RunPython.noop)]

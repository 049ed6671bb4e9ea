from django.db import migrations

from frontdoor.quality.defaults import DEFAULT_KINDS, DEFAULT_THEMES


def add_defaults(apps, schema_editor):
    kind_model = apps.get_model("quality", "AuditKind")
    theme_model = apps.get_model("quality", "Theme")
    for slug, name, multi, questions in DEFAULT_KINDS:
        kind_model.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "is_multi_agency": multi, "questions": questions},
        )
    for name in DEFAULT_THEMES:
        theme_model.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial")]
    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]

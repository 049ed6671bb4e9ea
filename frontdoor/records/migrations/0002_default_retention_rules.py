"""The retention schedule's defaults (domain.md §10); the council edits them in settings."""

from django.db import migrations

DEFAULTS = [
    {
        "code": "adoption",
        "label": "Adoption",
        "priority": 1,
        "anchor": "event",
        "years": 100,
        "until_age": None,
        "basis": "Disclosure of Adoption Information (Post-Commencement Adoptions) Regs 2005: "
        "100 years from the adoption order",
    },
    {
        "code": "looked-after",
        "label": "Looked-after child",
        "priority": 2,
        "anchor": "birth",
        "years": 75,
        "until_age": None,
        "basis": "Care Planning, Placement and Case Review (England) Regs 2010 reg 50: "
        "to the 75th anniversary of birth",
    },
    {
        "code": "care-leaver",
        "label": "Care leaver",
        "priority": 3,
        "anchor": "birth",
        "years": 75,
        "until_age": None,
        "basis": "Local policy: 75 years from date of birth",
    },
    {
        "code": "child-protection",
        "label": "Child protection",
        "priority": 4,
        "anchor": "last_activity",
        "years": 35,
        "until_age": None,
        "basis": "Local policy: 35 years after last contact",
    },
    {
        "code": "cin-only",
        "label": "Child in need only",
        "priority": 5,
        "anchor": "last_activity",
        "years": 3,
        "until_age": 18,
        "basis": "Local policy: until 18, then 3 years inactive",
    },
    {
        "code": "contact-only",
        "label": "Contacts, MASH and early help only",
        "priority": 6,
        "anchor": "last_activity",
        "years": 3,
        "until_age": 18,
        "basis": "Local policy: as child in need only",
    },
]


def install(apps, schema_editor):
    rule = apps.get_model("records", "RetentionRule")
    for values in DEFAULTS:
        rule.objects.update_or_create(code=values["code"], defaults=values)


def remove(apps, schema_editor):
    apps.get_model("records", "RetentionRule").objects.filter(
        code__in=[values["code"] for values in DEFAULTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]

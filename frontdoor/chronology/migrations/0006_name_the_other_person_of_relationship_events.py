"""Events written before 0005 that name a related person ("Amy Cole recorded as sibling") get
that person in `about`, so the chronology hides them from whoever may not open that record."""

from django.db import migrations

LABELS = {
    "parent": "parent",
    "child": "child",
    "carer": "carer",
    "cared_for": "child they care for",
    "sibling": "sibling",
    "household_member": "household member",
    "significant_adult": "other significant adult",
}


def name_the_other_person(apps, schema_editor):
    Event = apps.get_model("chronology", "Event")
    Relationship = apps.get_model("people", "Relationship")
    for link in Relationship.objects.select_related("other").iterator():
        other = link.other
        name = f"{other.given_name} {other.family_name}".strip() or "Name not known"
        summary = f"{name} recorded as {LABELS.get(link.kind, link.kind)}"
        Event.objects.filter(
            person_id=link.person_id, kind="record", summary=summary[:300], about__isnull=True
        ).update(about_id=other.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("chronology", "0005_event_about_another_person"),
        ("people", "0005_search_indexes_by_name_and_birth"),
    ]

    operations = [migrations.RunPython(name_the_other_person, migrations.RunPython.noop)]

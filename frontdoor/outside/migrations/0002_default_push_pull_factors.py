"""The default push and pull factors (outside.codes.DEFAULT_FACTORS); an administrator edits them."""

from django.db import migrations

FACTORS = [
    ("conflict_home", "Conflict at home", "push"),
    ("placement_unhappy", "Unhappy in placement", "push"),
    ("abuse_home", "Abuse or neglect at home", "push"),
    ("boundaries", "Boundaries or rules", "push"),
    ("school_problems", "Problems at school", "push"),
    ("mental_health", "Mental health or emotional wellbeing", "push"),
    ("peer_pull", "Friends or peers", "pull"),
    ("family_pull", "To see family", "pull"),
    ("relationship", "Boyfriend or girlfriend", "pull"),
    ("adult_of_concern", "An adult of concern", "pull"),
    ("substance_use", "Alcohol or drugs", "pull"),
    ("exploitation", "Exploitation indicators (money, gifts, running drugs)", "pull"),
]


def add_factors(apps, schema_editor):
    Factor = apps.get_model("outside", "PushPullFactor")
    for order, (code, name, direction) in enumerate(FACTORS, start=1):
        Factor.objects.get_or_create(
            code=code, defaults={"name": name, "direction": direction, "order": order}
        )


def remove_factors(apps, schema_editor):
    apps.get_model("outside", "PushPullFactor").objects.filter(
        code__in=[f[0] for f in FACTORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("outside", "0001_initial")]

    operations = [migrations.RunPython(add_factors, remove_factors)]

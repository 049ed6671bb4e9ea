from django.db import migrations

from frontdoor.mash.defaults import DEFAULT_CLOCK_RULES, DEFAULT_RISK_INDICATORS


def add_defaults(apps, schema_editor):
    CheckClockRule = apps.get_model("mash", "CheckClockRule")
    RiskIndicator = apps.get_model("mash", "RiskIndicator")
    for rag, mode, amount in DEFAULT_CLOCK_RULES:
        if not CheckClockRule.objects.filter(agency__isnull=True, rag=rag).exists():
            CheckClockRule.objects.create(agency=None, rag=rag, mode=mode, amount=amount)
    for rank, (code, label) in enumerate(DEFAULT_RISK_INDICATORS):
        RiskIndicator.objects.get_or_create(code=code, defaults={"label": label, "rank": rank})


class Migration(migrations.Migration):
    dependencies = [("mash", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]

"""CareAbsence is gone: its rows became missing episodes of risk outside the home (outside
0003), the one record of a child missing, absent or away from placement."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_primary_need_codes"),
        ("outside", "0003_care_absences_become_missing_episodes"),
    ]

    operations = [migrations.DeleteModel(name="CareAbsence")]

"""The outbox moves to the notifications app (every app's clocks queue e-mail through it).

Rows are copied with the check they were about kept as (about_type, about_id), then the MASH
table goes. Reversible: going back copies the MASH checks' rows home again.
"""

from django.db import migrations

FIELDS = (
    "to",
    "subject",
    "body",
    "created_at",
    "sent_at",
    "attempts",
    "last_error",
    "next_attempt_at",
)


def forward(apps, schema_editor):
    old = apps.get_model("mash", "Notification")
    new = apps.get_model("notifications", "Notification")
    new.objects.bulk_create(
        [
            new(
                **{name: getattr(row, name) for name in FIELDS},
                about_type="agencycheck" if row.check_request_id else "",
                about_id=str(row.check_request_id or ""),
            )
            for row in old.objects.order_by("pk").iterator()
        ],
        batch_size=1000,
    )


def backward(apps, schema_editor):
    old = apps.get_model("mash", "Notification")
    new = apps.get_model("notifications", "Notification")
    old.objects.bulk_create(
        [
            old(
                **{name: getattr(row, name) for name in FIELDS},
                check_request_id=int(row.about_id) if row.about_type == "agencycheck" else None,
            )
            for row in new.objects.order_by("pk").iterator()
        ],
        batch_size=1000,
    )
    new.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mash", "0006_strategy_discussions"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="Notification"),
    ]

"""A looked-after child's "missing or away from placement" (casework.CareAbsence) becomes a
missing episode of this app: one record, no second copy. Each absence keeps its child, its
period of care, its dates (SSDA903's start and end), its kind (missing stays missing; casework's
"absent" was away from placement without authorisation) and whether a return interview was
offered and accepted. Times of day were not recorded: midday is used. No 72-hour clock is
started for them (they predate it). Reversible: the episodes from a placement go back.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations

KINDS = {"missing": "missing", "absent": "away"}


def _midday(day):
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(12), tzinfo=ZoneInfo(settings.TIME_ZONE))


def forwards(apps, schema_editor):
    CareAbsence = apps.get_model("casework", "CareAbsence")
    MissingEpisode = apps.get_model("outside", "MissingEpisode")
    rows = CareAbsence.objects.select_related("looked_after_episode__episode").order_by("pk")
    MissingEpisode.objects.bulk_create(
        [
            MissingEpisode(
                person_id=absence.looked_after_episode.episode.person_id,
                kind=KINDS[absence.kind],
                missing_from="placement",
                looked_after_episode_id=absence.looked_after_episode_id,
                started_on=absence.started_on,
                ended_on=absence.ended_on,
                missing_since=_midday(absence.started_on),
                returned_at=_midday(absence.ended_on),
                is_return_interview_offered=absence.is_return_interview_offered,
                is_return_interview_accepted=absence.is_return_interview_accepted,
                recorded_by_id=absence.recorded_by_id,
                created_at=absence.created_at,
            )
            for absence in rows.iterator()
        ],
        batch_size=500,
    )


def backwards(apps, schema_editor):
    CareAbsence = apps.get_model("casework", "CareAbsence")
    MissingEpisode = apps.get_model("outside", "MissingEpisode")
    episodes = MissingEpisode.objects.filter(
        looked_after_episode__isnull=False, kind__in=["missing", "away"]
    )
    CareAbsence.objects.bulk_create(
        [
            CareAbsence(
                looked_after_episode_id=e.looked_after_episode_id,
                kind="missing" if e.kind == "missing" else "absent",
                started_on=e.started_on,
                ended_on=e.ended_on,
                is_return_interview_offered=e.is_return_interview_offered,
                is_return_interview_accepted=e.is_return_interview_accepted,
                recorded_by_id=e.recorded_by_id,
                created_at=e.created_at,
            )
            for e in episodes.iterator()
        ],
        batch_size=500,
    )
    episodes.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outside", "0002_default_push_pull_factors"),
        ("casework", "0005_primary_need_codes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

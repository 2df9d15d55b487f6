# Exports move from a text column to a file, so that an export can carry recordings.

from django.core.files.base import ContentFile
from django.db import migrations, models

import secondround.portability.models


def content_to_files(apps, schema_editor):
    AccountExport = apps.get_model("portability", "AccountExport")
    for export in AccountExport.objects.exclude(content=""):
        name = f"secondround-{export.created_at:%Y-%m-%d-%H%M}.json"
        export.file.save(name, ContentFile(export.content.encode("utf-8")), save=False)
        export.save(update_fields=["file"])


class Migration(migrations.Migration):
    dependencies = [
        ("portability", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="accountexport",
            name="file",
            field=models.FileField(
                blank=True, upload_to=secondround.portability.models.export_path
            ),
        ),
        migrations.AddField(
            model_name="accountexport",
            name="with_recordings",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(content_to_files, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="accountexport",
            name="content",
        ),
    ]

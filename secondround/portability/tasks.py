"""Background work for exports: one process runs it inline on a laptop, a worker elsewhere."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from .models import AccountExport
from .services import account_export_file


@task()
def build_account_export(export_id: int) -> None:
    export = AccountExport.objects.select_related("owner").get(pk=export_id)
    try:
        data = account_export_file(
            owner=export.owner, now=timezone.now(), recordings=export.with_recordings
        )
        export.file.save(export.filename, ContentFile(data), save=False)
        export.status = AccountExport.Status.READY
    except Exception as error:  # the user sees the failure on the page instead of a spinner
        export.status = AccountExport.Status.FAILED
        export.error = f"{type(error).__name__}: {error}"
    export.save(update_fields=["file", "status", "error"])

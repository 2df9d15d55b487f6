"""Background work for exports: one process runs it inline on a laptop, a worker elsewhere."""

from __future__ import annotations

import json

from django.utils import timezone
from django_tasks import task

from .models import AccountExport
from .services import account_export


@task()
def build_account_export(export_id: int) -> None:
    export = AccountExport.objects.select_related("owner").get(pk=export_id)
    try:
        document = account_export(owner=export.owner, now=timezone.now())
        export.content = json.dumps(document, ensure_ascii=False, indent=2)
        export.status = AccountExport.Status.READY
    except Exception as error:  # the user sees the failure on the page instead of a spinner
        export.status = AccountExport.Status.FAILED
        export.error = f"{type(error).__name__}: {error}"
    export.save(update_fields=["content", "status", "error"])

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .forms import ImportForm
from .models import AccountExport
from .services import ImportFileError, account_import, describe_counts, load_export
from .tasks import build_account_export

KEEP_EXPORTS = 5


def _exports_context(request: HttpRequest, import_form: ImportForm) -> dict:
    """The latest exports; while one is being prepared the page polls for it (HTMX)."""
    exports = list(AccountExport.objects.filter(owner=request.user).defer("content")[:KEEP_EXPORTS])
    pending = any(export.status == AccountExport.Status.PENDING for export in exports)
    return {"exports": exports, "pending": pending, "import_form": import_form}


def _get_export_for_user(request: HttpRequest, pk: int) -> AccountExport:
    return get_object_or_404(AccountExport, pk=pk, owner=request.user)


@login_required
@require_GET
def data_home(request: HttpRequest) -> HttpResponse:
    return render(request, "portability/data.html", _exports_context(request, ImportForm()))


@login_required
@require_POST
def export_create(request: HttpRequest) -> HttpResponse:
    export = AccountExport.objects.create(owner=request.user)
    build_account_export.enqueue(export.pk)
    stale = AccountExport.objects.filter(owner=request.user).values_list("pk", flat=True)
    AccountExport.objects.filter(pk__in=list(stale[KEEP_EXPORTS:])).delete()
    messages.info(request, "Your export is being prepared; the download link appears below.")
    return redirect("data_home")


@login_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    export = _get_export_for_user(request, pk)
    if export.status != AccountExport.Status.READY:
        messages.warning(request, "That export is not ready.")
        return redirect("data_home")
    response = HttpResponse(export.content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            payload = load_export(form.cleaned_data["file"].read())
            added = account_import(
                owner=request.user, payload=payload, replace=form.cleaned_data["replace"]
            )
        except ImportFileError as error:
            form.add_error("file", f"Nothing was imported. {error}")
        else:
            messages.success(request, f"Imported {describe_counts(added)}.")
            return redirect("dashboard")
    return render(request, "portability/data.html", _exports_context(request, form))

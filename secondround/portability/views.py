from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned

from .forms import ExportForm, ImportForm
from .models import AccountExport
from .services import ImportFileError, account_import, load_export
from .tasks import build_account_export

KEEP_EXPORTS = 5


def _exports_context(request: HttpRequest, import_form: ImportForm) -> dict:
    """The latest exports; while one is being prepared the page polls for it (HTMX)."""
    exports = list(AccountExport.objects.filter(owner=request.user)[:KEEP_EXPORTS])
    pending = any(export.status == AccountExport.Status.PENDING for export in exports)
    return {
        "exports": exports,
        "pending": pending,
        "export_form": ExportForm(),
        "import_form": import_form,
    }


def _get_export_for_user(request: HttpRequest, pk: int) -> AccountExport:
    return get_owned(AccountExport, request.user, pk=pk)


def _forget_stale_exports(owner) -> None:
    # One still being prepared is left to its task.
    stale = AccountExport.objects.filter(owner=owner).exclude(status=AccountExport.Status.PENDING)
    stale = stale[KEEP_EXPORTS:]
    for export in stale:
        if export.file:
            export.file.delete(save=False)
        export.delete()


@login_required
@require_GET
def data_home(request: HttpRequest) -> HttpResponse:
    return render(request, "portability/data.html", _exports_context(request, ImportForm()))


@login_required
@require_POST
def export_create(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST)
    recordings = form.is_valid() and form.cleaned_data["recordings"]
    export = AccountExport.objects.create(owner=request.user, with_recordings=recordings)
    build_account_export.enqueue(export.pk)
    _forget_stale_exports(request.user)
    messages.info(request, "Your export is being prepared; the download link appears below.")
    return redirect("data_home")


@login_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    export = _get_export_for_user(request, pk)
    if export.status != AccountExport.Status.READY or not export.file:
        messages.warning(request, "That export is not ready.")
        return redirect("data_home")
    try:
        stream = export.file.open("rb")
    except OSError:
        messages.error(request, "That export's file is gone from this machine; prepare a new one.")
        return redirect("data_home")
    content_type = "application/zip" if export.with_recordings else "application/json"
    return FileResponse(
        stream, as_attachment=True, filename=export.filename, content_type=content_type
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            bundle = load_export(form.cleaned_data["file"].read())
            result = account_import(
                owner=request.user,
                payload=bundle.payload,
                replace=form.cleaned_data["replace"],
                files=bundle.files,
            )
        except ImportFileError as error:
            form.add_error("file", f"Nothing was imported. {error}")
        else:
            messages.success(request, result.describe())
            return redirect("dashboard")
    return render(request, "portability/data.html", _exports_context(request, form))

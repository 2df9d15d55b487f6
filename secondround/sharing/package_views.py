"""Coach packages: the candidate makes one and imports the reply; the coach opens and answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.downloads import attachment
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.opportunities.access import get_opportunity_for_user

from . import packages
from .forms import CommentForm, PackageFileForm, PackageForm, RatingForm
from .models import CoachPackage, ReceivedPackage
from .views import sharing_page


def _get_package_for_user(request: HttpRequest, pk: int) -> CoachPackage:
    return get_owned(CoachPackage, request.user, pk=pk)


def _get_received_for_user(request: HttpRequest, pk: int) -> ReceivedPackage:
    return get_owned(ReceivedPackage, request.user, pk=pk)


def _json_download(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = attachment(filename)
    return response


@login_required
@require_POST
def coach_package_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = PackageForm(request.POST, auto_id="package-%s")
    if not form.is_valid():
        return sharing_page(request, opportunity, package_form=form)
    package = packages.package_create(
        owner=request.user, opportunity=opportunity, sections=form.sections(), now=timezone.now()
    )
    messages.success(
        request,
        "Your coach package is ready: download it below and send it to your coach. "
        "Import their reply here when it comes back.",
    )
    return redirect(reverse("sharing_home", args=[opportunity.pk]) + f"#package-{package.pk}")


@login_required
@require_GET
def coach_package_download(request: HttpRequest, pk: int) -> HttpResponse:
    package = _get_package_for_user(request, pk)
    name = f"coach-package-{package.opportunity.company[:40]}-{package.created_at:%Y-%m-%d}.json"
    return _json_download(packages.package_bytes(package), name)


@login_required
@require_POST
def reply_import(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = PackageFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose the reply file your coach sent; nothing was imported.")
        return redirect("sharing_home", pk=opportunity.pk)
    try:
        result = packages.reply_import(
            owner=request.user,
            raw=form.cleaned_data["file"].read(packages.MAX_FILE_BYTES + 1),
            now=timezone.now(),
        )
    except packages.PackageRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, result.describe())
    return redirect("sharing_home", pk=opportunity.pk)


@login_required
@require_http_methods(["GET", "POST"])
def package_import(request: HttpRequest) -> HttpResponse:
    """The coach opens a package a candidate sent them."""
    form = PackageFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            package, new = packages.package_open(
                owner=request.user, raw=form.cleaned_data["file"].read(packages.MAX_FILE_BYTES + 1)
            )
        except packages.PackageRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            if not new:
                messages.info(request, "You opened this package before: here it is.")
            return redirect(package)
    return render(request, "sharing/package_import.html", {"form": form})


@login_required
@require_GET
def received_package(request: HttpRequest, pk: int) -> HttpResponse:
    package = _get_received_for_user(request, pk)
    comments: dict[str, list] = {}
    for comment in package.comments.all():
        comments.setdefault(comment.item, []).append(comment)
    return render(
        request,
        "sharing/package.html",
        {
            "package": package,
            "sections": package.document.get("sections", []),
            "comments": comments,
            "competencies": list(COMPETENCIES.items()),
            "scores": range(1, 6),
        },
    )


@login_required
@require_POST
def package_comment(request: HttpRequest, pk: int) -> HttpResponse:
    package = _get_received_for_user(request, pk)
    item = str(request.POST.get("item", ""))[:200]
    form = (RatingForm if item.startswith("attempt:") else CommentForm)(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"Your comment was not saved: {error}")
        return redirect(package)
    try:
        packages.package_comment(
            package=package,
            item=item,
            text=form.cleaned_data["text"],
            competency=form.cleaned_data.get("competency") or "",
            score=form.cleaned_data.get("score"),
        )
    except packages.PackageRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Comment saved. Export the reply when you are done.")
    return redirect(package)


@login_required
@require_GET
def package_reply(request: HttpRequest, pk: int) -> HttpResponse:
    package = _get_received_for_user(request, pk)
    data = packages.reply_bytes(package, coach=request.user, now=timezone.now())
    return _json_download(data, f"coach-reply-{package.candidate[:30]}.json")

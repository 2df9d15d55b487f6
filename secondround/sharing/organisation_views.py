"""A career centre: students join with a code; admins invite coaches and read counts only."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts import throttle
from secondround.accounts.forms import SignUpForm
from secondround.accounts.services import InvitationRefused

from . import organisations, selectors
from .forms import JoinCodeForm, OrganisationInviteForm
from .models import Membership, Organisation
from .views import CLOSED_SIGNUP

LINK_SESSION_KEY = "organisation_new_link"


def _get_administered(request: HttpRequest, pk: int) -> Organisation:
    return get_object_or_404(
        Organisation,
        pk=pk,
        memberships__user=request.user,
        memberships__role=Membership.Role.ADMIN,
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_join(request: HttpRequest) -> HttpResponse:
    form = JoinCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        now = timezone.now()
        address = throttle.client_address(request)
        # A code could be guessed: wrong ones count as failed log-ins from the address.
        lock = throttle.lockout(username="", address=address, now=now)
        if lock:
            form.add_error(None, throttle.lockout_message(lock, now, what="attempts"))
            status = 429
        elif form.is_valid():
            try:
                membership = organisations.organisation_join(
                    user=request.user, code=form.cleaned_data["code"]
                )
            except organisations.JoinRefused as refusal:
                if str(refusal) == organisations.WRONG_CODE:
                    throttle.failure_record(username="", address=address, now=now)
                form.add_error("code", str(refusal))
            else:
                messages.success(
                    request,
                    f"You joined {membership.organisation.name}. Its staff see only counts "
                    "(how many students practised), never your pages, unless you share them.",
                )
                return redirect("dashboard")
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    return render(
        request,
        "sharing/organisation_join.html",
        {"form": form, "memberships": memberships},
        status=status,
    )


@login_required
@require_GET
def organisation_home(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _get_administered(request, pk)
    link = request.session.pop(LINK_SESSION_KEY, None)
    staff = (
        Membership.objects.filter(organisation=organisation)
        .exclude(role=Membership.Role.STUDENT)
        .select_related("user")
    )
    return render(
        request,
        "sharing/organisation.html",
        {
            "organisation": organisation,
            "figures": selectors.organisation_figures(organisation, now=timezone.now()),
            "staff": staff,
            "invite_form": OrganisationInviteForm(),
            "link": link if link and link.get("organisation") == organisation.pk else None,
            "pending": organisation.invitations.filter(
                used_at__isnull=True, expires_at__gt=timezone.now()
            ),
        },
    )


@login_required
@require_POST
def organisation_invite(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _get_administered(request, pk)
    form = OrganisationInviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say who the invitation is for, and for 1 to 30 days.")
        return redirect(organisation)
    token = organisations.coach_invitation_create(
        organisation=organisation,
        note=form.cleaned_data["note"],
        days=form.cleaned_data["days"],
        now=timezone.now(),
    )
    request.session[LINK_SESSION_KEY] = {
        "organisation": organisation.pk,
        "url": request.build_absolute_uri(reverse("organisation_invitation", args=[token])),
    }
    return redirect(organisation)


@login_required
@require_POST
def organisation_code(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _get_administered(request, pk)
    organisations.join_code_renew(organisation=organisation)
    messages.success(request, "A new code: the old one no longer lets anyone join.")
    return redirect(organisation)


@require_http_methods(["GET", "POST"])
def organisation_invitation(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    try:
        invitation = organisations.coach_invitation_check(token=token, now=now)
    except InvitationRefused as refusal:
        return render(request, "sharing/join.html", {"refusal": str(refusal)}, status=403)
    context = {"organisation": invitation.organisation, "token": token}
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                organisations.coach_invitation_accept(token=token, user=request.user, now=now)
            except InvitationRefused as refusal:
                return render(request, "sharing/join.html", {"refusal": str(refusal)}, status=403)
            messages.success(request, f"You are a coach of {invitation.organisation.name}.")
            return redirect("shared_home")
        return render(request, "sharing/organisation_invitation.html", context)
    if settings.SECONDROUND_SIGNUP == "closed":
        return render(
            request, "sharing/organisation_invitation.html", context | {"closed": CLOSED_SIGNUP}
        )
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = organisations.coach_invitation_sign_up(token=token, form=form, now=now)
        except InvitationRefused as refusal:
            return render(request, "sharing/join.html", {"refusal": str(refusal)}, status=403)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome: you are a coach of {invitation.organisation.name}.")
        return redirect("shared_home")
    return render(request, "sharing/organisation_invitation.html", context | {"form": form})

"""The candidate's side of sharing: who sees what, the links, the log; and following a link."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.accounts.forms import SignUpForm
from secondround.accounts.services import InvitationRefused
from secondround.opportunities.access import get_opportunity_for_user
from secondround.opportunities.models import Opportunity

from . import services
from .forms import InviteForm, PackageFileForm, PackageForm, ShareEditForm, ShareForm
from .models import Share
from .targets import TARGETS, owner_path

LINK_SESSION_KEY = "sharing_new_link"
CLOSED_SIGNUP = (
    "New accounts are not made here: ask whoever runs this Second Round for an account, "
    "then log in and follow this link again."
)


def _get_share_for_user(request: HttpRequest, pk: int) -> Share:
    return get_owned(Share.objects.select_related("opportunity", "grantee"), request.user, pk=pk)


def sharing_page(request: HttpRequest, opportunity: Opportunity, **forms) -> HttpResponse:
    today = timezone.localdate()
    shares = list(opportunity.shares.select_related("grantee").order_by("-created_at"))
    context = {
        "opportunity": opportunity,
        "rows": [(share, share.status(today)) for share in shares],
        "share_form": forms.get("share_form")
        or ShareForm(owner=request.user, opportunity=opportunity),
        # Three forms on one page: each its own ids, so that every label finds its field.
        "invite_form": forms.get("invite_form") or InviteForm(auto_id="invite-%s"),
        "package_form": forms.get("package_form") or PackageForm(auto_id="package-%s"),
        "reply_form": PackageFileForm(auto_id="reply-%s"),
    }
    return render(request, "sharing/sharing.html", context)


@login_required
@require_GET
def sharing_home(request: HttpRequest, pk: int) -> HttpResponse:
    return sharing_page(request, get_opportunity_for_user(request, pk))


@login_required
@require_POST
def share_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = ShareForm(request.POST, owner=request.user, opportunity=opportunity)
    if not form.is_valid():
        return sharing_page(request, opportunity, share_form=form)
    share = services.share_create(
        owner=request.user,
        opportunity=opportunity,
        grantee=form.cleaned_data["who"],
        values=form.share_values(),
    )
    shared = ", ".join(section.label.lower() for section in share.sections())
    messages.success(request, f"Shared with {share.grantee_name}: {shared}.")
    return redirect(share)


@login_required
@require_POST
def share_invite(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = InviteForm(request.POST, auto_id="invite-%s")
    if not form.is_valid():
        return sharing_page(request, opportunity, invite_form=form)
    token, share = services.share_invite(
        owner=request.user,
        opportunity=opportunity,
        values=form.share_values(),
        invited_as=form.cleaned_data["invited_as"],
        days=form.cleaned_data["days"],
        now=timezone.now(),
    )
    # Shown once, on the next page: the link is never stored, only its hash.
    request.session[LINK_SESSION_KEY] = {
        "share": share.pk,
        "url": request.build_absolute_uri(reverse("share_join", args=[token])),
    }
    return redirect(share)


@login_required
@require_http_methods(["GET", "POST"])
def share_detail(request: HttpRequest, pk: int) -> HttpResponse:
    share = _get_share_for_user(request, pk)
    form = ShareEditForm(request.POST or None, instance=share)
    if request.method == "POST":
        if share.revoked_at is not None:
            messages.error(request, "This share is revoked; make a new one instead.")
            return redirect(share)
        if form.is_valid():
            services.share_update(share=share, values=form.share_values())
            messages.success(request, "Saved: they see these sections from their next click.")
            return redirect(share)
    link = request.session.get(LINK_SESSION_KEY)
    if link and link.get("share") == share.pk:
        del request.session[LINK_SESSION_KEY]
    else:
        link = None
    invitation = getattr(share, "invitation", None) if share.grantee_id is None else None
    return render(
        request,
        "sharing/share.html",
        {
            "share": share,
            "opportunity": share.opportunity,
            "status": share.status(timezone.localdate()),
            "form": form,
            "link": link["url"] if link else "",
            "invitation": invitation,
            "log": share.log.all()[:200],
            "sections": share.sections(),
        },
    )


@login_required
@require_POST
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    share = _get_share_for_user(request, pk)
    services.share_revoke(share=share, now=timezone.now())
    messages.success(
        request,
        f"Revoked: {share.grantee_name} sees nothing of this from their next click. "
        "Their comments stay with your items.",
    )
    return redirect(share)


@login_required
@require_POST
def comment_done(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The candidate marks a comment on one of their items done (or not done)."""
    target = TARGETS.get(kind)
    if target is None:
        raise Http404
    comment = get_object_or_404(
        target.comment_model,
        pk=pk,
        **{f"{target.field}__{owner_path(target.model)}": request.user},
    )
    done = request.POST.get("done") != "0"
    services.comment_set_done(comment=comment, done=done, now=timezone.now())
    back = str(request.POST.get("next", ""))
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        return redirect(back)
    return redirect("dashboard")


def _join_refused(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "sharing/join.html", {"refusal": message}, status=403)


@require_http_methods(["GET", "POST"])
def share_join(request: HttpRequest, token: str) -> HttpResponse:
    """A coach follows the candidate's link: logged in, they accept; else an account is made."""
    now = timezone.now()
    try:
        invitation = services.invitation_check(token=token, now=now)
    except InvitationRefused as refusal:
        return _join_refused(request, str(refusal))
    share = invitation.share
    context = {"share": share, "token": token, "sections": share.sections()}
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.invitation_accept(token=token, user=request.user, now=now)
            except InvitationRefused as refusal:
                return _join_refused(request, str(refusal))
            messages.success(request, f"{share.owner.get_full_name() or share.owner} shared this.")
            return redirect("shared_opportunity", pk=share.opportunity_id)
        return render(request, "sharing/join.html", context)
    if settings.SECONDROUND_SIGNUP == "closed":
        return render(request, "sharing/join.html", context | {"closed": CLOSED_SIGNUP})
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_sign_up(token=token, form=form, now=now)
        except InvitationRefused as refusal:
            return _join_refused(request, str(refusal))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Second Round. This is what was shared with you.")
        return redirect("shared_opportunity", pk=share.opportunity_id)
    return render(request, "sharing/join.html", context | {"form": form})

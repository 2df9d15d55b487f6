from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import services, throttle
from .forms import NameForm, SignUpForm, ThrottledAuthenticationForm

CLOSED = (
    "Sign-up is closed on this server: accounts are created by whoever runs it. Ask them for one."
)
BY_INVITATION = (
    "Sign-up here is by invitation: follow the link you were sent, "
    "or ask whoever runs Second Round for one."
)


class LoginView(auth_views.LoginView):
    """Django's log-in, throttled per account and per address (see throttle.py)."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: ThrottledAuthenticationForm) -> HttpResponse:
        username = form.get_user().get_username()
        throttle.failures_clear(username=username)
        response = super().form_valid(form)
        throttle.remember_device(response, username)
        return response

    def form_invalid(self, form: ThrottledAuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error("__all__", code="throttled"):
            response.status_code = 429
        return response


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "registration/signup.html", {"refusal": message}, status=status)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, token: str | None = None) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    mode = settings.SECONDROUND_SIGNUP
    now = timezone.now()
    if mode == "closed":
        return _refused(request, CLOSED, 403)
    if mode == "invitation" or token is not None:
        if token is None:
            return _refused(request, BY_INVITATION, 403)
        try:
            services.invitation_check(token=token, now=now)
        except services.InvitationRefused as refusal:
            return _refused(request, str(refusal), 403)
    form = SignUpForm(request.POST or None, ask_code=mode == "code" and token is None)
    if request.method == "POST":
        # An organisation code could be guessed: wrong ones count as failed attempts from
        # the address, with failed log-ins, under the same limit.
        address = throttle.client_address(request)
        lock = "code" in form.fields and throttle.lockout(username="", address=address, now=now)
        if lock:
            return _locked(request, form, throttle.lockout_message(lock, now, what="attempts"))
        if form.is_valid():
            try:
                user = services.account_create(form=form, invitation_token=token, now=now)
            except services.InvitationRefused as refusal:
                return _refused(request, str(refusal), 403)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                "Welcome to Second Round. Start with the opportunity you are preparing for.",
            )
            return redirect("dashboard")
        if form.has_error("code", "wrong_code"):
            throttle.failure_record(username="", address=address, now=now)
    return render(request, "registration/signup.html", {"form": form, "token": token})


def _locked(request: HttpRequest, form: Form, message: str) -> HttpResponse:
    form.add_error(None, message)
    return render(request, "registration/signup.html", {"form": form}, status=429)


@login_required
@require_http_methods(["GET", "POST"])
def name_edit(request: HttpRequest) -> HttpResponse:
    form = NameForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved. Your letters, follow-ups and briefs now carry this name.")
        return redirect("name_edit")
    return render(request, "registration/name.html", {"form": form})

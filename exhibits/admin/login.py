"""Signing in to the admin: a lockout after repeated failures, and two-factor login.

Lockout (django-axes, configured in settings): after a few wrong passwords or codes for one
username from one address, that pair is refused for a while, with lockout_response's page.

Two-factor login: a password and a code from an authenticator app (TOTP, django-otp). Any staff member may turn it on at "Two-factor login" in the admin's user links; from then on the
admin's login form asks for the code too. With settings.TARLO_TWO_FACTOR_REQUIRED, publishers and
superusers must: until they have set it up (or, with a device, entered its code), their session
opens nothing but the page that does so. A lost phone: a superuser deletes the person's device
under "TOTP devices", and the person sets up a new one.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*", "size": 8}
)


def needs_two_factor(user):
    """Whether `user` must sign in with a second factor: publishers and superusers, when required."""
    return bool(
        settings.TARLO_TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and (user.is_superuser or user.has_perm("exhibits.publish_content"))
    )


def _clean_code(value):
    return "".join((value or "").split())


def _verified_device(user, code):
    """The confirmed device of `user` that accepts `code`, or None (each device throttles guesses)."""
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


class LoginForm(AdminAuthenticationForm):
    """The admin's login form, asking for the authenticator code of those who have set one up."""

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        widget=CODE_WIDGET,
        help_text=_("The six digits your authenticator app shows, if you have set up two-factor login."),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "code_required": _("Enter the code from your authenticator app as well."),
        "code_invalid": _("That code is wrong or has expired. Enter the code your app shows now."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
            return cleaned_data
        code = _clean_code(cleaned_data.get("otp_token"))
        if not code:
            raise ValidationError(self.error_messages["code_required"], code="code_required")
        device = _verified_device(user, code)
        if device is None:
            # Counts towards the lockout (django-axes) like a wrong password.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=self.request
            )
            raise ValidationError(self.error_messages["code_invalid"], code="code_invalid")
        user.otp_device = device  # django_otp keeps it in the session when the user is logged in
        return cleaned_data


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Authentication code"), widget=CODE_WIDGET)

    def clean_code(self):
        return _clean_code(self.cleaned_data["code"])


def setup_view(request):
    """Set up two-factor login (scan, then confirm with a code), or enter the code of a device."""
    user = request.user
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is not None and user.is_verified():
        return _page(request, is_on=True)
    if device is None:
        device = _unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                messages.success(request, gettext("Two-factor login is on: sign in with a code from now on."))
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", LoginForm.error_messages["code_invalid"])
    is_new = not device.confirmed
    return _page(
        request,
        form=form,
        is_new=is_new,
        qr_code=segno.make(device.config_url).svg_inline(scale=4, title=gettext("QR code")) if is_new else "",
        secret=_spaced(device.bin_key) if is_new else "",
        next=request.GET.get("next", ""),
    )


def _unconfirmed_device(user):
    """The device `user` is setting up: the one from an earlier visit, or a new one."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=gettext("Authenticator app"), confirmed=False)
    return device


def _page(request, **context):
    from django.contrib import admin

    return TemplateResponse(
        request,
        "admin/exhibits/two_factor.html",
        {
            **admin.site.each_context(request),
            "title": gettext("Two-factor login"),
            "is_required": needs_two_factor(request.user),
            **context,
        },
    )


def _spaced(key):
    secret = b32encode(key).decode().rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def _next_url(request):
    url = request.GET.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a login while locked out: a page saying so, in the visitor's language."""
    from django.contrib import admin

    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    # Rendered here: axes returns it from a middleware, after TemplateResponses are rendered.
    return render(
        request,
        "admin/exhibits/locked_out.html",
        {**admin.site.each_context(request), "title": gettext("Too many failed logins"), "minutes": minutes},
        status=429,
    )


class TwoFactorRequiredMiddleware:
    """Send a publisher or superuser who has not passed two-factor login to the page that does it.

    Until then the session opens nothing else (the admin, or drafts on the site), except logging out.
    Comes after django_otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if needs_two_factor(user) and not user.is_verified():
            allowed = {reverse("two-factor"), reverse("admin:logout"), reverse("admin:jsi18n")}
            if request.path not in allowed:
                return redirect(f"{reverse('two-factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

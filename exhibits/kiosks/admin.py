from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from exhibits.admin.filters import KioskContactFilter
from exhibits.editorial.admin import WorkflowAdminMixin
from exhibits.kiosks import tokens
from exhibits.models import Kiosk


@admin.register(Kiosk)
class KioskAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "exhibit",
        "default_language",
        "idle_timeout",
        "last_seen_at",
        "content_version",
        "has_token",
    ]
    list_filter = ["exhibit", "default_language", KioskContactFilter]
    list_select_related = ["exhibit"]
    search_fields = ["name", "slug", "exhibit__title_hu", "exhibit__title_en"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["exhibit"]
    readonly_fields = ["last_seen_at", "content_version", "token_issued_at"]
    fields = [
        "name",
        "slug",
        "exhibit",
        "default_language",
        "idle_timeout",
        "last_seen_at",
        "content_version",
        "token_issued_at",
    ]
    change_form_template = "admin/exhibits/kiosk/change_form.html"

    @admin.display(boolean=True, description=_("token"))
    def has_token(self, kiosk):
        return bool(kiosk.token_hash)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/token/",
                self.admin_site.admin_view(self.token_view),
                name="exhibits_kiosk_token",
            ),
            *super().get_urls(),
        ]

    def token_view(self, request, object_id):
        """Issue a kiosk's token (shown on this page once, never again) or revoke it.

        admin_view makes the page never cached, and it is the answer to a POST: the token is
        nowhere but in this one response.
        """
        kiosk = get_object_or_404(Kiosk, pk=object_id)
        if not self.has_change_permission(request, kiosk):
            raise PermissionDenied
        token = ""
        if request.method == "POST" and request.POST.get("action") == "issue":
            token = tokens.issue(kiosk=kiosk, user=request.user)
        elif request.method == "POST" and request.POST.get("action") == "revoke":
            tokens.revoke(kiosk=kiosk, user=request.user)
            messages.success(
                request, gettext("The kiosk's token is revoked: it cannot report until it gets a new one.")
            )
            return redirect("admin:exhibits_kiosk_change", kiosk.pk)
        setup_url = ""
        if token:
            page = request.build_absolute_uri(reverse("kiosk:kiosk-detail", kwargs={"slug": kiosk.slug}))
            setup_url = f"{page}#token={token}"
        return TemplateResponse(
            request,
            "admin/exhibits/kiosk/token.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Token of kiosk “%(kiosk)s”") % {"kiosk": kiosk},
                "opts": self.opts,
                "original": kiosk,
                "token": token,
                "setup_url": setup_url,
            },
        )

"""Export downloads from an exhibit's page in the admin, through the same registry as the command."""

import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from exhibits.exports import FORMATS, UnknownFormat, export_exhibit, export_filename, get_exporter
from exhibits.exports.base import ExportError

# Exports larger than this are spooled to disk rather than held in memory.
SPOOL_BYTES = 2 * 1024 * 1024


class ExhibitExportsMixin:
    change_form_template = "admin/exhibits/exhibit/change_form.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/export/<str:format>/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "export_formats": [(name, get_exporter(name).label) for name in FORMATS],
            "can_export": request.user.has_perm("exhibits.export_exhibit"),
            "can_import_translations": request.user.has_perm("exhibits.import_translations"),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def export_view(self, request, object_id, format):
        if not request.user.has_perm("exhibits.export_exhibit"):
            raise PermissionDenied
        exhibit = get_object_or_404(self.model, pk=object_id)
        try:
            exporter = get_exporter(format)
        except UnknownFormat as error:
            raise Http404(str(error)) from None
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            export_exhibit(exhibit=exhibit, format=format, stream=spool)
        except ExportError as error:
            spool.close()
            messages.error(request, str(error))
            info = self.opts.app_label, self.opts.model_name
            return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[exhibit.pk]))
        spool.seek(0)
        return FileResponse(
            spool,
            as_attachment=True,
            filename=export_filename(exhibit, exporter),
            content_type=exporter.content_type,
        )

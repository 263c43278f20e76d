from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exhibits.content import checks as content_check
from exhibits.models import Exhibit


class Command(BaseCommand):
    help = (
        "Report what to fix before publishing: missing or stale translations, word limits, alt text, "
        "quotation marks and brackets, links to unpublished content, events outside the period. "
        "Exits with status 1 when it finds errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("exhibit", nargs="?", help="The exhibit's slug; every exhibit when left out.")
        parser.add_argument(
            "--live", action="store_true", help="Check what visitors see now, ignoring pending drafts."
        )

    def handle(self, *args, exhibit=None, live=False, **options):
        exhibits = Exhibit.objects.all()
        if exhibit:
            exhibits = exhibits.filter(slug=exhibit)
            if not exhibits.exists():
                raise CommandError(_("No exhibit has the slug “%(slug)s”.") % {"slug": exhibit})
        findings = []
        for item in exhibits:
            findings.extend(content_check.check_exhibit(item, drafts=not live))
        for finding in findings:
            language = f" [{finding.language}]" if finding.language else ""
            self.stdout.write(
                f"{finding.severity.upper()}: {finding.obj._meta.verbose_name} “{finding.obj}” "
                f"{finding.field}{language}: {finding.message}"
            )
        errors = content_check.errors(findings)
        summary = _("%(errors)d error(s), %(warnings)d warning(s).") % {
            "errors": len(errors),
            "warnings": len(findings) - len(errors),
        }
        if errors:
            raise CommandError(summary, returncode=1)
        self.stdout.write(summary)

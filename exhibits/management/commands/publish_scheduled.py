from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exhibits.editorial.actions import run_due


class Command(BaseCommand):
    help = (
        "Publish and unpublish what publishers scheduled for now or earlier, through the publish and "
        "unpublish actions, in the name of the publisher who set each schedule. Run it every minute "
        "from cron or a systemd timer; running it again, or twice at once, does nothing twice. "
        "Exits with status 1 when something due could not be done (the admin's schedule list says why)."
    )

    def handle(self, *args, **options):
        outcomes = run_due()
        for outcome in outcomes:
            values = {"object": outcome.object_repr, "problem": outcome.problem}
            if outcome.action == "publish":
                message = (
                    _("Not published: “%(object)s”: %(problem)s")
                    if outcome.problem
                    else _("Published: “%(object)s”.")
                )
            else:
                message = (
                    _("Not unpublished: “%(object)s”: %(problem)s")
                    if outcome.problem
                    else _("Unpublished: “%(object)s”.")
                )
            (self.stderr if outcome.problem else self.stdout).write(message % values)
        failed = sum(1 for outcome in outcomes if outcome.problem)
        summary = _("%(done)d done, %(failed)d failed.") % {"done": len(outcomes) - failed, "failed": failed}
        if failed:
            raise CommandError(summary, returncode=1)
        if options["verbosity"] > 1 or outcomes:
            self.stdout.write(summary)

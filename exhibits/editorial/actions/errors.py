from django.utils.translation import gettext as _


class Refused(Exception):
    """A state change that cannot be made; `message` says why, to the person who asked."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class PublishRefused(Refused):
    """The content check found errors, and nobody overrode them with a reason."""

    def __init__(self, findings):
        super().__init__(
            _(
                "Not published: the content check found %(count)d error(s). Fix them, or give a reason to "
                "publish anyway."
            )
            % {"count": len(findings)}
        )
        self.findings = findings

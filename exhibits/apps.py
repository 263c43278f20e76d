from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ExhibitsConfig(AppConfig):
    name = "exhibits"
    verbose_name = _("Exhibit content")

    def ready(self):
        import exhibits.content.signals
        import exhibits.editorial.signals
        import exhibits.translations.signals  # noqa: F401
        from exhibits.content import version
        from exhibits.content.search import register_sqlite_functions

        version.connect_content()
        connection_created.connect(register_sqlite_functions, dispatch_uid="tarlo-sqlite-fold")

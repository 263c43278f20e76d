"""The Jinja2 environment of the few visitor templates where Django's engine is too slow.

Autoescaping is on (Django's Jinja2 backend turns it on); `_()`, `gettext()` and `ngettext()` are
Django's own translations through Jinja2's i18n extension, so `makemessages` and the Hungarian
catalogue serve both engines; `static()` and `url()` are Django's.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from jinja2 import Environment


def environment(**options):
    env = Environment(**{"extensions": ["jinja2.ext.i18n"], **options})
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(static=static, url=reverse)
    return env

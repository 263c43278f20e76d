"""The pages served when a request fails: in every language of the site, without the database."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 60


@requires_csrf_token
def server_error(request):
    """handler500: a maintenance page (503) when the database failed, else an error page (500).

    Django calls it while handling the exception, so sys.exc_info() is the failure. Neither page
    reads the database, the session or the user: any of them may be what failed.
    """
    failure = sys.exc_info()[1]
    if isinstance(failure, DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response

"""The site plus one minimal Django view, the yardstick the benchmark measures pages against."""

from django.http import HttpResponse
from django.urls import path

from museum.urls import urlpatterns as site_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("benchmark/minimal/", minimal), *site_urlpatterns]

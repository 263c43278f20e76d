"""The site plus two views the benchmark needs: a minimal Django view, the yardstick the pages
are measured against, and the exhibit page rendered afresh on every request."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.views.generic import DetailView

from exhibits.site.views import ExhibitDetailView
from museum.urls import urlpatterns as site_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


class UncachedExhibitView(ExhibitDetailView):
    """The exhibit page without the page cache: what a visitor gets when its version is new."""

    def dispatch(self, request, *args, **kwargs):
        return DetailView.dispatch(self, request, *args, **kwargs)


urlpatterns = [
    path("benchmark/minimal/", minimal),
    *i18n_patterns(path("benchmark/uncached/exhibits/<slug:slug>/", UncachedExhibitView.as_view())),
    *site_urlpatterns,
]

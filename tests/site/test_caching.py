from unittest import mock

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibits.content.version import content_version
from exhibits.models import Status
from exhibits.site.caching import KeptPageApplication
from tests import factories
from tests.wsgi import visit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def exhibit():
    exhibit = factories.exhibit()
    factories.linked_panel(exhibit, title_hu="Első tabló")
    return exhibit


def url(exhibit):
    return f"/hu/exhibits/{exhibit.slug}/"


def test_a_published_page_is_revalidated_with_an_etag(client, exhibit):
    first = client.get(url(exhibit))

    again = client.get(url(exhibit), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304 and first["Cache-Control"] == "no-cache" and "Last-Modified" in first


def test_an_unchanged_page_is_served_from_the_cache_with_one_query(client, exhibit):
    client.get(url(exhibit))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(exhibit))

    assert response.status_code == 200 and "Első tabló" in response.content.decode() and len(queries) == 1


def test_a_change_is_visible_at_once(client, exhibit):
    first = client.get(url(exhibit))
    panel = exhibit.panels.get()
    panel.title_hu = "Javított cím"
    panel.save()

    again = client.get(url(exhibit), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200 and "Javított cím" in again.content.decode()


def test_publishing_a_draft_is_visible_at_once(client, exhibit):
    draft = factories.panel(exhibit, status=Status.DRAFT, title_hu="Most jelenik meg")
    client.get(url(exhibit))

    draft.status = Status.PUBLISHED
    draft.save()

    assert "Most jelenik meg" in client.get(url(exhibit)).content.decode()


def test_deleting_content_changes_the_version(exhibit):
    before = content_version()[0]

    exhibit.panels.get().delete()

    assert content_version()[0] != before


def test_a_changed_image_text_changes_the_version(exhibit):
    before = content_version()[0]
    image = exhibit.panels.get().image
    image.alt_text_en = "Better words"
    image.save()

    assert content_version()[0] != before


def test_the_hungarian_and_english_pages_have_different_etags(client, exhibit):
    assert client.get(url(exhibit))["ETag"] != client.get(f"/en/exhibits/{exhibit.slug}/")["ETag"]


# Only the parameters a page reads tell its cached copies apart (issue 11).


def page_entries():
    return [key for key in cache._cache if ":tarlo:page:" in key]


def test_a_query_string_the_page_does_not_read_adds_nothing_to_the_cache(client, exhibit):
    kiosk = factories.kiosk(exhibit)
    client.get(url(exhibit))
    client.get(f"/kiosk/{kiosk.slug}/")
    before = page_entries()

    responses = [client.get(f"{url(exhibit)}?junk={number}") for number in range(5)]
    responses += [client.get(f"/kiosk/{kiosk.slug}/?utm_source={number}") for number in range(5)]

    assert all(response.status_code == 200 for response in responses)
    assert page_entries() == before


def test_a_page_with_an_unread_parameter_is_the_page_without_it(client, exhibit):
    plain = client.get(url(exhibit))

    with_junk = client.get(f"{url(exhibit)}?junk=%3Cb%3Ehello")

    assert with_junk.content == plain.content and with_junk["ETag"] == plain["ETag"]


def test_a_page_rendered_first_for_an_odd_query_string_does_not_echo_it_to_others(client, exhibit):
    client.get(f"{url(exhibit)}?echo-me=1")

    page = client.get(url(exhibit)).content.decode()

    assert "echo-me" not in page


def test_the_parameters_a_page_reads_each_have_their_own_copy(client, exhibit):
    other = factories.event(title_hu="Másik esemény", category="political")
    factories.event(title_hu="Tüntetés", category="demonstration")

    political = client.get("/hu/timeline/?category=political&junk=1").content.decode()
    demonstrations = client.get("/hu/timeline/?category=demonstration").content.decode()

    assert other.title_hu in political and other.title_hu not in demonstrations
    assert len(page_entries()) == 2


def address_entries():
    return [key for key in cache._cache if ":tarlo:address:" in key]


def test_searches_fill_no_cache_but_a_browser_that_has_the_answer_gets_304(client, exhibit):
    queries = [f"/hu/search/?q=tabló+{number}" for number in range(5)]

    first = [client.get(query) for query in queries]
    again = client.get(queries[0], HTTP_IF_NONE_MATCH=first[0]["ETag"])

    assert all(response.status_code == 200 for response in first)
    assert page_entries() == [] and address_entries() == []
    assert again.status_code == 304


# Previewing drafts needs the right to (issue 11).


def test_a_staff_account_without_the_right_to_preview_sees_the_published_page(
    client, exhibit, django_user_model
):
    factories.panel(exhibit, status=Status.DRAFT, title_hu="Titkos vázlat")
    stranger = django_user_model.objects.create_user("stranger", password="x", is_staff=True)
    client.force_login(stranger)

    page = client.get(f"{url(exhibit)}?preview").content.decode()

    assert "Titkos vázlat" not in page


@pytest.mark.parametrize("role", ["curator", "translator", "publisher"])
def test_every_editorial_role_may_preview_drafts(request, exhibit, role):
    factories.panel(exhibit, status=Status.DRAFT, title_hu="Készülő vázlat")
    client = request.getfixturevalue(f"{role}_client")

    page = client.get(f"{url(exhibit)}?preview").content.decode()

    assert "Készülő vázlat" in page


def test_a_kept_page_goes_out_before_django_handles_the_request(exhibit):
    visit(url(exhibit))

    def django(environ, start_response):
        raise AssertionError("Django handled a request for a kept page")

    with CaptureQueriesContext(connection) as queries:
        answer = visit(url(exhibit), application=KeptPageApplication(django))

    assert answer.status == 200 and "Első tabló" in answer.text
    assert answer.headers["content-length"] == str(len(answer.body))
    assert len(queries) == 1 and "contentversion" in queries[0]["sql"]


def test_with_the_page_cache_off_a_page_is_made_without_asking_the_cache(exhibit, settings):
    settings.TARLO_PAGE_CACHE_SECONDS = 0

    with mock.patch.object(cache, "get", wraps=cache.get) as asked:
        first, again = visit(url(exhibit)), visit(url(exhibit))

    assert first.status == again.status == 200 and "Első tabló" in again.text
    assert asked.call_count == 0


def test_a_kept_page_goes_out_with_the_headers_it_was_sent_with(exhibit):
    first = visit(url(exhibit))

    again = visit(url(exhibit))

    assert again.body == first.body
    for name in ["content-security-policy", "x-frame-options", "etag", "content-language", "cache-control"]:
        assert again.headers[name] == first.headers[name], name


def test_a_kept_page_is_not_sent_over_plain_http_where_https_is_required(exhibit, settings):
    settings.SECURE_SSL_REDIRECT = True
    visit(url(exhibit), secure=True)

    over_http = visit(url(exhibit))
    over_https = visit(url(exhibit), secure=True)

    assert over_http.status == 301 and over_http.headers["location"].startswith("https://")
    assert over_https.status == 200


def test_a_kept_page_is_not_sent_to_a_host_the_site_does_not_serve(exhibit):
    visit(url(exhibit))

    assert visit(url(exhibit), host="evil.example").status == 400


def test_a_kept_page_is_not_modified_for_a_browser_that_has_it(exhibit):
    first = visit(url(exhibit))
    visit(url(exhibit))

    again = visit(url(exhibit), headers={"If-None-Match": first.headers["etag"]})

    assert again.status == 304 and again.headers["etag"] == first.headers["etag"] and not again.body


def test_a_kept_page_answers_a_head_request_without_its_body(exhibit):
    first = visit(url(exhibit))

    head = visit(url(exhibit), method="HEAD")

    assert head.status == 200 and not head.body
    assert head.headers["content-length"] == str(len(first.body))


def test_a_kept_page_is_never_what_a_previewer_gets(request, exhibit):
    client = request.getfixturevalue("curator_client")
    factories.panel(exhibit, status=Status.DRAFT, title_hu="Készülő tabló")
    visit(url(exhibit))
    session = f"sessionid={client.cookies['sessionid'].value}"

    preview = visit(url(exhibit), query="preview", headers={"Cookie": session})

    assert "Készülő tabló" in preview.text


def test_a_kept_page_is_not_answered_once_the_content_changed(exhibit):
    visit(url(exhibit))
    visit(url(exhibit))  # now also in this process's memory
    exhibit.panels.get().events.add(factories.event(title_hu="Utólag kapcsolt esemény"))

    assert "Utólag kapcsolt esemény" in visit(url(exhibit)).text


def test_a_link_added_after_a_page_was_kept_shows_at_once(client, exhibit):
    client.get(url(exhibit))
    client.get(url(exhibit))
    exhibit.panels.get().events.add(factories.event(title_hu="Utólag kapcsolt esemény"))

    assert "Utólag kapcsolt esemény" in client.get(url(exhibit)).content.decode()


def test_a_kiosk_page_is_kept_and_follows_its_kiosks_settings(client, exhibit):
    kiosk = factories.kiosk(exhibit, slug="terem-9", idle_timeout=60)
    client.get("/kiosk/terem-9/")
    kiosk.idle_timeout = 120
    kiosk.save()

    assert "120" in client.get("/kiosk/terem-9/").content.decode()


def test_the_wsgi_application_answers_kept_pages_before_django():
    from museum.wsgi import application

    assert isinstance(application, KeptPageApplication)
    assert isinstance(application.application, WSGIHandler)


def test_each_address_of_the_site_gets_its_own_links(exhibit, settings):
    settings.ALLOWED_HOSTS = ["muzeum.example", "www.muzeum.example"]
    visit(url(exhibit), host="muzeum.example")

    again = visit(url(exhibit), host="www.muzeum.example")

    assert '<link rel="canonical" href="http://www.muzeum.example/hu/' in again.text

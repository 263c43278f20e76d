"""The API against its own OpenAPI schema (schemathesis): every operation, with inputs generated
from the schema (valid and invalid), on the 1956 exhibit as shipped in fixtures/, in process
through the WSGI application. No answer is a server error; every answer is one the schema
documents, with the status, content type, headers and body it describes."""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.python.wsgi import HOST

from exhibits.models import Event, Exhibit, Figure, GlossaryTerm, Image, Kiosk, Panel, Place, Source
from tests import factories

FIXTURES = sorted(str(path) for path in (Path(settings.BASE_DIR) / "fixtures").glob("*.json"))
# Few examples an operation, the same ones every run: the suite stays fast and never flaky.
EXAMPLES = 20

CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                # A person or a place that is not published: 400 names the parameter (test_views).
                "include-operation-id": "events_list",
                "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}},
            }
        ]
    }
)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The 1956 exhibit, and images on a panel and a portrait, once for the module."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        call_command("loaddata", *FIXTURES, verbosity=0)
        panel = Panel.objects.filter(status="published").first()
        panel.image = factories.image(file=factories.png(size=(400, 300)))
        panel.save()
        figure = Figure.objects.filter(status="published").first()
        figure.portrait = factories.image()
        figure.save()
    yield
    with django_db_blocker.unblock():
        for model in [Kiosk, Panel, Exhibit, GlossaryTerm, Event, Figure, Place, Source, Image]:
            model.objects.all().delete()


@pytest.fixture
def api(loaded, db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    # As Django's test client does: a request's start and end must not close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# The schema is read from the API itself (it needs no database).
with override_settings(ALLOWED_HOSTS=[HOST]):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application(), config=CONFIG)


OPERATIONS = sorted(item["get"]["operationId"] for item in schema.raw_schema["paths"].values())


# Not schemathesis' own pytest parametrization: under pytest 9 its items share one node id, and
# pytest-xdist then runs only one of them.
@pytest.mark.parametrize(
    "mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value
)
@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_the_api_answers_as_its_schema_says(api, operation_id, mode):
    """Valid inputs are answered (or refused as the schema says); invalid ones are refused."""

    @given(case=schema.find_operation_by_id(operation_id).as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def answers(case):
        case.call_and_validate()

    answers()


def call(operation_id, **values):
    return schema.find_operation_by_id(operation_id).Case(**values).call_and_validate()


def test_every_published_object_of_the_1956_exhibit_answers_as_the_schema_says(api):
    """Beyond the generated ids, which seldom hit one: each object the lists show, one by one."""
    ids = {
        kind: [item["id"] for item in call(f"{kind}_list", query={"page_size": 100}).json()["results"]]
        for kind in ["exhibits", "events", "figures", "places", "sources", "glossary", "images"]
    }
    ids["panels"] = [
        panel["id"]
        for exhibit in ids["exhibits"]
        for panel in call("exhibits_retrieve", path_parameters={"id": exhibit}).json()["panels"]
    ]

    for kind, pks in ids.items():
        for pk in pks:
            assert call(f"{kind}_retrieve", path_parameters={"id": pk}).status_code == 200

    assert {kind: len(pks) for kind, pks in ids.items()} == {
        "exhibits": 1,
        "events": Event.objects.published().count(),
        "figures": Figure.objects.published().count(),
        "places": Place.objects.published().count(),
        "sources": Source.objects.filter(is_internal=False).count(),
        "glossary": GlossaryTerm.objects.published().count(),
        "images": 2,
        "panels": Panel.objects.published().count(),
    }

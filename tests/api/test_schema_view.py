"""The OpenAPI schema as a developer downloads it: generated from the code, in English, JSON or YAML."""

import json

import pytest
import yaml

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("get", "/api/v1/exhibits/"),
    ("get", "/api/v1/exhibits/{id}/"),
    ("get", "/api/v1/panels/{id}/"),
    ("get", "/api/v1/events/"),
    ("get", "/api/v1/events/{id}/"),
    ("get", "/api/v1/figures/"),
    ("get", "/api/v1/figures/{id}/"),
    ("get", "/api/v1/places/"),
    ("get", "/api/v1/places/{id}/"),
    ("get", "/api/v1/sources/"),
    ("get", "/api/v1/sources/{id}/"),
    ("get", "/api/v1/glossary/"),
    ("get", "/api/v1/glossary/{id}/"),
    ("get", "/api/v1/images/"),
    ("get", "/api/v1/images/{id}/"),
}


def operations(schema):
    return {(method, path) for path, item in schema["paths"].items() for method in item}


@pytest.mark.parametrize("accept", ["*/*", "application/json", "application/vnd.oai.openapi+json"])
def test_the_schema_is_openapi_3_json_with_every_operation(client, accept):
    response = client.get("/api/v1/schema/", headers={"accept": accept})

    schema = json.loads(response.content)
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert operations(schema) == OPERATIONS


@pytest.mark.parametrize("accept", ["application/yaml", "application/vnd.oai.openapi"])
def test_the_schema_comes_as_yaml_when_asked_for(client, accept):
    response = client.get("/api/v1/schema/", headers={"accept": accept})

    assert operations(yaml.safe_load(response.content)) == OPERATIONS


def test_the_schema_is_in_english_whoever_asks(client):
    schema = json.loads(client.get("/api/v1/schema/", headers={"accept-language": "hu"}).content)

    assert schema["info"]["title"] == "Tárló public API"
    category = next(
        p for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"] if p["name"] == "category"
    )
    assert category["description"] == "Events of this category."


def test_every_operation_documents_its_errors_and_its_etag(client):
    schema = json.loads(client.get("/api/v1/schema/").content)

    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304", "400", "404", "406"} <= set(responses), path
        assert "ETag" in responses["200"]["headers"], path


def test_a_language_map_has_a_key_for_every_language(client):
    schema = json.loads(client.get("/api/v1/schema/").content)

    language_map = schema["components"]["schemas"]["LanguageMap"]
    assert set(language_map["properties"]) == set(language_map["required"]) == {"hu", "en"}

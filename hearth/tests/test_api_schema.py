"""The API's schema is a valid OpenAPI document, so the docs page and any client generator can
read it."""

import json
from collections import Counter

from ninja import Schema
from openapi_spec_validator import validate

import hearth.api  # noqa: F401 - every router, so every schema class is defined


def unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """OpenAPI asks for unique names in every object; plain json.loads would keep the last."""
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"a key appears twice among {keys}"
    return dict(pairs)


def served_schema(client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content, object_pairs_hook=unique_keys)


def test_the_served_schema_follows_the_openapi_specification(client):
    schema = served_schema(client)
    assert schema["openapi"].startswith("3.")
    validate(schema)  # raises with the first broken path and rule


def test_the_export_is_documented_as_one_zip_download(client):
    responses = served_schema(client)["paths"]["/api/me/export"]["get"]["responses"]
    assert list(responses["200"]["content"]) == ["application/zip"]
    assert responses["200"]["content"]["application/zip"]["schema"]["format"] == "binary"


def test_no_two_api_schemas_share_a_name():
    """The schema names its components by class name, so a second class of the same name
    would silently describe the other's responses."""

    def every_subclass(cls: type) -> set[type]:
        found: set[type] = set(cls.__subclasses__())
        return found.union(*(every_subclass(sub) for sub in found))

    ours = [c for c in every_subclass(Schema) if c.__module__.startswith("hearth.")]
    named = Counter(c.__name__ for c in ours)
    assert [name for name, count in named.items() if count > 1] == []

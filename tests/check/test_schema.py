"""The schema itself: valid against the 2020-12 metaschema, described
everywhere (the descriptions feed editor tooltips and the format reference),
closed against typos, and with format checks that really run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.resources import SCHEMA_FILES, format_version, plan_schema, resolve_ref

VERSIONS = sorted(SCHEMA_FILES)


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{path}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{path}[{index}]")


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _objects(value)


@pytest.mark.parametrize("version", VERSIONS)
def test_schema_is_valid_2020_12(version: str) -> None:
    schema = plan_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_property_has_a_description(version: str) -> None:
    schema = plan_schema(version)
    missing = [
        path
        for path, prop in _properties(schema)
        if not resolve_ref(schema, prop).get("description")
    ]
    assert missing == []


@pytest.mark.parametrize("version", VERSIONS)
def test_every_object_is_closed_against_typos(version: str) -> None:
    open_objects = [
        o.get("description")
        for o in _objects(plan_schema(version))
        if o.get("additionalProperties") is not False
    ]
    assert open_objects == []


@pytest.mark.parametrize(
    ("format_name", "bad"),
    [("uri", "https://[broken"), ("date", "2026-02-30"), ("email", "not an email")],
)
def test_format_checks_really_run(format_name: str, bad: str) -> None:
    checker = Draft202012Validator.FORMAT_CHECKER
    assert format_name in checker.checkers
    assert not checker.conforms(bad, format_name)


def _documents() -> list[tuple[str, object, str]]:
    from generator.load.discover import is_translation
    from generator.load.yaml_source import load_file
    from tests.conftest import PLANS, REPO

    found = []
    for path in sorted([*(REPO / "tests/check").rglob("*.yaml"), *PLANS.rglob("*.yaml")]):
        if path.name.endswith("expected.yaml"):
            continue
        document, _ = load_file(path)
        if document is not None and isinstance(document.data, dict):
            kind = (
                "translation" if is_translation(path) else f"plan-{format_version(document.data)}"
            )
            found.append((path.name, document.data, kind))
    return found


def test_the_fast_gate_agrees_with_jsonschema_on_every_example_file() -> None:
    """The compiled validator decides whether jsonschema runs at all: on every
    example file it must give the same verdict."""
    from generator.check.schema import _gate, _validator

    documents = _documents()
    assert len(documents) > 50
    for name, data, kind in documents:
        if kind.startswith("plan-"):  # and against the current format's schema too
            current = {**data, "schema_version": "2.0"}
            assert _gate("plan-2.0").is_valid(current) == (
                not any(True for _ in _validator("plan-2.0").iter_errors(current))
            ), name
        slow = not any(True for _ in _validator(kind).iter_errors(data))
        assert _gate(kind).is_valid(data) == slow, name

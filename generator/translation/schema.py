"""The translation format, derived from the plan schema so the two can never
drift apart: every free-text field of the plan (a string without an enum, a
format or a pattern) is translatable; lists of records become maps keyed by
the records' ids (or, for results and findings, by their period); lists of
text stay lists of the same length; fields marked `"x-translate": false` (names
of people, addresses) and everything else are left out."""

from __future__ import annotations

from functools import cache
from typing import Any

from generator.resources import plan_schema, resolve_ref

ID_KEY = {"type": "string", "pattern": plan_schema()["$defs"]["id"]["pattern"]}
PERIOD_KEY = {"type": "string", "pattern": plan_schema()["$defs"]["period"]["pattern"]}
HEADER = {
    "schema_version": {
        "description": 'Version of the plan format, as in the plan: "2.0" or "1.0".',
        "enum": plan_schema()["properties"]["schema_version"]["enum"],
    },
    "language": {
        "description": 'The language of this translation, as a BCP 47 tag such as "es". '
        "It must match the file name: 2026.es.yaml holds language es.",
        "$ref": "#/$defs/language_tag",
    },
    "reviewed": {
        "description": "When a person who reads the language last checked this translation "
        "(YYYY-MM-DD).",
        "type": "string",
        "format": "date",
    },
}


def _is_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and not {"enum", "format", "pattern", "const"} & set(
        schema
    )


def _translated(node: dict[str, Any]) -> dict[str, Any] | None:
    """The translation schema for one plan-schema node, or None if it holds no text."""
    schema = plan_schema()
    if node.get("x-translate") is False:
        return None
    node = resolve_ref(schema, node)
    description = node.get("description", "")
    if "anyOf" in node:
        return _translated_choice(node, description)
    if _is_text(node):
        return {
            "description": description,
            "type": "string",
            "minLength": 1,
            "maxLength": node.get("maxLength", 4000),
        }
    if node.get("type") == "array":
        return _translated_array(node, description)
    if node.get("type") == "object" and "properties" in node:
        properties = {}
        for name, child in node["properties"].items():
            translated = _translated(child)
            if translated is not None:
                properties[name] = translated
        if not properties:
            return None
        return {
            "description": description,
            "type": "object",
            "additionalProperties": False,
            "properties": properties,
        }
    return None


def _translated_choice(node: dict[str, Any], description: str) -> dict[str, Any] | None:
    """A value of several forms (one record, or a list of them): the
    translation of each form that holds text."""
    forms = [found for branch in node["anyOf"] if (found := _translated(branch)) is not None]
    if not forms:
        return None
    return forms[0] if len(forms) == 1 else {"description": description, "anyOf": forms}


def _translated_array(node: dict[str, Any], description: str) -> dict[str, Any] | None:
    schema = plan_schema()
    items = resolve_ref(schema, node.get("items", {}))
    if _is_text(items):
        return {
            "description": description + " Translate every item, in the same order.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
        }
    record = _translated(items)
    if record is None:
        return None
    properties = items.get("properties", {})
    key = ID_KEY if "id" in properties else PERIOD_KEY if "period" in properties else None
    if key is None:
        return None
    by = "id" if key is ID_KEY else "period"
    return {
        "description": f"{description} Keyed by each record's {by}.",
        "type": "object",
        "propertyNames": key,
        "additionalProperties": record,
    }


@cache
def translation_schema() -> dict[str, Any]:
    """The JSON Schema of translation files, derived from the plan schema."""
    plan = plan_schema()
    body = _translated(plan)
    assert body is not None
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": plan["$id"].replace("plan.schema.json", "translation.schema.json"),
        "title": "Translation of a customer service plan",
        "description": "The text of a plan in another language, keyed by the plan's ids. "
        "Numbers, dates, ids and links come from the plan itself and cannot be "
        "changed here. Generated from plan.schema.json: do not edit by hand.",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "language"],
        "properties": {**HEADER, **body["properties"]},
        "$defs": {"language_tag": plan["$defs"]["language_tag"]},
    }

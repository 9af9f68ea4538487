"""The translatable text of a plan, in the shape of a translation file, and
the merge of a translation over its plan."""

from __future__ import annotations

import copy
from typing import Any

from generator.translation.schema import translation_schema

SECTIONS_KEYED_BY = ("id", "period")


def record_key(record: Any) -> str | None:
    """A record's key in a translation: its id, or its period (results, findings)."""
    if not isinstance(record, dict):
        return None
    for key in SECTIONS_KEYED_BY:
        if isinstance(record.get(key), str):
            return record[key]
    return None


def text_view(data: Any, node: dict[str, Any] | None = None) -> Any:
    """The plan's translatable text, shaped like a translation file: records
    keyed by id or period, lists of text as lists, other values left out."""
    node = node if node is not None else translation_schema()
    if "anyOf" in node:
        node = form_for(data, node)
    kind = node.get("type")
    if kind == "string":
        return data if isinstance(data, str) else None
    if kind == "array":
        return [item for item in data if isinstance(item, str)] if isinstance(data, list) else None
    if kind == "object" and "properties" in node:
        if not isinstance(data, dict):
            return None
        view = {}
        for name, child in node["properties"].items():
            if name in data and name not in ("schema_version", "language", "reviewed"):
                value = text_view(data[name], child)
                if value not in (None, {}, []):
                    view[name] = value
        return view
    if kind == "object":  # a list of records, keyed
        if not isinstance(data, list):
            return None
        keyed = {}
        for record in data:
            key = record_key(record)
            value = text_view(record, node["additionalProperties"]) if key else None
            if key and value:
                keyed[key] = value
        return keyed
    return None


def form_for(data: Any, node: dict[str, Any]) -> dict[str, Any]:
    """Of the forms a translated value may take (`anyOf`), the one for the
    plan's value: records keyed by id for a list, fields for one record."""
    keyed = isinstance(data, list)
    for form in node["anyOf"]:
        if ("propertyNames" in form) == keyed:
            return form
    return node["anyOf"][0]


def _forms(node: Any) -> list[Any]:
    return list(node["anyOf"]) if isinstance(node, dict) and "anyOf" in node else [node]


def merge(plan: dict[str, Any], translation: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The plan with its text replaced by the translation's, and whether every
    translatable text was translated. Numbers, dates, ids and links are always
    the plan's own."""
    merged = copy.deepcopy(plan)
    _overlay(merged, translation)
    complete = _covers(text_view(plan), translation)
    merged["language"] = translation.get("language", merged.get("language", "en"))
    return merged, complete


def _overlay(target: Any, text: Any) -> None:
    if isinstance(target, dict) and isinstance(text, dict):
        for key, value in text.items():
            if key in ("schema_version", "language", "reviewed") or key not in target:
                continue
            if isinstance(value, str) and isinstance(target[key], str):
                target[key] = value
            elif isinstance(target[key], list) and isinstance(value, dict):
                for record in target[key]:
                    own = record_key(record)
                    if own in value:
                        _overlay(record, value[own])
            elif isinstance(target[key], list) and isinstance(value, list):
                if len(value) == len(target[key]):
                    target[key] = list(value)
            else:
                _overlay(target[key], value)


def _covers(view: Any, text: Any) -> bool:
    if isinstance(view, dict):
        return isinstance(text, dict) and all(
            key in text and _covers(value, text[key]) for key, value in view.items()
        )
    if isinstance(view, list):
        return isinstance(text, list) and len(text) == len(view)
    return isinstance(text, str)


def missing(view: Any, text: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths (in the translation's shape) of plan text the translation lacks."""
    if isinstance(view, dict):
        if not isinstance(text, dict):
            return [path]
        found: list[tuple[str, ...]] = []
        for key, value in view.items():
            found.extend(missing(value, text.get(key), (*path, key)))
        return found
    if isinstance(view, list):
        return [] if isinstance(text, list) else [path]
    return [] if isinstance(text, str) else [path]


def unknown(view: Any, text: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths of translated text with nothing to translate in the plan."""
    if not isinstance(text, dict):
        return []
    found: list[tuple[str, ...]] = []
    for key, value in text.items():
        if not path and key in ("schema_version", "language", "reviewed"):
            continue
        if not isinstance(view, dict) or key not in view:
            found.append((*path, key))
        else:
            found.extend(unknown(view[key], value, (*path, key)))
    return found


def readable(path: tuple[str, ...]) -> str:
    """A translation path named like the plan's: `standards[call-wait].promise`."""
    node: Any = translation_schema()
    out: list[str] = []
    for part in path:
        forms = _forms(node)
        keyed = next((form for form in forms if "propertyNames" in form), None)
        named = next((f for f in forms if part in f.get("properties", {})), None)
        if keyed is not None and named is None:
            out.append(f"[{part}]")
            node = keyed.get("additionalProperties")
        else:
            out.append(f".{part}" if out else part)
            node = named["properties"][part] if named is not None else None
    return "".join(out)


def allowed_by_schema(path: tuple[str, ...]) -> bool:
    """Whether the translation schema accepts a key at `path` (so a problem
    with it is about the plan, not about the format)."""
    node: Any = translation_schema()
    for part in path:
        if not isinstance(node, dict):
            return False
        forms = _forms(node)
        named = next((f for f in forms if part in f.get("properties", {})), None)
        keyed = next((form for form in forms if "propertyNames" in form), None)
        if named is not None:
            node = named["properties"][part]
        elif keyed is not None:
            node = keyed.get("additionalProperties")
        else:
            return False
    return True

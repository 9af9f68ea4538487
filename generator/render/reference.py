"""The format reference, read from the plan schema: one table per kind of
record, one row per field, with the schema's own `description`s. Nothing is
copied by hand, so the reference cannot drift from the format."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from generator.resources import resolve_ref

Schema = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FieldKind:
    """What a field holds: a record (`record` names its section), a list of
    them, allowed values, or a plain value kind such as `date`."""

    record: str | None = None
    many: bool = False
    values: tuple[str, ...] = ()
    simple: str | None = None


@dataclass(frozen=True, slots=True)
class FieldDoc:
    name: str
    required: bool
    kind: FieldKind
    description: str


@dataclass(frozen=True, slots=True)
class RecordDoc:
    name: str
    description: str
    fields: tuple[FieldDoc, ...]
    used_in: tuple[str, ...]


# Value kinds defined once in the schema, shown by name ("date", "web address").
SIMPLE_DEFS = (
    "id",
    "name",
    "text",
    "date",
    "url",
    "email",
    "phone",
    "language_tag",
    "period",
    "percent",
    "change_reason",
)
ROOT = "plan"


def schema_records(schema: Schema) -> list[RecordDoc]:
    """Every kind of record in the format, the plan file first, then in the
    order a reader meets them."""
    records: dict[str, RecordDoc] = {}
    used_in: dict[str, list[str]] = {ROOT: []}
    queue: deque[tuple[str, Schema]] = deque([(ROOT, schema)])
    while queue:
        name, node = queue.popleft()
        if name in records:
            continue
        fields = []
        required = set(node.get("required", ()))
        for key, prop in node.get("properties", {}).items():
            kind, nested = _kind(schema, name, key, prop)
            fields.append(FieldDoc(key, key in required, kind, _description(schema, prop)))
            for child_name, child in nested:
                used_in.setdefault(child_name, []).append(f"{name}.{key}")
                queue.append((child_name, child))
        records[name] = RecordDoc(name, node.get("description", ""), tuple(fields), ())
    return [
        RecordDoc(r.name, r.description, r.fields, tuple(dict.fromkeys(used_in.get(r.name, ()))))
        for r in records.values()
    ]


def _description(schema: Schema, prop: Schema) -> str:
    return str(resolve_ref(schema, prop).get("description", ""))


def _kind(
    schema: Schema, parent: str, key: str, prop: Schema
) -> tuple[FieldKind, list[tuple[str, Schema]]]:
    resolved = resolve_ref(schema, prop)
    if resolved.get("type") == "array" and "items" in resolved:
        item_kind, nested = _kind(schema, parent, key, resolved["items"])
        return FieldKind(item_kind.record, True, item_kind.values, item_kind.simple), nested
    if "properties" in resolved:
        name = _def_name(prop) or f"{parent}.{key}"
        return FieldKind(record=name), [(name, resolved)]
    if "enum" in resolved:
        return FieldKind(values=tuple(str(v) for v in resolved["enum"])), []
    ref = _def_name(prop)
    if ref in SIMPLE_DEFS:
        return FieldKind(simple=ref), []
    return FieldKind(simple=str(resolved.get("type", "value"))), []


def _def_name(prop: Schema) -> str | None:
    """`channel` for #/$defs/channel, `result.revised` for
    #/$defs/result/properties/revised; None for anything else."""
    ref = prop.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return None
    return ref.removeprefix("#/$defs/").replace("/properties/", ".")


def record_anchor(name: str) -> str:
    return "record-" + name.replace("_", "-").replace(".", "-")

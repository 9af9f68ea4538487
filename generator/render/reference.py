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
    them, allowed values, or a plain value kind such as `date`; a field of
    two forms has both a `simple` kind and a `record` (a period, or its
    dates)."""

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
    "loose_date",
    "number_or_range",
    "percent_or_range",
    "source_ref",
    "fax",
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
    ref = _def_name(prop)
    if "anyOf" in resolved and ref not in SIMPLE_DEFS:
        return _choice(schema, parent, key, resolved["anyOf"])
    if resolved.get("type") == "array" and "items" in resolved:
        item_kind, nested = _kind(schema, parent, key, resolved["items"])
        return FieldKind(item_kind.record, True, item_kind.values, item_kind.simple), nested
    if "properties" in resolved:
        name = _def_name(prop) or f"{parent}.{key}"
        return FieldKind(record=name), [(name, resolved)]
    if "enum" in resolved:
        return FieldKind(values=tuple(str(v) for v in resolved["enum"])), []
    if ref in SIMPLE_DEFS:
        return FieldKind(simple=ref), []
    return FieldKind(simple=str(resolved.get("type", "value"))), []


def _choice(
    schema: Schema, parent: str, key: str, forms: list[Schema]
) -> tuple[FieldKind, list[tuple[str, Schema]]]:
    """A field of several forms: a plain value, a record, or a list of records."""
    simple, record, many = None, None, False
    nested: list[tuple[str, Schema]] = []
    for form in forms:
        kind, found = _kind(schema, parent, key, form)
        nested += found
        simple = simple or kind.simple
        if kind.record:
            record, many = record or kind.record, many or kind.many
    return FieldKind(record=record, many=many, simple=simple), nested


def _def_name(prop: Schema) -> str | None:
    """`channel` for #/$defs/channel, `result.revised` for
    #/$defs/result/properties/revised; None for anything else."""
    ref = prop.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return None
    return ref.removeprefix("#/$defs/").replace("/properties/", ".")


def record_anchor(name: str) -> str:
    return "record-" + name.replace("_", "-").replace(".", "-")

"""The format's vocabularies (levels, service categories, channel types...),
read from the schema in the order it lists them, so that pages list them in
one agreed order and a new value needs no change here."""

from __future__ import annotations

from generator.resources import plan_schema


def enum_values(definition: str, field: str) -> tuple[str, ...]:
    """The allowed values of `field` in the schema's $defs/`definition`."""
    node = plan_schema()["$defs"][definition]["properties"][field]
    return tuple(node["enum"])


def levels() -> tuple[str, ...]:
    return enum_values("agency", "level")


def categories() -> tuple[str, ...]:
    return enum_values("service", "category")

"""A small language for requirement checks, kept as data in the framework
files so that adding a framework never needs code.

A check is one of:

    {count: PATH, where: {FIELD: CONDITION, ...}, at_least: N}
        at least N items (default 1) of the list at PATH satisfy `where`;
    {every: PATH, where: {...}, at_least: N}
        at least N items exist (default 1) and every one satisfies `where`;
    {present: PATH}
        the value at PATH exists and is not empty;
    {distinct: PATH, at_least: N}
        the values at PATH (through lists) take at least N distinct values;
    {all_of: [CHECK, ...]} / {any_of: [CHECK, ...]}.

PATH is dotted and walks through lists: `initiatives.milestones` is every
milestone of every initiative. A CONDITION is a plain value (equality),
{in: [...]}, {contains: [...]} (a list holding all of them), {present: BOOL}
or {min_items: N}.
"""

from __future__ import annotations

from typing import Any

CHECK_KINDS = ("count", "every", "present", "distinct", "all_of", "any_of")
CONDITION_KINDS = ("in", "contains", "present", "min_items")


def values_at(data: Any, path: str) -> list[Any]:
    """Every value at a dotted path, flattening lists on the way."""
    current: list[Any] = [data]
    for part in path.split("."):
        following: list[Any] = []
        for value in current:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and part in item:
                    following.append(item[part])
        current = following
    flattened: list[Any] = []
    for value in current:
        flattened.extend(value if isinstance(value, list) else [value])
    return flattened


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def condition_holds(value: Any, condition: Any) -> bool:
    """Whether one field's value meets a CONDITION."""
    if not isinstance(condition, dict):
        return value == condition
    if "in" in condition:
        return value in condition["in"]
    if "contains" in condition:
        return isinstance(value, list) and all(item in value for item in condition["contains"])
    if "present" in condition:
        return _filled(value) is bool(condition["present"])
    if "min_items" in condition:
        return isinstance(value, list) and len(value) >= condition["min_items"]
    raise ValueError(f"unknown condition {condition!r}")


def _matches(item: Any, where: dict[str, Any]) -> bool:
    for field, condition in where.items():
        found = values_at(item, field) if "." in field else None
        if found is not None:
            value: Any = found if len(found) != 1 else found[0]
        else:
            value = item.get(field) if isinstance(item, dict) else None
        if not condition_holds(value, condition):
            return False
    return True


def check_holds(data: Any, check: dict[str, Any]) -> bool:
    """Evaluate one CHECK over a plan's data."""
    at_least = check.get("at_least", 1)
    where = check.get("where", {})
    if "count" in check:
        items = values_at(data, check["count"])
        return sum(1 for item in items if _matches(item, where)) >= at_least
    if "every" in check:
        items = values_at(data, check["every"])
        return len(items) >= at_least and all(_matches(item, where) for item in items)
    if "present" in check:
        return any(_filled(value) for value in values_at(data, check["present"]))
    if "distinct" in check:
        found = {repr(value) for value in values_at(data, check["distinct"])}
        return len(found) >= at_least
    if "all_of" in check:
        return all(check_holds(data, part) for part in check["all_of"])
    if "any_of" in check:
        return any(check_holds(data, part) for part in check["any_of"])
    raise ValueError(f"unknown check {check!r}")

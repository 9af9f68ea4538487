"""Read plan data defensively: the plans compared may be invalid, so every
access tolerates a missing field or a value of the wrong type."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


def field(data: Any, *keys: str) -> Any:
    """`data[k1][k2]...`, or None as soon as a level is missing."""
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def by_key(items: Any, key: str) -> dict[str, dict[str, Any]]:
    """Records of a list keyed by their `key` field (`id`, `period`), in file
    order. A record without that key, or a repeat of one, is left out: the
    validator reports those."""
    found: dict[str, dict[str, Any]] = {}
    if not isinstance(items, list):
        return found
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get(key), str):
            found.setdefault(item[key], dict(item))
    return found


def matched(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, dict[str, Any] | None, dict[str, Any] | None]]:
    """(key, old record, new record) for every key in either, old order first
    then the keys only the new version has."""
    for key in [*old, *(k for k in new if k not in old)]:
        yield key, old.get(key), new.get(key)


def ids(value: Any) -> list[str]:
    """A list of ids, ignoring anything that is not one."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []

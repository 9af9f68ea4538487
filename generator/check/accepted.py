"""The plan as the rules see it: only the values the schema accepted.

The rules about meaning also run on a plan that failed the schema, so that
one run reports every problem. They must not meet a value of a type or form
the schema refused (a list where one id goes, a frequency misspelt), or each
rule would need to guard its every read. So the rules read a copy of the
plan in which each rejected value is None, as a field left empty reads: the
field is still there (a rule that asks whether a channel gives a phone
number does not say it gives none when it gives a wrong one), list items
keep their positions, and the rules' findings point into the plan itself."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.load.locate import DataPath, PathPart


def accepted(data: Any, rejected: Iterable[DataPath]) -> Any:
    """`data` with None for each value at a `rejected` path (and so for what
    is inside it); None when the whole of it is rejected. `data` itself is
    not changed: what is copied is only the way down to each rejected value."""
    tree: dict[PathPart, Any] = {}
    for path in rejected:
        if not path:
            return None
        node = tree
        for part in path[:-1]:
            child = node.setdefault(part, {})
            if child is None:  # an enclosing value is rejected already
                break
            node = child
        else:
            node[path[-1]] = None
    return _replaced(data, tree) if tree else data


def _replaced(value: Any, tree: dict[PathPart, Any]) -> Any:
    """A copy of `value` with None where `tree` holds None, looking inside
    where it holds a dict. Parts not marked are shared, not copied."""
    if isinstance(value, dict):
        out = dict(value)
        keys = tree.keys() & out.keys()
    elif isinstance(value, list):
        out = list(value)
        keys = {key for key in tree if isinstance(key, int) and 0 <= key < len(out)}
    else:
        return value
    for key in keys:
        inside = tree[key]
        out[key] = None if inside is None else _replaced(out[key], inside)
    return out

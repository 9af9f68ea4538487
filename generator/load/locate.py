"""Find where a value sits in its file, and name it the way people do.

Checks speak of data paths such as ("standards", 3, "target", "value"). This
module turns them into a line and column (looked up in the node tree only when a
problem is reported, so valid plans pay nothing) and into a readable path that
names records by their id: `standards[call-wait].target.value`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PathPart = str | int
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DataPath = Sequence[PathPart]


def readable_path(data: Any, path: DataPath) -> str:
    """`("standards", 3, "target")` -> `standards[call-wait].target`, using each
    record's `id` (or a result's `period`) where it has one and its position
    (from 1) where it has not. The empty path, the file as a whole, is ""."""
    out: list[str] = []
    current = data
    for part in path:
        if isinstance(part, int):
            record = current[part] if isinstance(current, list) and part < len(current) else None
            ident = _record_name(record)
            if ident:
                out.append(f"[{ident}]")
            else:
                out.append(f"[{part + 1}]")
            current = record
        else:
            out.append(f".{part}" if out else str(part))
            current = current.get(part) if isinstance(current, dict) else None
    return "".join(out)


def _record_name(record: Any) -> str | None:
    """A record's id, for results and findings their period, and for ids in a
    list of references the id itself."""
    if isinstance(record, str) and _SLUG.match(record):
        return record
    if not isinstance(record, dict):
        return None
    for key in ("id", "period"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def locate(root: Node | None, path: DataPath, *, key: bool = False) -> tuple[int, int]:
    """Line and column (from 1) of the value at `path`; of its key instead when
    `key` is true. Falls back to the nearest enclosing value that exists."""
    if root is None:
        return 1, 1
    node: Node = root
    key_node: Node | None = None
    for part in path:
        child, child_key = _child(node, part)
        if child is None:
            break
        node, key_node = child, child_key
    else:
        if key and key_node is not None:
            return _mark(key_node)
        return _mark(node)
    return _mark(key_node if key_node is not None else node)


def _child(node: Node, part: PathPart) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return value_node, key_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], None
    return None, None


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1

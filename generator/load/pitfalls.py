"""Values YAML reads otherwise than their author meant, without an error:
warned about, with the line as it should be written.

* ` #` starts a comment, even in the middle of a plain value:
  `address: 10 Main Street #4, Pineville` is read as `10 Main Street`.
* Curly quotes from a word processor are text to YAML, not quotes:
  `name: “DMV Help Line”` keeps them in the name.
* A line starting with `- ` under a plain value continues the value:
  `name: City` followed by `    - Hall` is read as `City - Hall`.

Only plain (unquoted) values can fall into these, so the node tree is walked
only when the text holds a sign of one of them; most plans pay nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load.quoting import fix_line

PathPart = str | int

# A ` #` (a comment after a value when the line holds something before it).
_SPACE_HASH = re.compile(r"[ \t]#")
# Quotation marks that word processors put in place of " and '.
# Double and single ones, left and right, and the low ones that open a quote
# in some languages.
CURLY_OPENING = "\u201c\u201d\u201e\u2018\u2019\u201a"
CURLY_CLOSING = "\u201d\u201c\u2019\u2018"
_CURLY = frozenset(CURLY_OPENING + CURLY_CLOSING)
_ITEM_LINE = re.compile(r"^[ \t]*- ")
_ITEM_START = re.compile(r"\n( *)- ")


@dataclass(frozen=True, slots=True)
class Pitfall:
    """A warning about one value. `path` is its data path; line and column
    (from 1) point at what YAML read otherwise."""

    path: tuple[PathPart, ...]
    line: int
    column: int
    message: str
    hint: str
    rule: str


def find_pitfalls(text: str, root: Node | None) -> list[Pitfall]:
    """The pitfalls in a parsed file, in the order of its values."""
    if root is None:
        return []
    comment_lines = _comment_lines(text)
    curly = any(mark in text for mark in _CURLY)
    items = _item_under_text(text)
    if not (comment_lines or curly or items):
        return []
    lines = text.split("\n")
    found: list[Pitfall] = []
    for path, key, node in _plain_values(root, (), None):
        if node.end_mark.line in comment_lines:
            found.extend(_comment(path, key, node, lines))
        if curly:
            found.extend(_curly(path, key, node))
        if items and node.end_mark.line > node.start_mark.line:
            found.extend(_continued(path, node, lines))
    return found


def _comment_lines(text: str) -> set[int]:
    """The lines (from 0) where a ` #` follows something else on the line."""
    found = set()
    for match in _SPACE_HASH.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if text[start : match.start()].strip():
            found.add(text.count("\n", 0, start))
    return found


def _item_under_text(text: str) -> bool:
    """Whether a line starting with `- ` is indented under a line that does
    not end with a colon: the sign of a list item read as more of a value."""
    for match in _ITEM_START.finditer(text):
        above = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        deeper = len(above) - len(above.lstrip(" ")) < len(match.group(1))
        if deeper and above.strip() and not above.rstrip().endswith(":"):
            return True
    return False


def _plain_values(
    node: Node, path: tuple[PathPart, ...], key: str | None
) -> Iterator[tuple[tuple[PathPart, ...], str | None, ScalarNode]]:
    """(data path, its key, node) of every plain scalar value, keys left out."""
    if isinstance(node, ScalarNode):
        if not node.style and node.value:  # libyaml gives "" for plain, PyYAML None
            yield path, key, node
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _plain_values(item, (*path, index), None)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            name = str(key_node.value)
            yield from _plain_values(value_node, (*path, name), name)


def _comment(
    path: tuple[PathPart, ...], key: str | None, node: ScalarNode, lines: list[str]
) -> Iterator[Pitfall]:
    line = lines[node.end_mark.line]
    after = line[node.end_mark.column :]
    if not after.lstrip(" \t").startswith("#"):
        return
    hash_at = node.end_mark.column + len(after) - len(after.lstrip(" \t"))
    dropped = line[hash_at:].rstrip()
    meant = node.value + line[node.end_mark.column :].rstrip()
    if node.tag == "tag:yaml.org,2002:str":
        hint = (
            f"If it belongs to the value, put the whole value in quotes: {fix_line(key, meant)}. "
            "If it is a note, put it on a line of its own."
        )
    else:
        hint = "If it is a note, put it on a line of its own, above this one."
    yield Pitfall(
        path,
        node.end_mark.line + 1,
        hash_at + 1,
        f"`{dropped}` is read as a comment and left out of the value, because ` #` starts a "
        f"comment in YAML: the value is `{node.value}`.",
        hint,
        "comments",
    )


def curly_quoted(value: str) -> bool:
    """Whether `value` is wrapped in a pair of curly quotation marks."""
    return len(value) > 1 and value[0] in CURLY_OPENING and value[-1] in CURLY_CLOSING


def straight_quoted_fix(key: str | None, value: str) -> str:
    """The line with straight quotes in place of the curly ones around `value`."""
    return fix_line(key, value[1:-1])


def _curly(path: tuple[PathPart, ...], key: str | None, node: ScalarNode) -> Iterator[Pitfall]:
    if not curly_quoted(node.value):
        return
    marks = f"{node.value[0]} {node.value[-1]}"
    yield Pitfall(
        path,
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        f"The curly quotes ({marks}) around `{node.value[1:-1]}` are kept as part of the "
        "text: YAML only removes straight quotes.",
        f"Use straight quotes: {straight_quoted_fix(key, node.value)}",
        "curly-quotes",
    )


def _item_line(node: ScalarNode, lines: list[str]) -> int | None:
    """The first line after the value's first that starts with `- `."""
    for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
        if _ITEM_LINE.match(lines[number]):
            return number
    return None


def _continued(path: tuple[PathPart, ...], node: ScalarNode, lines: list[str]) -> Iterator[Pitfall]:
    number = _item_line(node, lines)
    if number is None:
        return
    line = lines[number]
    item = line.strip()
    if path and isinstance(path[-1], int):
        hint = f"Start `{item}` in the same column as the items above it."
    else:
        hint = (
            f"For a list, end the `{path[-1]}:` line at its colon and start each item on a "
            "line of its own with '- '; for text, remove the '- '."
        )
    yield Pitfall(
        path,
        number + 1,
        len(line) - len(line.lstrip()) + 1,
        f"`{item}` is read as more of the text above, not as a list item: the value "
        f"is `{node.value}`.",
        hint,
        "continued-text",
    )

"""A line of a YAML file cut into its parts (indentation, list dashes, key,
value), read from the text around a syntax error, and the line as a fix
proposes to write it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.load.quoting import fix_line, quoted

# The start of a line: its indentation, any list dashes, and a key if it has
# one (a word followed by a colon and a space, or by the end of the line).
_START = re.compile(r"(?P<indent> *)(?P<item>(?:-(?: +|$))*)(?:(?P<key>[A-Za-z_][\w-]*):(?: +|$))?")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the file, cut into its parts. Indexes count from 0; `indent`
    is the column of the key, after any list dashes."""

    number: int
    text: str
    indent: int
    item: bool
    key: str | None
    key_at: int
    value_at: int

    @property
    def value(self) -> str:
        return self.text[self.value_at :].rstrip()

    @property
    def blank(self) -> bool:
        stripped = self.text.strip()
        return not stripped or stripped.startswith("#")


def line_at(lines: list[str], number: int) -> Line:
    """Line `number` (from 0) of `lines`; an empty one past the end."""
    text = lines[number] if 0 <= number < len(lines) else ""
    match = _START.match(text)
    assert match is not None  # every part of the pattern is optional
    key_at = match.start("key") if match.group("key") else match.end()
    return Line(
        number,
        text,
        len(match.group("indent")) + len(match.group("item")),
        bool(match.group("item")),
        match.group("key"),
        key_at,
        match.end(),
    )


def previous_line(lines: list[str], number: int) -> Line | None:
    """The nearest line above `number` that holds something."""
    for above in range(number - 1, -1, -1):
        line = line_at(lines, above)
        if not line.blank:
            return line
    return None


def quoted_on_line(text: str, number: int, value: str) -> str:
    """The line `number` (from 0) of `text` as it should be written, with
    `value` in quotes after its key or dash."""
    return proposal(None, value, line_at(text.split("\n"), number))


def proposal(key: str | None, text: str, line: Line) -> str:
    """The fixed line, as the author would write it: with the line's own key
    when `key` is None and the value is the line's."""
    key = key if key is not None else line.key
    if key is None and not line.item:
        return quoted(text)
    return fix_line(key, text)

"""How to write a value in quotes, for the fixes that messages propose: the
text the author meant, as a YAML scalar that reads back as exactly that text."""

from __future__ import annotations


def quoted(text: str) -> str:
    """`text` between double quotes, or single quotes when it holds double
    quotes (so that the fix needs no backslashes), doubling any apostrophe."""
    if '"' in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\") + '"'


def fix_line(key: str | None, text: str) -> str:
    """The line a fix proposes: `key: "text"`, or `- "text"` for a list item."""
    return f"{key}: {quoted(text)}" if key is not None else f"- {quoted(text)}"

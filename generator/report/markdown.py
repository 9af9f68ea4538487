"""Plan text made safe for GitHub-flavoured Markdown. Plans come from pull
requests, so no plan string may add markup, HTML, links or table columns to a
summary: every one goes through `text` or `code` here."""

from __future__ import annotations

import re

from generator.report.text import plain

# Characters that start Markdown markup inside a line, backslash-escaped. Text
# never starts a line here, so block markers (#, +, -) need no escape, and a
# link or an image cannot form once its brackets are escaped.
_MARKUP = re.compile(r"([\\`*_\[\]|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def text(value: str) -> str:
    """Plain text for a paragraph or a table cell: markup escaped, HTML
    neutralised, line breaks folded into spaces, control characters shown
    as escapes."""
    one_line = plain(" ".join(value.split()))
    escaped = _MARKUP.sub(r"\\\1", one_line)
    return "".join(_HTML.get(ch, ch) for ch in escaped)


def code(value: str) -> str:
    """A code span that shows `value` literally, even if it holds backticks.
    Pipes are escaped because GitHub splits table cells before code spans."""
    one_line = plain(" ".join(value.split())).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", one_line)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if one_line.startswith("`") or one_line.endswith("`") else ""
    return f"{fence}{padding}{one_line}{padding}{fence}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Lines of a Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return lines

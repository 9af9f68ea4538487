"""YAML syntax errors explained in plain words, with the fix.

libyaml names what its parser met ("did not find expected key"), at the point
where it gave up, which is often not where the author went wrong: text after
a closing quote reads as bad indentation, a missing space after a colon
shows up on the next line. Each explanation here looks at the lines around
that point to name the cause and propose the line as it should be."""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from generator.load.lines import Line, line_at, previous_line, proposal

Explanation = tuple[int, int, str, str]  # line, column (from 1), message, hint

_TAB = (
    "A tab character is used where YAML needs spaces.",
    "Indent with spaces only (two per level). Many editors can turn tabs into spaces.",
)

# Raw problems without a finer explanation below: (words in libyaml's
# problem or context, message, hint).
_GENERAL: tuple[tuple[str, str, str], ...] = (
    (
        "but found another document",
        "The file holds more than one YAML document (a line with ---).",
        "Keep one plan per file, with no --- line in the middle.",
    ),
    (
        "flow sequence",
        "A list opened with [ is not closed.",
        "Close it with ] on the same line, or write one item per line starting with '- '.",
    ),
    (
        "flow mapping",
        "A group opened with { is not closed.",
        "Close it with }, or write one `key: value` per line.",
    ),
    (
        "mapping values are not allowed",
        "A colon followed by a space here makes YAML read a new key.",
        'Put text that contains ": " in quotes, for example: promise: "Note: we call back."',
    ),
    (
        "could not find expected ':'",
        "A line here is missing the colon after its key.",
        "Write keys as `key: value`, with a colon and a space.",
    ),
    (
        "did not find expected key",
        "The indentation here does not line up with the lines above.",
        "Fields of the same record start in the same column; list items start with '- '.",
    ),
    (
        "expected <block end>",
        "The indentation here does not line up with the lines above.",
        "Fields of the same record start in the same column; list items start with '- '.",
    ),
    (
        "did not find expected '-' indicator",
        "A list item here is not lined up with the items above it.",
        "Start every item of a list with '- ' in the same column.",
    ),
    (
        "found unexpected end of stream",
        "The file ends inside a quoted text or a bracket.",
        "Close the quote or bracket that was opened.",
    ),
    (
        "expected node content",
        "A value is missing here, or this line is not lined up with the lines around it.",
        "Check the indentation and the '- ' of the lines above.",
    ),
    (
        "expected <document start>",
        "YAML cannot read the file from here: a line above ends the plan's fields too early.",
        "Check the quotes and the indentation of the lines above.",
    ),
    (
        "control characters are not allowed",
        "The file contains an invisible control character.",
        "Delete it; it often comes with text pasted from another program.",
    ),
    (
        "special characters are not allowed",
        "The file contains an invisible control character.",
        "Delete it; it often comes with text pasted from another program.",
    ),
)

# `key:value`: a key whose colon has no space after it (not a web address).
_NO_SPACE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?!//)(?P<rest>\S.*)")
_BLOCK_INDICATOR = re.compile(r"[|>][-+0-9]*$")
_CLOSERS = {'"': '"', "'": "'", "[": "]", "{": "}"}
_QUOTES = "\"'"
_STRAY_MARKS = (",", ".", ";")


def explain(error: yaml.MarkedYAMLError, text: str) -> Explanation:
    """Where the author went wrong, what is wrong and how to fix it."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return 1, 1, f"The file is not valid YAML: {error}.", ""
    if text[mark.index : mark.index + 1] == "\t":
        return mark.line + 1, mark.column + 1, *_TAB
    lines = text.split("\n")
    for explainer in _EXPLAINERS:
        found = explainer(error, lines)
        if found is not None:
            return found
    problem, context = error.problem or "", error.context or ""
    at = error.context_mark if "flow" in context and error.context_mark else mark
    for words, message, hint in _GENERAL:
        if words in problem or words in context:
            return at.line + 1, at.column + 1, message, hint
    detail = " ".join(part for part in (context, problem) if part)
    return mark.line + 1, mark.column + 1, f"The file is not valid YAML: {detail}.", ""


def _unclosed_quote(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """A quote opened and never closed: libyaml reports the end of the file."""
    opened = error.context_mark
    if opened is None or "quoted scalar" not in (error.context or ""):
        return None
    if "end of stream" not in (error.problem or ""):
        return None
    line = line_at(lines, opened.line)
    quote = line.text[opened.column]
    meant = line.text[opened.column + 1 :].rstrip()
    key = line.key if line.value_at == opened.column else None
    return (
        opened.line + 1,
        opened.column + 1,
        f"This quoted text is never closed: the {quote} here has no matching {quote} after it.",
        f"Close the quote at the end of the value: {proposal(key, meant, line)}",
    )


def _text_after_closed_value(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """`promise: "Courtesy" is our promise.`: the quotes (or brackets) end the
    value, and libyaml, finding more text, blames the indentation."""
    problem, mark = error.problem or "", error.problem_mark
    if mark is None or not ("expected key" in problem or "<block end>" in problem):
        return None
    line = line_at(lines, mark.line)
    before = line.text[: mark.column].rstrip()
    opener = line.text[line.value_at : line.value_at + 1]
    if len(before) <= line.value_at or _CLOSERS.get(opener) != before[-1:]:
        return None
    closed, rest, whole = before[line.value_at :], line.text[mark.column :].rstrip(), line.value
    where = (mark.line + 1, mark.column + 1)
    if opener == "'" and len(before) == mark.column and rest[:1].isalpha():
        word = closed.rpartition(" ")[2] + rest.partition(" ")[0]
        meant = whole[1:-1] if whole.endswith("'") and len(whole) > 1 else whole[1:]
        return (
            *where,
            f"The apostrophe in `{word.lstrip(opener)}` ends the text that the single quote "
            "before it started.",
            "Put text that holds an apostrophe in double quotes: "
            + proposal(line.key, meant, line),
        )
    if rest in _STRAY_MARKS:
        inside = f" or put it inside the quotes: {proposal(line.key, closed[1:-1] + rest, line)}"
        return (
            *where,
            f"The `{rest}` after the closing `{before[-1]}` is not part of the value.",
            f"Remove it{inside if opener in _QUOTES else ''}.",
        )
    if opener in _QUOTES:
        return (
            *where,
            f"The quoted part `{closed}` ends the value, and YAML cannot read the text "
            f"after it (`{rest}`).",
            f"Put the whole value in quotes: {proposal(line.key, whole, line)}",
        )
    kind = "a list" if opener == "[" else "a group of fields"
    return (
        *where,
        f"A value that starts with `{opener}` is read as {kind}, which ends at "
        f"`{before[-1]}`, and YAML cannot read the text after it (`{rest}`).",
        f"If it is text, put the whole value in quotes: {proposal(line.key, whole, line)}",
    )


def _colon_in_text(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """A colon and a space where libyaml did not expect a key: inside a value,
    or on a line that only looks wrong because of the lines above it."""
    mark = error.problem_mark
    if mark is None or "mapping values are not allowed" not in (error.problem or ""):
        return None
    line = line_at(lines, mark.line)
    if line.key is not None and line.key_at + len(line.key) == mark.column:
        return _run_on(lines, line)
    if line.value_at > mark.column:
        return None
    return (
        mark.line + 1,
        mark.column + 1,
        "A colon followed by a space inside a value makes YAML read a new key.",
        f"Put the whole value in quotes: {proposal(line.key, line.value, line)}",
    )


def _run_on(lines: list[str], here: Line) -> Explanation | None:
    """`here` is a proper `key: value` line, but libyaml was still reading a
    value that started on a line above, which did not end where it should."""
    start = previous_line(lines, here.number)
    while start is not None and start.key is None and not start.item:
        above = previous_line(lines, start.number)
        if above is None or above.key is not None or above.item:
            if above is not None and above.value and above.key is not None:
                start = above
            break
        start = above
    if start is None:
        return None
    if start.key is not None and start.value:
        if here.indent <= start.indent:
            return None
        return (
            here.number + 1,
            here.indent + 1,
            f"This line is indented more than `{start.key}:` above it, so YAML reads it as "
            f"more of the text of `{start.key}`.",
            f"Start `{here.key}:` in the same column as `{start.key}:`, or as the fields "
            "it belongs with.",
        )
    return _not_a_key(start)


def _not_a_key(line: Line) -> Explanation:
    """A line that was meant to hold a key but does not."""
    flow = _broken_flow(line.number, line.value_at, line) if line.value[:1] in "[{" else None
    if flow is not None:
        return flow
    no_space = _NO_SPACE.match(line.value)
    if no_space is not None:
        key, rest = no_space.group("key"), no_space.group("rest")
        return (
            line.number + 1,
            line.value_at + len(key) + 2,
            f"There is no space after the colon in `{key}:{rest}`, so YAML reads the whole "
            "line as text, not as a key and its value.",
            f"Put a space after the colon: `{key}: {rest}`.",
        )
    first, _, rest = line.value.partition(" ")
    guess = f" Did you mean `{first}: {rest}`?" if re.fullmatch(r"[A-Za-z_][\w-]*", first) else ""
    return (
        line.number + 1,
        line.value_at + 1,
        f"This line has no colon after its key, so YAML reads `{line.value}` as text.",
        f"Write it as `key: value`, with a colon and a space after the key.{guess}",
    )


def _broken_flow(number: int, column: int, line: Line) -> Explanation | None:
    """A list in [ ] or a group in { } written on one line, that YAML could
    not read as one: the first bracket from `column` on."""
    found = re.search(r"[\[{]", line.text[column:])
    if found is None:
        return None
    column += found.start()
    opener = line.text[column]
    kind, example = (
        ("list", "[en, es]") if opener == "[" else ("group of fields", "{value: 2, unit: hours}")
    )
    closer = "]" if opener == "[" else "}"
    rest = line.text[column:]
    if " #" in rest or f"{opener}#" in rest:
        why = f"the `#` in it starts a comment, which hides the rest of the line and its `{closer}`"
    elif closer not in rest:
        why = f"it does not end with `{closer}` on its line"
    else:
        why = f"check its commas and colons, and that it ends with `{closer}` on the same line"
    return (
        number + 1,
        column + 1,
        f"`{opener}` starts a {kind} written on one line, such as `{example}`, and YAML "
        f"cannot read this one: {why}.",
        f"Fix the {kind}, or, if it is text, put the whole value in quotes: "
        + proposal(None, line.value, line),
    )


def _unclosed_flow(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """A [ or { that libyaml reached the end of without its closer."""
    opened = error.context_mark
    if opened is None or "flow" not in (error.context or ""):
        return None
    return _broken_flow(opened.line, opened.column, line_at(lines, opened.line))


def _missing_colon(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """libyaml reports a line without a colon on the line after it."""
    mark = error.context_mark
    if mark is None or "expected ':'" not in (error.problem or ""):
        return None
    line = line_at(lines, mark.line)
    above = previous_line(lines, mark.line)
    if above is not None and above.key is not None and _BLOCK_INDICATOR.fullmatch(above.value):
        return (
            mark.line + 1,
            mark.column + 1,
            f"The text under `{above.key}: {above.value}` must be indented more than "
            f"`{above.key}:`.",
            f"Start every line of the text two spaces to the right of `{above.key}:`.",
        )
    return _not_a_key(line)


def _text_beside_block_indicator(
    error: yaml.MarkedYAMLError, lines: list[str]
) -> Explanation | None:
    """`summary: > We serve...`: text on the line of a | or > indicator."""
    mark = error.context_mark
    if mark is None or "block scalar" not in (error.context or ""):
        return None
    line = line_at(lines, mark.line)
    indicator = line.text[mark.column]
    under = f", indented under `{line.key}:`" if line.key else ", indented"
    return (
        mark.line + 1,
        mark.column + 1,
        f"After `{indicator}`, the text must start on the next line{under}.",
        f"Move the text to the next line. If `{indicator}` is part of the text, put the whole "
        f"value in quotes: {proposal(line.key, line.value, line)}",
    )


# Characters that YAML reads as syntax at the start of a value, and what it
# makes of them.
_STARTERS = {
    "*": "an asterisk (*): YAML reads it as a reference to another value",
    "?": "a question mark and a space (? ): YAML reads them as the start of a complex key",
    ",": "a comma (,)",
    "@": "an at sign (@), which YAML keeps for future use",
    "`": "a backquote (`), which YAML keeps for future use",
    "%": "a percent sign (%): YAML reads it as a directive",
    "&": "an ampersand (&): YAML reads it as the name of an anchor",
    "!": "an exclamation mark (!): YAML reads it as a tag",
    "|": "a vertical bar (|) here: YAML reads it as the start of a block of text",
    ">": "a greater-than sign (>) here: YAML reads it as the start of a block of text",
}


def _bad_start(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """A value that starts with a character YAML reads as syntax (libyaml may
    stop further on: `*Every* letter` fails at the second asterisk)."""
    mark = error.problem_mark
    if mark is None:
        return None
    line = line_at(lines, mark.line)
    start = line.value_at
    if line.text[start : start + 1] not in _STARTERS:
        start = mark.column
    character = line.text[start : start + 1]
    if character not in _STARTERS or start < line.value_at:
        return _unusable_character(error, line)
    value = line.text[start:].rstrip()
    return (
        mark.line + 1,
        start + 1,
        f"A value cannot start with {_STARTERS[character]}.",
        "Put the whole value in quotes: "
        + proposal(line.key if start == line.value_at else None, value, line),
    )


_SCANNING = ("while scanning an anchor", "while scanning an alias", "while scanning a tag")


def _unusable_character(error: yaml.MarkedYAMLError, line: Line) -> Explanation | None:
    """Any other character libyaml cannot start a value with, or an &, * or !
    where a value cannot start (after a closing quote, alone in brackets)."""
    mark = error.problem_mark
    if error.context in _SCANNING and error.context_mark is not None:
        mark = error.context_mark
    elif mark is None or "cannot start any token" not in (error.problem or ""):
        return None
    character = line.text[mark.column : mark.column + 1]
    meaning = _STARTERS.get(character, f"`{character}`")
    return (
        mark.line + 1,
        mark.column + 1,
        f"A value cannot start with {meaning}, and nothing else can start with it here.",
        f"Remove it, or put the whole value in quotes: {proposal(None, line.value, line)}",
    )


def _unknown_escape(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """`"C:\\Files"`: inside double quotes, a backslash starts an escape."""
    mark = error.problem_mark
    if mark is None or "unknown escape character" not in (error.problem or ""):
        return None
    line = line_at(lines, mark.line)
    escape = line.text[mark.column : mark.column + 2]
    value = line.value
    meant = value[1:-1] if value.endswith('"') and len(value) > 1 else value[1:]
    single = "'" + meant.replace("'", "''") + "'"
    key = f"{line.key}: " if line.key else ""
    return (
        mark.line + 1,
        mark.column + 1,
        f"Inside double quotes a backslash starts an escape, and `{escape}` is not one.",
        f"Use single quotes, inside which a backslash is only a backslash: {key}{single}",
    )


def _item_beside_key(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """`languages: - en`: a list item on the line of its key."""
    mark = error.problem_mark
    if mark is None or "block sequence entries are not allowed" not in (error.problem or ""):
        return None
    line = line_at(lines, mark.line)
    key = line.key or "key"
    return (
        mark.line + 1,
        mark.column + 1,
        "A list item (`- `) cannot start on the line of its key.",
        f"End the line at `{key}:` and put each item on a line of its own, indented under it "
        "and starting with '- '. If it is text, put it in quotes: "
        + proposal(None, line.value, line),
    )


def _empty_item(error: yaml.MarkedYAMLError, lines: list[str]) -> Explanation | None:
    """A lone `-` followed by a field that is not indented under it."""
    mark = error.problem_mark
    if mark is None or "expected node content" not in (error.problem or ""):
        return None
    above = previous_line(lines, mark.line)
    if above is None or above.text.strip() != "-":
        return None
    return (
        above.number + 1,
        above.text.index("-") + 1,
        "This list item (`-`) has nothing after it, and the line below is not indented under it.",
        "Remove the lone `-`, or write the item's first field after it, such as `- name: ...`.",
    )


_EXPLAINERS: tuple[Callable[[yaml.MarkedYAMLError, list[str]], Explanation | None], ...] = (
    _unclosed_quote,
    _unknown_escape,
    _item_beside_key,
    _text_after_closed_value,
    _colon_in_text,
    _missing_colon,
    _text_beside_block_indicator,
    _bad_start,
    _empty_item,
    _unclosed_flow,
)

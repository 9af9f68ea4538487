"""Plan text is data: every string from a plan reaches a page through `inert`.

A string is escaped for HTML and for Markdown at once, by turning each
character that either language gives a meaning to into a numeric character
reference. The result reads the same in a browser, stays inert whether
Python-Markdown treats the surrounding lines as a raw HTML block or as
Markdown, and carries no `{`, `}` or `|` for attribute lists, template syntax
or tables to act on."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.errors import BuildError

# HTML's five, then what Markdown acts on inside a line: backslash escapes,
# code spans, emphasis, links and images, attribute lists, table cells.
_SPECIAL = "&<>\"'\\`*_[]{}|"  # "&" first: the references hold one
_REFERENCES = [(c, f"&#{ord(c)};") for c in _SPECIAL]
# What `str.splitlines` breaks lines at.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Most text holds none of these: it is checked at C speed and left as it is.
_NEEDS_WORK = re.compile(f"[{re.escape(_SPECIAL + _LINE_BREAKS)}]")
_HAS_BREAK = re.compile(f"[{re.escape(_LINE_BREAKS)}]")
_SAFE_SCHEMES = ("https", "http", "mailto", "tel")


def inert(value: object) -> Markup:
    """Text safe to place in HTML or Markdown. Line breaks become spaces:
    use `inert_lines` where the author's line breaks matter."""
    text = value if type(value) is str else str(value)
    if _NEEDS_WORK.search(text) is None:
        return escaped(text)
    if _HAS_BREAK.search(text) is not None:
        text = " ".join(text.splitlines())
    return escaped(_references(text))


def inert_lines(value: object) -> Markup:
    """Like `inert`, keeping each of the author's line breaks as `<br>`."""
    text = value if type(value) is str else str(value)
    if _NEEDS_WORK.search(text) is None:
        return escaped(text)
    return escaped("<br>".join(_references(line) for line in text.splitlines()))


def escaped(text: str) -> Markup:
    """`text`, already safe, as Markup. markupsafe's own constructor first
    asks every value whether it is markup; the pages make tens of thousands
    of these, so this one skips the question."""
    return str.__new__(Markup, text)


def _references(text: str) -> str:
    for char, reference in _REFERENCES:
        if char in text:
            text = text.replace(char, reference)
    return text


def safe_url(url: str) -> Markup:
    """A link target from a plan. Validation allows only https and http links;
    this refuses anything else again, so that a `javascript:` link can never
    reach a page even if the schema changes."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        raise BuildError(f"Refusing to publish the link {url!r}: only {_SAFE_SCHEMES} links.")
    return inert(url)


def tel_url(phone: str) -> Markup:
    """A tel: link for a phone number as people dial it ("+1 800 555 0100 ext. 2")."""
    number, _, extension = phone.partition(" ext")
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    extension_digits = "".join(c for c in extension if c.isdigit())
    return inert(f"tel:{digits}" + (f",{extension_digits}" if extension_digits else ""))


def inert_json(value: Any) -> Markup:
    """JSON for a `<script type="application/ld+json">` element: `<`, `>` and
    `&` are written as \\u escapes, so the text can never close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))

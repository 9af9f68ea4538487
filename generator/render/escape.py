"""Plan text is data: every string from a plan reaches a page through `inert`.

A string is escaped for HTML and for Markdown at once, by turning each
character that either language gives a meaning to into a numeric character
reference. The result reads the same in a browser, stays inert whether
Python-Markdown treats the surrounding lines as a raw HTML block or as
Markdown, and carries no `{`, `}` or `|` for attribute lists, template syntax
or tables to act on."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.errors import BuildError

# HTML's five, then what Markdown acts on inside a line: backslash escapes,
# code spans, emphasis, links and images, attribute lists, table cells.
_REFERENCES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}|"}
_SAFE_SCHEMES = ("https", "http", "mailto", "tel")


def inert(value: object) -> Markup:
    """Text safe to place in HTML or Markdown. Line breaks become spaces:
    use `inert_lines` where the author's line breaks matter."""
    return Markup(" ".join(str(value).splitlines()).translate(_REFERENCES))


def inert_lines(value: object) -> Markup:
    """Like `inert`, keeping each of the author's line breaks as `<br>`."""
    lines = [str(line).translate(_REFERENCES) for line in str(value).splitlines()]
    return Markup("<br>".join(lines))


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

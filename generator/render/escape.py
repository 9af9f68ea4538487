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
from generator.model.translated import Untranslated

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
    use `inert_lines` where the author's line breaks matter. Text a
    translation lacks is marked with its own language."""
    if type(value) is Untranslated:
        return _own_language(value, inert(str(value)))
    text = value if type(value) is str else str(value)
    if _NEEDS_WORK.search(text) is None:
        return Markup(text)
    if _HAS_BREAK.search(text) is not None:
        text = " ".join(text.splitlines())
    return Markup(_references(text))


def inert_lines(value: object) -> Markup:
    """Like `inert`, keeping each of the author's line breaks as `<br>`."""
    if type(value) is Untranslated:
        return _own_language(value, inert_lines(str(value)))
    text = value if type(value) is str else str(value)
    if _NEEDS_WORK.search(text) is None:
        return Markup(text)
    return Markup("<br>".join(_references(line) for line in text.splitlines()))


def _own_language(text: Untranslated, markup: Markup) -> Markup:
    """Untranslated text in the smallest element that can name its language,
    so that a screen reader reads it in that language's voice."""
    return Markup(f'<span lang="{inert(text.language)}">{markup}</span>')


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


_EXTENSION = re.compile(r"\s+(?:ext\.?|x)\s*(\d+)$", re.IGNORECASE)


def dial_string(phone: str, country: str | None = None) -> str | None:
    """What a phone dials for a number as the plan writes it ("+1 800 555
    0100 ext. 2", "1-800-DMV-HELP", "311", "(01843) 577000"), by the rules
    of the agency's country (libphonenumber): "+18003684357"; None for text
    that is not a number anyone can dial, which then gets no call link."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    match = _EXTENSION.search(phone)
    number, extension = (phone[: match.start()], match.group(1)) if match else (phone, "")
    # A vanity number is dialled by the keys its letters are on.
    keyed = phonenumbers.convert_alpha_characters_in_number(number)
    suffix = f",{extension}" if extension else ""
    region = country if country and not keyed.lstrip().startswith("+") else None
    try:
        parsed = phonenumbers.parse(keyed, region)
    except phonenumbers.NumberParseException:
        parsed = None
    possible = phonenumbers.ValidationResult.IS_POSSIBLE
    if parsed is not None and phonenumbers.is_possible_number_with_reason(parsed) == possible:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) + suffix
    digits = "".join(c for c in keyed if c.isdigit())
    if parsed is not None and region and shortnumberinfo.is_possible_short_number(parsed):
        return digits + suffix
    # Without the country, a number written in digits is dialled as it is.
    if region is None and not country and digits and keyed.strip()[:1] != "+" and number == keyed:
        return digits + suffix
    return None


def tel_url(phone: str, country: str | None = None) -> Markup | None:
    """A tel: link for a phone number, or None for one nobody can dial."""
    dialled = dial_string(phone, country)
    return inert(f"tel:{dialled}") if dialled else None


def inert_json(value: Any) -> Markup:
    """JSON for a `<script type="application/ld+json">` element: `<`, `>` and
    `&` are written as \\u escapes, so the text can never close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))

"""Placeholders. The mark the starter plan leaves where the agency's own
words or values go (TODO): the placeholder rule warns about text that holds
it, and the schema check about fields that need a real value (a date, a level
of government). And words that stand where a value is missing ("NOT GIVEN",
"TBD", "N/A"): in a phone, address, email, web or name field they would be
published as if they were the agency's contact details, so they are errors
whose fix is to leave the field out, and the site then says the plan is
silent."""

from __future__ import annotations

import re

from generator.check.finding import Finding
from generator.load.locate import DataPath

PLACEHOLDER = "TODO"
PLACEHOLDER_MESSAGE = "This text still contains TODO from the starter plan."

PLACEHOLDERS = frozenset(
    {
        "not given",
        "not known",
        "not stated",
        "not specified",
        "not provided",
        "not available",
        "not applicable",
        "not named",
        "not in source",
        "not in the source",
        "not named in the sources",
        "unknown",
        "none",
        "n/a",
        "na",
        "n.a.",
        "tbd",
        "tbc",
        "to be determined",
        "to be confirmed",
        "pending",
        "null",
        "nil",
        "xxx",
        "-",
        "--",
        "?",
    }
)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-"})
_SPACES = re.compile(r"\s+")

# What each field holds, for the message.
NOUNS = {
    "phone": "a phone number",
    "fax": "a fax number",
    "email": "an email address",
    "url": "a web address",
    "website": "a web address",
    "address": "an address",
    "name": "a name",
}


def is_placeholder(value: object) -> bool:
    """Whether `value` is a placeholder rather than a value."""
    if not isinstance(value, str):
        return False
    text = _SPACES.sub(" ", value.translate(_DASHES)).strip().strip("()[]<>\"'").strip().lower()
    return text in PLACEHOLDERS or text.rstrip(".") in PLACEHOLDERS


def placeholder_finding(path: DataPath, value: str) -> Finding:
    """The error for a placeholder at `path` (the same from the schema's
    check of a value's form and from the rules, so that it is said once)."""
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    noun = NOUNS.get(field, "a value")
    return Finding(
        path,
        f"`{value}` is a placeholder, not {noun}.",
        "Leave the field out if the plan does not give it: the site then says so, instead of "
        "publishing a placeholder.",
    )

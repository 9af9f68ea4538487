"""The first layer of checks: the JSON Schema, with messages rewritten for people.

jsonschema says "'munICIPAL' is not one of ['federal', ...]"; a plan author
needs "`munICIPAL` is not an allowed level. Did you mean `municipal`?". Each
validator keyword has a function here that turns the raw error into a
`Finding` with a data path, a plain message and, where possible, the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from generator.check.finding import Finding
from generator.load.locate import DataPath
from generator.resources import plan_schema, resolve_ref

_TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "object": "a group of fields (indented `key: value` lines)",
    "array": "a list (lines starting with '- ')",
    "boolean": "true or false",
    "null": "empty",
}

# Formats and patterns of the schema's $defs, explained with an example.
_DEF_HINTS = {
    "id": "Use lower-case letters, digits and hyphens only, such as `call-wait`.",
    "date": "Write dates as YYYY-MM-DD, such as 2026-01-15.",
    "url": "Write the full address starting with https://, such as https://www.example.gov/help.",
    "email": "Write an email address such as help@example.gov, without `mailto:`.",
    "phone": "Write the number as people dial it, such as +1 800 555 0100, 311, "
    "or 1-800-555-0199 ext. 2.",
    "language_tag": "Use a BCP 47 language tag such as en, es, fr, zh-Hant or pt-BR.",
    "period": "Write a year (2026), a quarter (2026-Q1) or a month (2026-03).",
}


_DEF_NOUNS = {
    "email": "an email address",
    "phone": "a phone number people can dial",
    "language_tag": "a language tag",
    "period": "a reporting period",
}


@cache
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = _schema(kind)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _schema(kind: str) -> dict[str, Any]:
    if kind == "translation":
        from generator.translation.schema import translation_schema

        return translation_schema()
    return plan_schema()


@cache
def _def_names() -> dict[int, str]:
    """Identity of each `$defs` entry -> its name, to recognise which kind of
    value a raw error is about."""
    names = {id(value): name for name, value in plan_schema()["$defs"].items()}
    names.update({id(value): name for name, value in _schema("translation")["$defs"].items()})
    return names


@cache
def _gate(kind: str) -> Any:
    """A compiled validator that only answers valid or not, about a hundred
    times faster than jsonschema; jsonschema runs only on invalid data, for its
    detailed errors. The tests check both agree on every example file."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(_schema(kind), validate_formats=True)


def schema_findings(data: Any, kind: str = "plan") -> Iterator[Finding]:
    """Every violation of the plan schema (or, with kind="translation", of the
    translation schema) in `data`, rewritten for people."""
    yield from schema_check(data, kind)[0]


# Keywords whose error is about what an object lacks, not about a value in it.
_LACKING = frozenset({"required", "dependentRequired", "minProperties"})
# Keywords about the form of a value, which a value of the wrong type fails too.
_OF_FORM = frozenset({"enum", "const", "pattern", "format", "minLength", "maxLength"})


def schema_check(data: Any, kind: str = "plan") -> tuple[list[Finding], list[DataPath]]:
    """The findings of `schema_findings`, and the paths of the values the
    schema rejected (each value of the wrong type or form, each field that
    does not belong): what the rules must not see."""
    if _gate(kind).is_valid(data):
        return [], []
    findings: list[Finding] = []
    rejected: list[DataPath] = []
    errors = list(_validator(kind).iter_errors(data))
    # A value of the wrong type is said to be so once, not also out of its list.
    mistyped = {_path(error) for error in errors if error.validator == "type"}
    for error in errors:
        if error.validator in _OF_FORM and _path(error) in mistyped:
            continue
        handler = _HANDLERS.get(error.validator, _generic)
        findings.extend(handler(error))
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            rejected.extend((*_path(error), key) for key in error.instance if key not in allowed)
        elif error.validator not in _LACKING:
            rejected.append(_path(error))
    return findings, rejected


def _path(error: Any) -> tuple[str | int, ...]:
    return tuple(error.absolute_path)


def _describe_type(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def _type(error: Any) -> Iterator[Finding]:
    expected = error.validator_value
    names = [_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
    found = _describe_type(error.instance)
    message = f"This should be {' or '.join(names)}, but it is {found}."
    hint = ""
    if expected == "string" and isinstance(error.instance, int | float | bool):
        hint = f'Put the value in quotes: "{_plain(error.instance)}".'
    elif expected == "string" and error.instance is None:
        hint = "Write the text after the colon, or remove the line."
    elif expected in ("number", "integer") and isinstance(error.instance, str):
        hint = "Write the number without quotes, units or % sign, such as 90 or 2.5."
    elif expected == "array" and not isinstance(error.instance, list):
        hint = "Write each item on its own line starting with '- ', or as [first, second]."
    elif expected == "string" and isinstance(error.instance, list) and len(error.instance) == 1:
        hint = f"Write the one value without brackets: {_plain(error.instance[0])}"
    yield Finding(_path(error), message, hint)


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _required(error: Any) -> Iterator[Finding]:
    missing = re.match(r"'([^']+)'", error.message)
    name = missing.group(1) if missing else str(error.validator_value)
    prop = resolve_ref(plan_schema(), error.schema.get("properties", {}).get(name, {}))
    description = prop.get("description", "")
    message = f"The field `{name}` is missing."
    hint = f"Add `{name}:` here. {description}".strip()
    typo = _closest(name, [str(key) for key in error.instance])
    if typo and typo != name:
        hint = f"Is `{typo}` meant to be `{name}`? {description}".strip()
    yield Finding((*_path(error), name), message, hint, at_key=True)


def _additional(error: Any) -> Iterator[Finding]:
    allowed = sorted(error.schema.get("properties", {}))
    extras = [key for key in error.instance if key not in allowed]
    for key in extras:
        close = _closest(str(key), allowed)
        message = f"`{key}` is not a field that belongs here."
        if close:
            hint = f"Did you mean `{close}`?"
        else:
            hint = "Fields allowed here: " + ", ".join(f"`{name}`" for name in allowed) + "."
        yield Finding((*_path(error), key), message, hint, at_key=True)


def _enum(error: Any) -> Iterator[Finding]:
    allowed = [str(value) for value in error.validator_value]
    value = error.instance
    message = f"`{_plain(value)}` is not one of the allowed values."
    close = _closest(_plain(value), allowed) if isinstance(value, str | int | float) else None
    listing = ", ".join(f"`{a}`" for a in allowed)
    if close:
        hint = f"Did you mean `{close}`? Allowed values: {listing}."
    else:
        hint = f"Allowed values: {listing}."
    if allowed == ["1.0"] and value == 1.0:
        hint = 'Write the version in quotes: schema_version: "1.0".'
    elif value == "days":
        hint = "Say which days: `calendar-days` or `business-days`."
    yield Finding(_path(error), message, hint)


def _closest(word: str, choices: list[str]) -> str | None:
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    normal = word.lower().replace("_", "-").replace(" ", "-")
    if normal in lowered:
        return lowered[normal]
    underscored = word.lower().replace("-", "_").replace(" ", "_")
    if underscored in lowered:
        return lowered[underscored]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def _format_or_pattern(error: Any) -> Iterator[Finding]:
    kind = _def_names().get(id(error.schema), "")
    value = error.instance
    if error.parent is not None and error.parent.validator == "propertyNames":
        yield Finding(
            (*_path(error), value),
            f"`{value}` is not an id or a period of the plan.",
            "Records are keyed by their id (such as call-wait); results by their period.",
            at_key=True,
        )
        return
    hint = _DEF_HINTS.get(kind, "")
    if kind == "id":
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        message = f"`{value}` is not a valid id."
        if suggestion:
            hint = f"Use lower-case letters, digits and hyphens only, such as `{suggestion}`."
    elif kind == "date":
        message = f"`{value}` is not a real date in the form YYYY-MM-DD."
    elif kind == "url":
        message = f"`{value}` is not a web address this site can link to."
        if isinstance(value, str) and value.lower().startswith(("mailto:", "tel:")):
            hint = "Put email addresses in an `email` field and phone numbers in `phone`."
    elif kind in _DEF_NOUNS:
        message = f"`{value}` is not {_DEF_NOUNS[kind]}."
    else:
        message = f"`{value}` is not in the expected form."
    yield Finding(_path(error), message, hint)


def _length(error: Any) -> Iterator[Finding]:
    value = error.instance
    if error.validator == "minLength":
        yield Finding(_path(error), "This text is empty.", "Write the text, or remove the line.")
        return
    limit = error.validator_value
    yield Finding(
        _path(error),
        f"This text is too long ({len(value):,} characters; at most {limit:,}).",
        "Shorten it, or link to a page with the details.",
    )


def _items(error: Any) -> Iterator[Finding]:
    if error.validator == "minItems":
        yield Finding(
            _path(error),
            f"This list needs at least {error.validator_value} item.",
            "Add an item on a line starting with '- '.",
        )
    elif error.validator == "uniqueItems":
        counts: dict[str, int] = {}
        for item in error.instance:
            counts[repr(item)] = counts.get(repr(item), 0) + 1
        twice = [key for key, count in counts.items() if count > 1]
        yield Finding(
            _path(error),
            f"This list has the same item more than once: {', '.join(twice)}.",
            "Keep each item once.",
        )
    elif error.validator == "minProperties":
        allowed = ", ".join(f"`{p}`" for p in error.schema.get("properties", {}))
        yield Finding(_path(error), "This group is empty.", f"Fill in at least one of {allowed}.")


def _range(error: Any) -> Iterator[Finding]:
    limit = error.validator_value
    words = {
        "minimum": f"at least {limit}",
        "maximum": f"at most {limit}",
        "exclusiveMinimum": f"more than {limit}",
        "exclusiveMaximum": f"less than {limit}",
    }[error.validator]
    yield Finding(_path(error), f"{error.instance} is out of range: it must be {words}.")


def _generic(error: Any) -> Iterator[Finding]:
    yield Finding(_path(error), f"{error.message}.")


_HANDLERS: dict[str, Callable[[Any], Iterator[Finding]]] = {
    "type": _type,
    "required": _required,
    "additionalProperties": _additional,
    "enum": _enum,
    "const": _enum,
    "pattern": _format_or_pattern,
    "format": _format_or_pattern,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _items,
    "uniqueItems": _items,
    "minProperties": _items,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
}

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

from generator.check.dates import date_hint
from generator.check.finding import Finding
from generator.check.placeholders import (
    PLACEHOLDER,
    PLACEHOLDER_MESSAGE,
    is_placeholder,
    placeholder_finding,
)
from generator.diagnostics import Severity
from generator.load.locate import DataPath
from generator.load.pitfalls import curly_quoted, straight_quoted_fix
from generator.resources import (
    SCHEMA_FILES,
    format_version,
    plan_schema,
    resolve_ref,
)

Schema = dict[str, Any]

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
    "loose_date": "Write the date with the precision its source gives: 2026-01-15, 2026-01 "
    "or 2026.",
}
# The hints of the current format, where it accepts more than the first one.
_CURRENT_HINTS = {
    "period": "Write a year (2026), a half (2026-H1), a quarter (2026-Q1), a month (2026-03), "
    "a week (2026-W05), a fiscal year (FY2025, or 2024-25 for one from 2024 to 2025), a fiscal "
    "quarter (FY2025-Q1) or a range of dates (2026-01-15/2026-03-31).",
}
# A value that may take one of several forms, in words.
_ALTERNATIVES = {
    "number_or_range": "a number, such as 10, or a range, such as {from: 4, to: 6}",
    "percent_or_range": "a percentage, such as 87.5, or a range, such as {from: 93, to: 94}",
    "source_ref": "the id of one of the plan's `sources`, or a source with its `title`",
}


_DEF_NOUNS = {
    "id": "a valid id",
    "date": "a date in the form YYYY-MM-DD",
    "url": "a web address",
    "email": "an email address",
    "phone": "a phone number people can dial",
    "language_tag": "a language tag",
    "period": "a reporting period",
    "loose_date": "a date in the form YYYY-MM-DD, YYYY-MM or YYYY",
}


@cache
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = _schema(kind)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _schema(kind: str) -> dict[str, Any]:
    """The schema of a kind of file: "translation", or "plan-VERSION"."""
    if kind == "translation":
        from generator.translation.schema import translation_schema

        return translation_schema()
    return plan_schema(kind.removeprefix("plan-"))


@cache
def _def_names() -> dict[int, str]:
    """Identity of each `$defs` entry -> its name, to recognise which kind of
    value a raw error is about."""
    names: dict[int, str] = {}
    for kind in [*(f"plan-{version}" for version in SCHEMA_FILES), "translation"]:
        names.update({id(value): name for name, value in _schema(kind)["$defs"].items()})
    return names


@cache
def _current_defs() -> frozenset[int]:
    return frozenset(id(value) for value in plan_schema()["$defs"].values())


@cache
def _gate(kind: str) -> Any:
    """A compiled validator that only answers valid or not, about a hundred
    times faster than jsonschema; jsonschema runs only on invalid data, for its
    detailed errors. The tests check both agree on every example file."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(_schema(kind), validate_formats=True)


def schema_findings(data: Any, kind: str = "plan") -> Iterator[Finding]:
    """Every violation of the schema of the plan's format version (or, with
    kind="translation", of the translation schema) in `data`, rewritten for
    people: one finding for one mistake. A field missing because its name is
    misspelt is said once, at the misspelt name; a value wrapped in curly
    quotes, once, naming them; a value of the wrong type, once, not also out
    of its list."""
    yield from schema_check(data, kind)[0]


# Keywords whose error is about what an object lacks, not about a value in it.
_LACKING = frozenset({"required", "dependentRequired", "minProperties"})
# Keywords about the form of a value, which a value of the wrong type fails too.
_OF_FORM = frozenset({"enum", "const", "pattern", "format", "minLength", "maxLength"})


def schema_check(data: Any, kind: str = "plan") -> tuple[list[Finding], list[DataPath]]:
    """The findings of `schema_findings`, and the paths of the values the
    schema rejected (each value of the wrong type or form, each field that
    does not belong): what the rules must not see."""
    if kind == "plan":
        kind = f"plan-{format_version(data)}"
    if _gate(kind).is_valid(data):
        return [], []
    root = _schema(kind)
    findings: list[Finding] = []
    rejected: list[DataPath] = []
    errors = list(_validator(kind).iter_errors(data))
    misspelt = _misspelt(errors)
    mistyped = {_path(error) for error in errors if error.validator == "type"}
    for error in errors:
        if error.validator in _OF_FORM and _path(error) in mistyped:
            continue
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            rejected.extend((*_path(error), key) for key in error.instance if key not in allowed)
        elif error.validator not in _LACKING:
            rejected.append(_path(error))
        if not (error.validator == "required" and (_path(error), _missing(error)) in misspelt):
            findings.extend(_handle(error, root))
    return findings, rejected


def _handle(error: Any, root: Schema) -> Iterator[Finding]:
    """The findings of one raw error (also of one branch of a value that may
    take several forms): a TODO or a curly-quoted value is said as such."""
    if _placeholder(error):
        yield _placeholder_finding(error)
    elif _curly(error):
        yield _curly_finding(error)
    else:
        yield from _HANDLERS.get(error.validator, _generic)(error, root)


def _misspelt(errors: list[Any]) -> set[tuple[tuple[str | int, ...], str]]:
    """(place, field) of each missing field that an unknown field given at
    the same place is close to: `complaint:` for `complaints:`."""
    found = set()
    for error in errors:
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in error.instance:
                close = _closest(str(key), allowed) if key not in allowed else None
                if close is not None:
                    found.add((_path(error), close))
    return found


def _missing(error: Any) -> str:
    """The name of the field a `required` error is about."""
    missing = re.match(r"'([^']+)'", error.message)
    return missing.group(1) if missing else str(error.validator_value)


# Validators of a value's form: their error, on a TODO or on a value wrapped
# in curly quotes, is about that.
_VALUE_VALIDATORS = ("type", "enum", "const", "pattern", "format")


def _placeholder(error: Any) -> bool:
    """A value the starter plan left as TODO where the format needs a date,
    a number or one of a list of words."""
    return (
        error.validator in _VALUE_VALIDATORS
        and isinstance(error.instance, str)
        and PLACEHOLDER in error.instance
    )


def _placeholder_finding(error: Any) -> Finding:
    """The placeholder rule's warning, with what the field needs: the plan
    is not left invalid by a step of its author's work, but it cannot be
    published while it holds no real value, so the site leaves it out."""
    if error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        needed = "one of " + ", ".join(f"`{value}`" for value in allowed)
    elif error.validator == "type":
        expected = error.validator_value
        kinds = [expected] if isinstance(expected, str) else expected
        needed = " or ".join(_TYPE_NAMES.get(kind, kind) for kind in kinds)
    else:
        kind = _def_names().get(id(error.schema), "")
        needed = _DEF_NOUNS.get(kind, "a real value")
    return Finding(
        _path(error),
        PLACEHOLDER_MESSAGE,
        f"Replace it with {needed}. Until then the site leaves this plan out.",
        severity=Severity.WARNING,
        rule="placeholders",
    )


def _curly(error: Any) -> bool:
    return (
        error.validator in _VALUE_VALIDATORS
        and isinstance(error.instance, str)
        and curly_quoted(error.instance)
    )


def _curly_finding(error: Any) -> Finding:
    value = error.instance
    key = error.absolute_path[-1] if error.absolute_path else None
    key = key if isinstance(key, str) else None
    kind = _def_names().get(id(error.schema), "")
    expected = error.validator_value if error.validator == "type" else "string"
    if expected in ("number", "integer", "boolean"):
        noun = _TYPE_NAMES[expected]
        hint = f"Remove the quotes: {key + ':' if key else '-'} {value[1:-1]}"
    else:
        noun = _DEF_NOUNS.get(kind) or (
            "one of the allowed values" if error.validator in ("enum", "const") else "valid here"
        )
        hint = f"Use straight quotes: {straight_quoted_fix(key, value)}"
    marks = f"{value[0]} {value[-1]}"
    return Finding(
        _path(error),
        f"`{value}` has curly quotes ({marks}) around it, which YAML keeps as part of the "
        f"value, so it is not {noun}.",
        hint,
    )


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


def _type(error: Any, root: Schema) -> Iterator[Finding]:
    expected = error.validator_value
    names = [_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
    found = _describe_type(error.instance)
    message = f"This should be {' or '.join(names)}, but it is {found}."
    hint = ""
    if expected == "string" and isinstance(error.instance, int | float | bool):
        hint = f'Put the value in quotes: "{_plain(error.instance)}".'
    elif expected == "string" and error.instance is None:
        hint = "Write the text after the colon, or remove the line."
    elif expected == "string" and isinstance(error.instance, dict):
        hint = "Write one value after the colon, as text, not fields (`key: value`) inside it."
    elif expected in ("number", "integer") and isinstance(error.instance, str):
        hint = "Write the number without quotes, units or % sign, such as 90 or 2.5."
    elif expected == "array" and not isinstance(error.instance, list):
        hint = "Write each item on its own line starting with '- ', or as [first, second]."
    elif expected == "string" and isinstance(error.instance, list) and len(error.instance) == 1:
        hint = f"Write the one value without brackets: {_plain(error.instance[0])}"
    yield Finding(_path(error), message, hint)


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _required(error: Any, root: Schema) -> Iterator[Finding]:
    name = _missing(error)
    prop = resolve_ref(root, error.schema.get("properties", {}).get(name, {}))
    description = prop.get("description", "")
    message = f"The field `{name}` is missing."
    hint = f"Add `{name}:` here. {description}".strip()
    typo = _closest(name, [str(key) for key in error.instance])
    if typo and typo != name:
        hint = f"Is `{typo}` meant to be `{name}`? {description}".strip()
    yield Finding((*_path(error), name), message, hint, at_key=True)


def _additional(error: Any, root: Schema) -> Iterator[Finding]:
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


def _enum(error: Any, root: Schema) -> Iterator[Finding]:
    allowed = [str(value) for value in error.validator_value]
    value = error.instance
    message = f"`{_plain(value)}` is not one of the allowed values."
    close = _closest(_plain(value), allowed) if isinstance(value, str | int | float) else None
    listing = ", ".join(f"`{a}`" for a in allowed)
    if close:
        hint = f"Did you mean `{close}`? Allowed values: {listing}."
    else:
        hint = f"Allowed values: {listing}."
    if "1.0" in allowed and isinstance(value, float) and f"{value:.1f}" in allowed:
        hint = f'Write the version in quotes: schema_version: "{value:.1f}".'
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


def _any_of(error: Any, root: Schema) -> Iterator[Finding]:
    """A value that may take one of several forms: when its type fits one
    form alone, what is wrong with it in that form; else the forms."""
    found = _json_type(error.instance)
    fitting = [
        index
        for index, branch in enumerate(error.validator_value)
        if found in _branch_types(root, branch)
    ]
    if len(fitting) == 1:
        for sub in error.context:
            if sub.relative_schema_path and sub.relative_schema_path[0] == fitting[0]:
                yield from _handle(sub, root)
        return
    kind = _def_names().get(id(error.schema), "")
    forms = _ALTERNATIVES.get(kind) or " or ".join(
        dict.fromkeys(
            _TYPE_NAMES.get(t, t)
            for branch in error.validator_value
            for t in sorted(_branch_types(root, branch))
        )
    )
    yield Finding(
        _path(error), f"This should be {forms}, but it is {_describe_type(error.instance)}."
    )


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "null"


def _branch_types(root: Schema, branch: Schema) -> set[str]:
    resolved = resolve_ref(root, branch)
    kind = resolved.get("type")
    if kind is None and "anyOf" in resolved:
        return set().union(*(_branch_types(root, b) for b in resolved["anyOf"]))
    kinds = {kind} if isinstance(kind, str) else set(kind or ())
    if "integer" in kinds:
        kinds.add("number")
    return kinds


def _format_or_pattern(error: Any, root: Schema) -> Iterator[Finding]:
    kind = _def_names().get(id(error.schema), "")
    value = error.instance
    if is_placeholder(value):
        yield placeholder_finding(_path(error), value)
        return
    if error.parent is not None and error.parent.validator == "propertyNames":
        yield Finding(
            (*_path(error), value),
            f"`{value}` is not an id or a period of the plan.",
            "Records are keyed by their id (such as call-wait); results by their period.",
            at_key=True,
        )
        return
    hint = _DEF_HINTS.get(kind, "")
    if id(error.schema) in _current_defs():
        hint = _CURRENT_HINTS.get(kind, hint)
    if kind == "id":
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        message = f"`{value}` is not a valid id."
        if suggestion:
            hint = f"Use lower-case letters, digits and hyphens only, such as `{suggestion}`."
    elif kind == "date":
        message = f"`{value}` is not a real date in the form YYYY-MM-DD."
        hint = date_hint(str(value)) or hint
    elif kind == "loose_date":
        message = f"`{value}` is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY."
        hint = date_hint(str(value)) or hint
    elif kind == "url":
        message = f"`{value}` is not a web address this site can link to."
        if isinstance(value, str) and value.lower().startswith(("mailto:", "tel:")):
            hint = "Put email addresses in an `email` field and phone numbers in `phone`."
    elif kind in _DEF_NOUNS:
        message = f"`{value}` is not {_DEF_NOUNS[kind]}."
    else:
        message = f"`{value}` is not in the expected form."
    yield Finding(_path(error), message, hint)


def _length(error: Any, root: Schema) -> Iterator[Finding]:
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


def _items(error: Any, root: Schema) -> Iterator[Finding]:
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


def _range(error: Any, root: Schema) -> Iterator[Finding]:
    limit = error.validator_value
    words = {
        "minimum": f"at least {limit}",
        "maximum": f"at most {limit}",
        "exclusiveMinimum": f"more than {limit}",
        "exclusiveMaximum": f"less than {limit}",
    }[error.validator]
    yield Finding(_path(error), f"{error.instance} is out of range: it must be {words}.")


def _generic(error: Any, root: Schema) -> Iterator[Finding]:
    yield Finding(_path(error), f"{error.message}.")


_HANDLERS: dict[str, Callable[[Any, Schema], Iterator[Finding]]] = {
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
    "anyOf": _any_of,
}

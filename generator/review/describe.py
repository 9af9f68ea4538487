"""Plain-language descriptions of the values a reviewer compares: targets,
durations, results. They are plain text; the Markdown renderer escapes them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.review.records import by_key, field

# How a unit reads after a number: (one, many).
UNIT_WORDS = {
    "seconds": ("second", "seconds"),
    "minutes": ("minute", "minutes"),
    "hours": ("hour", "hours"),
    "calendar-days": ("calendar day", "calendar days"),
    "business-days": ("business day", "business days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
    "count": ("", ""),
}

COMPARATOR_WORDS = {"at-most": "at most", "at-least": "at least"}


def number(value: Any) -> str:
    """12345 -> "12,345"; 87.40 -> "87.4"; 4.0 -> "4"; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def amount(value: Any, unit: Any, scale_max: Any = None) -> str:
    """A value with its unit, as people say it: "2 minutes", "99.5%", "4.2 out of 5"."""
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "score":
        return (
            f"{number(value)} out of {number(scale_max)}" if scale_max else f"score {number(value)}"
        )
    one, many = UNIT_WORDS.get(unit, (str(unit), str(unit)))
    word = one if value == 1 else many
    return f"{number(value)} {word}".rstrip()


def duration(value: Any) -> str:
    """A `{value, unit}` duration; an empty string when there is none."""
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    return amount(value.get("value"), value.get("unit"))


def target(value: Any) -> str:
    """ "Time to answer a call: at most 2 minutes, for 90% of cases"."""
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    comparator = COMPARATOR_WORDS.get(value.get("comparator"), str(value.get("comparator")))
    text = f"{comparator} {amount(value.get('value'), value.get('unit'), value.get('scale_max'))}"
    if value.get("share") is not None:
        text += f", for {number(value.get('share'))}% of cases"
    metric = value.get("metric")
    return f"{metric}: {text}" if metric else text


def result(value: Any, target_value: Any = None) -> str:
    """One result of a standard, in the unit of its target."""
    if not isinstance(value, Mapping):
        return str(value)
    parts = []
    if value.get("share_met") is not None:
        parts.append(f"{number(value['share_met'])}% met")
    if value.get("value") is not None:
        unit = target_value.get("unit") if isinstance(target_value, Mapping) else None
        scale = target_value.get("scale_max") if isinstance(target_value, Mapping) else None
        parts.append(amount(value["value"], unit, scale) if unit else number(value["value"]))
    if value.get("cases") is not None:
        parts.append(f"{number(value['cases'])} cases")
    return ", ".join(parts) or "no figures"


def service_level_result(value: Any) -> str:
    """One result of a service level agreement."""
    if not isinstance(value, Mapping):
        return str(value)
    parts = []
    if value.get("status_met") is not None:
        parts.append(f"status message in time for {number(value['status_met'])}%")
    if value.get("resolution_met") is not None:
        parts.append(f"resolved in time for {number(value['resolution_met'])}%")
    if value.get("requests") is not None:
        parts.append(f"{number(value['requests'])} requests")
    return ", ".join(parts) or "no figures"


def period(value: Any) -> str:
    """A plan period `{start, end}` as "2026-01-01 to 2026-12-31"."""
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    return f"{value.get('start')} to {value.get('end')}"


def contents(data: Any) -> str:
    """ "2 promises, 1 service and 3 channels": what a plan holds."""
    promises, services, channels = (
        _count(len(by_key(field(data, section), "id")), noun)
        for section, noun in (
            ("standards", "promise"),
            ("services", "service"),
            ("channels", "channel"),
        )
    )
    return f"{promises}, {services} and {channels}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def text(value: Any) -> str:
    """Any other value: text as it is, lists joined with commas."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(text(item) for item in value)
    return str(value)

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
    "days": ("day", "days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
    "years": ("year", "years"),
    "rings": ("ring", "rings"),
    "count": ("", ""),
}

COMPARATOR_WORDS = {
    "at-most": "at most",
    "less-than": "less than",
    "at-least": "at least",
    "more-than": "more than",
}
STATISTIC_WORDS = {"average": "on average", "median": "the median", "every-case": "every case"}


def number(value: Any) -> str:
    """12345 -> "12,345"; 87.40 -> "87.4"; 4.0 -> "4"; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def amount(value: Any, unit: Any, scale_max: Any = None) -> str:
    """A value with its unit, as people say it: "2 minutes", "99.5%", "4.2 out
    of 5"; a range as "4 to 6 weeks"."""
    if isinstance(value, Mapping):
        high = value.get("to")
        return f"{number(value.get('from'))} to {amount(high, unit, scale_max)}"
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
    text = amount(value.get("value"), value.get("unit"))
    return _qualified(text, value)


def _qualified(text: str, value: Mapping[str, Any]) -> str:
    """A target or a time with its statistic, share and conditions."""
    statistic = STATISTIC_WORDS.get(value.get("statistic"))
    if statistic and value.get("share") is None:
        text = f"{text}, {statistic}"
    if value.get("share") is not None:
        text += f", for {number(value.get('share'))}% of cases"
    conditions = value.get("conditions")
    if isinstance(conditions, list) and conditions:
        text += " (" + "; ".join(str(c) for c in conditions) + ")"
    return text


def target(value: Any) -> str:
    """ "Time to answer a call: at most 2 minutes, for 90% of cases"."""
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    figure = amount(value.get("value"), value.get("unit"), value.get("scale_max"))
    comparator = value.get("comparator")
    if comparator is None:
        text = f"within {figure}" if isinstance(value.get("value"), Mapping) else figure
    else:
        text = f"{COMPARATOR_WORDS.get(comparator, str(comparator))} {figure}"
    text = _qualified(text, value)
    metric = value.get("metric") or value.get("name")
    return f"{metric}: {text}" if metric else text


def result(value: Any, target_value: Any = None) -> str:
    """One result of a standard, in the unit of its target."""
    if not isinstance(value, Mapping):
        return str(value)
    parts = []
    if value.get("share_met") is not None:
        parts.append(f"{amount(value['share_met'], 'percent')} met")
    if value.get("value") is not None:
        unit = target_value.get("unit") if isinstance(target_value, Mapping) else None
        scale = target_value.get("scale_max") if isinstance(target_value, Mapping) else None
        parts.append(amount(value["value"], unit, scale) if unit else amount(value["value"], ""))
    if value.get("met") is not None:
        parts.append("met, as reported" if value["met"] else "not met, as reported")
    if value.get("cases") is not None:
        parts.append(f"{number(value['cases'])} cases")
    volume = value.get("volume")
    if isinstance(volume, Mapping):
        parts.append(f"{number(volume.get('count'))} {volume.get('what')}")
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
    """A plan period `{start, end}` as "2026-01-01 to 2026-12-31", or as
    the plan writes it (FY2025)."""
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    if value.get("end") is None:
        return f"from {value.get('start')}"
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

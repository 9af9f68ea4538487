"""Dates written another way than YYYY-MM-DD, read back as the date they
most likely mean, so that the fix can give it: `01/15/2026` is `2026-01-15`.
A date such as `12/01/2026` reads two ways; both are offered, each named."""

from __future__ import annotations

import calendar
import re
from datetime import date

_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})\s*$")
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_FIRST = re.compile(r"^\s*([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$")
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\s*$")


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _spoken(day: date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


def readings(text: str) -> list[tuple[date, str]]:
    """Each real date `text` can mean, with how it was read, most likely first."""
    named = _MONTH_FIRST.match(text) or _DAY_FIRST.match(text)
    if named is not None:
        first, second, year = named.groups()
        month_word, day = (first, second) if named.re is _MONTH_FIRST else (second, first)
        month = _MONTHS.get(month_word.lower())
        found = _real(int(year), month, int(day)) if month else None
        return [(found, "")] if found else []
    numeric = _NUMERIC.match(text)
    if numeric is None:
        return []
    a, b, c = (int(part) for part in numeric.groups())
    if len(numeric.group(1)) == 4:
        found = _real(a, b, c)
        return [(found, "")] if found else []
    if len(numeric.group(3)) != 4:
        return []  # a two-digit year: which century is not ours to guess
    month_first, day_first = _real(c, a, b), _real(c, b, a)
    out = []
    if month_first is not None:
        out.append((month_first, "month first, as in the US"))
    if day_first is not None and day_first != month_first:
        out.append((day_first, "day first"))
    return out


def date_hint(text: str) -> str:
    """The fix for a date written another way, or "" when it reads as none."""
    found = readings(text)
    if len(found) == 1:
        day, _ = found[0]
        return f"Write it as `{day.isoformat()}` ({_spoken(day)}): year, month, day."
    if len(found) == 2:
        (one, how_one), (other, how_other) = found
        return (
            f"Write it as year, month, day: `{one.isoformat()}` for {_spoken(one)} "
            f"({how_one}), or `{other.isoformat()}` for {_spoken(other)} ({how_other})."
        )
    return ""

"""Reporting periods ("2026", "2026-Q1", "2026-03") and the dates they cover."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")

FREQUENCY_OF_KIND = {"year": "yearly", "quarter": "quarterly", "month": "monthly"}


def period_kind(period: str) -> str | None:
    """ "year", "quarter" or "month"; None for text that is not a period."""
    match = _PERIOD.match(period)
    if not match:
        return None
    if match.group(2):
        return "quarter"
    if match.group(3):
        return "month"
    return "year"


def period_bounds(period: str) -> tuple[date, date] | None:
    """First and last day of a period; None for text that is not a period."""
    match = _PERIOD.match(period)
    if not match:
        return None
    year = int(match.group(1))
    if year < 1:
        return None
    if match.group(2):
        first_month = (int(match.group(2)) - 1) * 3 + 1
        last_month = first_month + 2
    elif match.group(3):
        first_month = last_month = int(match.group(3))
    else:
        first_month, last_month = 1, 12
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1), date(year, last_month, last_day)


def parse_date(value: object) -> date | None:
    """A YYYY-MM-DD string as a date; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None

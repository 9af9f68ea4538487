"""Periods and dates as agencies write them, and the days they cover.

A reporting period is a year ("2026"), a half ("2026-H1"), a quarter
("2026-Q1"), a month ("2026-03"), an ISO week ("2026-W05"), a fiscal year
("FY2025", the one that ends in 2025; "2024-25" or "FY2024-25", the one from
2024 to 2025), a fiscal half or quarter ("FY2025-H1", "FY2025-Q1") or any
range of dates ("2022-07-01/2023-05-10", "2018-07/2019-06").

A fiscal year's months follow the month the plan says its fiscal year starts
in. Where the plan does not say, a fiscal period still has bounds: the
earliest day it can start and the latest it can end (`exact` is False), so
that checks stay true whatever the month.

A date is written with the precision its source gives: a year ("1994"), a
month ("1994-09") or a day ("1994-09-01"); `LooseDate` keeps which."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import total_ordering

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CALENDAR = re.compile(
    r"^(\d{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|W(?P<week>\d{2})|(?P<two>\d{2})))?$"
)
_FISCAL = re.compile(r"^FY(\d{4})(?:-(\d{2}))?(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])))?$")

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# How often results of each kind of period are reported; a range of dates
# fits any frequency.
FREQUENCY_OF_KIND = {
    "year": "yearly",
    "fiscal-year": "yearly",
    "half": "twice-a-year",
    "fiscal-half": "twice-a-year",
    "quarter": "quarterly",
    "fiscal-quarter": "quarterly",
    "month": "monthly",
    "week": "weekly",
}
# An example period of each frequency, for messages.
EXAMPLE_OF_FREQUENCY = {
    "weekly": "2026-W05",
    "monthly": "2026-03",
    "quarterly": "2026-Q1",
    "twice-a-year": "2026-H1",
    "yearly": "2026 (or FY2026)",
}


@total_ordering
@dataclass(frozen=True, slots=True)
class LooseDate:
    """A date as precise as its source: `month` and `day` are None where it
    does not give them. `first` and `last` are the days it may stand for."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        if self.day:
            return self.first
        if self.month:
            return _month_end(self.year, self.month)
        return date(self.year, 12, 31)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, LooseDate):
            return NotImplemented
        return (self.first, self.last) < (other.first, other.last)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def parse_loose_date(value: object) -> LooseDate | None:
    """ "1994", "1994-09" or "1994-09-01" as a `LooseDate`; None for anything
    else, an impossible day included."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return LooseDate(year, month, day)


def parse_date(value: object) -> date | None:
    """A YYYY-MM-DD string as a date; None for anything else."""
    found = parse_loose_date(value)
    return found.first if found is not None and found.precision == "day" else None


def month_number(name: object) -> int | None:
    """ "april" -> 4; None for anything that is not a month's name."""
    return MONTHS.index(name) + 1 if isinstance(name, str) and name in MONTHS else None


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period. `start` and `end` are its first and last days;
    when a fiscal period's months are unknown, the earliest and latest they
    can be (`exact` False). `number` is the half, quarter or week; a fiscal
    year runs from `first_year` to `last_year` (the same year for a fiscal
    year that is a calendar year)."""

    text: str
    kind: str
    start: date
    end: date
    exact: bool = True
    number: int | None = None
    first_year: int | None = None
    last_year: int | None = None
    since: LooseDate | None = None  # for a range: its ends as written
    until: LooseDate | None = None

    @property
    def fiscal(self) -> bool:
        return self.kind.startswith("fiscal")


def parse_period(text: object, fiscal_start: int | None = None) -> Period | None:
    """The period `text` names, its fiscal years starting in month
    `fiscal_start` (1-12, None when the plan does not say); None when it is
    not a period (see `period_problem` for why)."""
    if not isinstance(text, str):
        return None
    found = _parse(text, fiscal_start)
    return found if isinstance(found, Period) else None


def period_problem(text: str, fiscal_start: int | None = None) -> str | None:
    """Why `text`, which has the form of a period, is not one ("2024-26":
    the second year must follow the first); None when it is one, or when it
    does not even have the form (which the schema says)."""
    found = _parse(text, fiscal_start)
    return found if isinstance(found, str) else None


def _parse(text: str, fiscal_start: int | None) -> Period | str | None:
    if "/" in text:
        return _range(text)
    if text.startswith("FY"):
        return _fiscal(text, fiscal_start)
    match = _CALENDAR.match(text)
    if not match:
        return None
    year = int(match.group(1))
    if year < 1:
        return "There is no year 0."
    if match.group("half"):
        half = int(match.group("half"))
        return _months(text, "half", year, (half - 1) * 6 + 1, 6, number=half)
    if match.group("quarter"):
        quarter = int(match.group("quarter"))
        return _months(text, "quarter", year, (quarter - 1) * 3 + 1, 3, number=quarter)
    if match.group("week"):
        return _week(text, year, int(match.group("week")))
    two = match.group("two")
    if two is None:
        return Period(text, "year", date(year, 1, 1), date(year, 12, 31), first_year=year)
    if 1 <= int(two) <= 12:
        return _months(text, "month", year, int(two), 1)
    return _fiscal_span(text, year, int(two), fiscal_start)


def _months(
    text: str, kind: str, year: int, first_month: int, count: int, *, number: int | None = None
) -> Period:
    start = date(year, first_month, 1)
    end = _add_months(start, count) - timedelta(days=1)
    return Period(text, kind, start, end, number=number, first_year=year, last_year=year)


def _week(text: str, year: int, week: int) -> Period | str:
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        return f"{year} has no week {week}."
    return Period(text, "week", start, start + timedelta(days=6), number=week, first_year=year)


def _range(text: str) -> Period | str | None:
    first_text, _, last_text = text.partition("/")
    first, last = parse_loose_date(first_text), parse_loose_date(last_text)
    if not (_DATE.match(first_text) and _DATE.match(last_text)):
        return None
    if first is None or last is None:
        bad = first_text if first is None else last_text
        return f"`{bad}` is not a real date."
    if last.last < first.first:
        return "The range ends before it starts."
    return Period(text, "range", first.first, last.last, since=first, until=last)


def _fiscal_span(text: str, year: int, two: int, fiscal_start: int | None) -> Period | str:
    """ "2024-25": the fiscal year from 2024 to 2025."""
    if two != (year + 1) % 100:
        return f"A fiscal year from {year} ends in {year + 1}: write {year}-{(year + 1) % 100:02d}."
    if fiscal_start == 1:
        return (
            "The plan's fiscal year starts in January, so each fiscal year is a calendar "
            f"year: write FY{year + 1} or {year + 1}."
        )
    return _fiscal_year(text, year + 1, fiscal_start, spans=True)


def _fiscal(text: str, fiscal_start: int | None) -> Period | str | None:
    match = _FISCAL.match(text)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2) is not None:
        spanned = _fiscal_span(text, year, int(match.group(2)), fiscal_start)
        if isinstance(spanned, str):
            return spanned
        whole = spanned
    else:
        whole = _fiscal_year(text, year, fiscal_start, spans=False)
    if match.group("quarter"):
        return _fiscal_part(whole, "fiscal-quarter", int(match.group("quarter")), 3)
    if match.group("half"):
        return _fiscal_part(whole, "fiscal-half", int(match.group("half")), 6)
    return whole


def _fiscal_year(text: str, last_year: int, fiscal_start: int | None, *, spans: bool) -> Period:
    """The fiscal year that ends in `last_year`."""
    if fiscal_start is None:
        # It ends in `last_year`; if written 2024-25, it starts in the year before.
        start = date(last_year - 1, 2, 1)
        end = date(last_year, 11 if spans else 12, 30 if spans else 31)
        return Period(
            text,
            "fiscal-year",
            start,
            end,
            exact=False,
            first_year=last_year - 1 if spans else last_year,
            last_year=last_year,
        )
    first_year = last_year if fiscal_start == 1 else last_year - 1
    start = date(first_year, fiscal_start, 1)
    end = _add_months(start, 12) - timedelta(days=1)
    return Period(text, "fiscal-year", start, end, first_year=first_year, last_year=last_year)


def _fiscal_part(whole: Period, kind: str, number: int, months: int) -> Period:
    if not whole.exact:
        return Period(
            whole.text,
            kind,
            whole.start,
            whole.end,
            exact=False,
            number=number,
            first_year=whole.first_year,
            last_year=whole.last_year,
        )
    start = _add_months(whole.start, (number - 1) * months)
    end = _add_months(start, months) - timedelta(days=1)
    return Period(
        whole.text,
        kind,
        start,
        end,
        number=number,
        first_year=whole.first_year,
        last_year=whole.last_year,
    )


def period_kind(text: str, fiscal_start: int | None = None) -> str | None:
    found = parse_period(text, fiscal_start)
    return found.kind if found else None


def period_bounds(text: str, fiscal_start: int | None = None) -> tuple[date, date] | None:
    """First and last day of a period; None for text that is not a period."""
    found = parse_period(text, fiscal_start)
    return (found.start, found.end) if found else None


def looks_like_fiscal_year(text: str) -> bool:
    """ "2011-12": a month (December 2011) that reads like the fiscal year
    from 2011 to 2012."""
    match = _CALENDAR.match(text)
    two = match.group("two") if match else None
    return two is not None and 1 <= int(two) <= 12 and int(two) == (int(text[:4]) + 1) % 100


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """The first of the month `months` after the month of `day` (a first)."""
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, 1)


def last_day_months_after(day: date, months: int) -> date:
    """The last day of the month `months` after the month of `day`."""
    return _add_months(day.replace(day=1), months + 1) - timedelta(days=1)

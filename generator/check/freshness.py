"""Is a plan kept up to date? A published plan is out of date when its period
has ended, or when its latest result is more than one reporting period plus 30
days old (the federal rule for quarterly customer data: results are due 30
days after the quarter). A plan that gives neither an end to its period nor
any result cannot be judged either way: its status is "unknown". "Today" is
always passed in, so tests can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.periods import (
    last_day_months_after,
    month_number,
    parse_loose_date,
    parse_period,
)

GRACE = timedelta(days=30)
# How long after a period's end the next period's results are due, in
# months (a week's are due a week later). Irregular results are never due.
_MONTHS = {"monthly": 1, "quarterly": 3, "twice-a-year": 6, "yearly": 12}
_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Freshness:
    """`status` is "current", "out-of-date", "unknown" (a plan with neither
    an end nor a result) or "not-judged" (drafts and superseded plans);
    `reasons` say why, in plain words."""

    status: str
    reasons: tuple[str, ...]
    latest_period: str | None
    next_due: date | None
    plan_ended: date | None = None  # set when the plan period is over
    # The period, where its last day is not known (a fiscal year whose months
    # the plan does not give): it has ended, on a day the plan does not say.
    ended_period: str | None = None
    results_overdue: bool = False  # newer results were due by next_due
    fiscal_start: int | None = None  # the month the plan's fiscal year starts in


NOT_JUDGED = Freshness("not-judged", (), None, None)


def _latest_result(plan: dict[str, Any], fiscal_start: int | None) -> tuple[str, date, str] | None:
    """(period, last day, frequency) of the most recent result in the plan."""
    latest: tuple[str, date, str] | None = None
    for section in ("standards", "service_levels"):
        for record in plan.get(section) or []:
            if not isinstance(record, dict):
                continue
            measurement = record.get("measurement")
            frequency = (
                (measurement.get("frequency") if isinstance(measurement, dict) else None)
                or record.get("frequency")
                or "quarterly"
            )
            for owner in [record, *(t for t in record.get("targets") or [] if isinstance(t, dict))]:
                for result in owner.get("results") or []:
                    period = result.get("period") if isinstance(result, dict) else None
                    found = parse_period(period, fiscal_start)
                    if found and (latest is None or found.end > latest[1]):
                        latest = (found.text, found.end, str(frequency))
    return latest


def _next_due(last_day: date, frequency: str) -> date | None:
    if frequency == "weekly":
        return last_day + _WEEK + GRACE
    months = _MONTHS.get(frequency)
    if months is None and frequency != "irregular":
        months = 3
    return last_day_months_after(last_day, months) + GRACE if months is not None else None


def plan_end(info: dict[str, Any], fiscal_start: int | None) -> date | None:
    """The last day of the plan's period, if it gives one (for a fiscal
    year whose months it does not give, the latest it can be)."""
    period = info.get("period")
    if isinstance(period, str):
        found = parse_period(period, fiscal_start)
        return found.end if found else None
    if isinstance(period, dict):
        end = parse_loose_date(period.get("end"))
        return end.last if end else None
    return None


def freshness(plan: dict[str, Any], today: date) -> Freshness:
    """Whether a plan is current on `today`, and why not."""
    info = plan.get("plan") if isinstance(plan.get("plan"), dict) else {}
    if info.get("status") != "published":
        return NOT_JUDGED
    reasons: list[str] = []
    fiscal_start = month_number(info.get("fiscal_year_starts"))
    end = plan_end(info, fiscal_start)
    period = info.get("period")
    found = parse_period(period, fiscal_start) if isinstance(period, str) else None
    inexact = period if found is not None and not found.exact else None
    if end and end < today:
        when = (
            f"The plan period ({inexact}) has ended"
            if inexact
            else f"The plan period ended on {end}"
        )
        reasons.append(f"{when}; a new plan is due.")
    latest = _latest_result(plan, fiscal_start)
    next_due = None
    if latest:
        name, last_day, frequency = latest
        next_due = _next_due(last_day, frequency)
        if next_due and today > next_due:
            reasons.append(
                f"The latest results are for {name}; newer results were due by {next_due}."
            )
    if reasons:
        status = "out-of-date"
    elif end is None and next_due is None:
        status = "unknown"
    else:
        status = "current"
    return Freshness(
        status,
        tuple(reasons),
        latest[0] if latest else None,
        next_due,
        plan_ended=end if end and end < today else None,
        ended_period=inexact if end and end < today else None,
        results_overdue=bool(next_due and today > next_due),
        fiscal_start=fiscal_start,
    )

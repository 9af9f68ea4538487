"""Is a plan kept up to date? A published plan is out of date when its period
has ended, or when its latest result is more than one reporting period plus 30
days old (the federal rule for quarterly customer data: results are due 30
days after the quarter). "Today" is always passed in, so tests can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.periods import parse_date, period_bounds

GRACE = timedelta(days=30)
_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


@dataclass(frozen=True, slots=True)
class Freshness:
    """`status` is "current", "out-of-date" or "not-judged" (drafts and
    superseded plans); `reasons` say why, in plain words."""

    status: str
    reasons: tuple[str, ...]
    latest_period: str | None
    next_due: date | None
    plan_ended: date | None = None  # set when the plan period is over
    results_overdue: bool = False  # newer results were due by next_due


NOT_JUDGED = Freshness("not-judged", (), None, None)


def _add_months(day: date, months: int) -> date:
    """The last day of the month `months` after the month of `day`."""
    year, month = divmod(day.month - 1 + months, 12)
    first_after = date(day.year + year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first_after - timedelta(days=1)


def _latest_result(plan: dict[str, Any]) -> tuple[str, date, str] | None:
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
            for result in record.get("results") or []:
                period = result.get("period") if isinstance(result, dict) else None
                bounds = period_bounds(period) if isinstance(period, str) else None
                if bounds and (latest is None or bounds[1] > latest[1]):
                    latest = (period, bounds[1], frequency)  # type: ignore[assignment]
    return latest


def freshness(plan: dict[str, Any], today: date) -> Freshness:
    """Whether a plan is current on `today`, and why not."""
    info = plan.get("plan") if isinstance(plan.get("plan"), dict) else {}
    if info.get("status") != "published":
        return NOT_JUDGED
    reasons: list[str] = []
    period = info.get("period") if isinstance(info.get("period"), dict) else {}
    end = parse_date(period.get("end"))
    if end and end < today:
        reasons.append(f"The plan period ended on {end}; a new plan is due.")
    latest = _latest_result(plan)
    next_due = None
    if latest:
        name, last_day, frequency = latest
        next_due = _add_months(last_day, _MONTHS.get(frequency, 3)) + GRACE
        if today > next_due:
            reasons.append(
                f"The latest results are for {name}; newer results were due by {next_due}."
            )
    status = "out-of-date" if reasons else "current"
    return Freshness(
        status,
        tuple(reasons),
        latest[0] if latest else None,
        next_due,
        plan_ended=end if end and end < today else None,
        results_overdue=bool(next_due and today > next_due),
    )

"""Rules about promises' targets and their results: a target says what it
measures in terms a result can be read against (a comparator, a statistic,
a share); every result has a period that fits the plan and its reporting
frequency, and a figure that fits its target (the measured average for an
average, the share of cases for a share)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date
from typing import Any

from generator.check.finding import Finding
from generator.check.rules import (
    PlanView,
    is_number,
    over,
    records,
    result_lists,
    rule,
    section,
    warning,
)
from generator.periods import (
    EXAMPLE_OF_FREQUENCY,
    FREQUENCY_OF_KIND,
    looks_like_fiscal_year,
    parse_loose_date,
    parse_period,
    period_problem,
)

Path = tuple[Any, ...]
Data = dict[str, Any]
TIME_UNITS = frozenset(
    {"seconds", "minutes", "hours", "calendar-days", "business-days", "days", "weeks", "months"}
    | {"years"}
)


def targets_of(standard: Data, path: Path) -> Iterator[tuple[Path, Data, Path, Data]]:
    """(path, target, path of what holds its results, what holds them) for
    the standard's one `target`, or each of its `targets`."""
    target = standard.get("target")
    if isinstance(target, dict):
        yield (*path, "target"), target, path, standard
    for position, tier in records(standard, "targets"):
        where = (*path, "targets", position)
        yield where, tier, where, tier


def statistic_of(target: Data) -> str | None:
    """The statistic a target promises: as it says, or a share when it gives one."""
    statistic = target.get("statistic")
    if isinstance(statistic, str):
        return statistic
    return "share" if "share" in target else None


def plan_span(plan: PlanView) -> tuple[date | None, date | None]:
    """The first and last days the plan may cover (None where unknown)."""
    info = section(plan.data, "plan")
    period = info.get("period")
    if isinstance(period, str):
        found = parse_period(period, plan.fiscal_start)
        return (found.start, found.end) if found else (None, None)
    if isinstance(period, dict):
        start, end = parse_loose_date(period.get("start")), parse_loose_date(period.get("end"))
        return (start.first if start else None), (end.last if end else None)
    return None, None


@rule("result-periods")
def result_periods(plan: PlanView) -> Iterator[Finding]:
    plan_end = plan_span(plan)[1]
    for name in ("standards", "service_levels"):
        for index, record in records(plan.data, name):
            measurement = record.get("measurement")
            frequency = (
                measurement.get("frequency")
                if isinstance(measurement, dict)
                else record.get("frequency")
            )
            for path, owner in result_lists(record, (name, index)):
                yield from _periods_of(owner, path, plan, plan_end, frequency)
    for index, combined in records(plan.data, "combined_results"):
        yield from _period(combined.get("period"), ("combined_results", index, "period"), plan)


def _period(text: Any, where: Path, plan: PlanView) -> Iterator[Finding]:
    """What is wrong with one period on its own."""
    if not isinstance(text, str):
        return
    problem = period_problem(text, plan.fiscal_start)
    if problem:
        yield Finding(where, f"`{text}` is not a period.", problem)
        return
    if looks_like_fiscal_year(text):
        year, month = int(text[:4]), int(text[5:7])
        yield warning(
            where,
            f"`{text}` is read as a month: {calendar.month_name[month]} {year}.",
            f"If it means the fiscal year from {year} to {year + 1}, write FY{text}.",
        )


def _periods_of(
    owner: Data, path: Path, plan: PlanView, plan_end: date | None, frequency: Any
) -> Iterator[Finding]:
    seen: set[str] = set()
    previous: date | None = None
    for position, result in records(owner, "results"):
        text = result.get("period")
        where = (*path, "results", position, "period")
        yield from _period(text, where, plan)
        period = parse_period(text, plan.fiscal_start) if isinstance(text, str) else None
        if period is None:
            continue
        if text in seen:
            yield Finding(
                where, f"There are two results for {text}.", "Keep one result per period."
            )
        seen.add(text)
        if plan_end and period.start > plan_end:
            yield Finding(
                where,
                f"The result for {text} is after the end of the plan period ({plan_end}).",
                "Report it in the next plan.",
            )
        elif period.start > plan.today and period.exact:  # one mistake, one error
            yield Finding(
                where,
                f"The period {text} has not started yet (today is {plan.today}).",
                "Add this result once the period has begun.",
            )
        if previous and period.start < previous:
            yield warning(
                where,
                f"The result for {text} comes after a later period.",
                "List results oldest first.",
            )
        previous = period.start
        expected = FREQUENCY_OF_KIND.get(period.kind)
        if isinstance(frequency, str) and expected and expected != frequency:
            example = EXAMPLE_OF_FREQUENCY.get(frequency)
            kind = period.kind.replace("-", " ")
            yield Finding(
                where,
                f"{text} is a {kind}, but results here are reported {frequency}.",
                f"Use periods that match the measurement frequency, such as {example}."
                if example
                else "",
            )


@rule("target-units")
def target_units(plan: PlanView) -> Iterator[Finding]:
    for index, standard in records(plan.data, "standards"):
        if "target" in standard and "targets" in standard:
            yield Finding(
                ("standards", index, "targets"),
                "This promise has both `target` and `targets`.",
                "Keep `target` for a promise with one number, or `targets` for one with several "
                "parts, each with its own number.",
                at_key=True,
            )
        for where, target, _, _ in targets_of(standard, ("standards", index)):
            yield from _target(target, where, plan)
        if (
            plan.first_format
            and isinstance(standard.get("target"), dict)
            and "measurement" not in standard
        ):
            yield warning(
                ("standards", index),
                "This standard has a target but does not say how it is measured.",
                "Add `measurement:` with the data `source` and the reporting `frequency`.",
            )


def _target(target: Data, where: Path, plan: PlanView) -> Iterator[Finding]:
    unit, value = target.get("unit"), target.get("value")
    if unit == "percent" and over(_upper(value), 100):
        yield Finding((*where, "value"), "A percentage cannot be over 100.")
    if unit == "score" and "scale_max" not in target:
        message = "A score needs `scale_max`, the top of the scale."
        hint = "Add scale_max, such as 5 for a score out of 5."
        if plan.first_format:
            yield Finding(where, message, hint, at_key=True)
        else:
            yield warning(where, message, hint + " Leave it out only if the source does not say.")
    scale = target.get("scale_max")
    if is_number(scale) and over(_upper(value), scale):
        yield Finding((*where, "value"), f"The target is above the top of the scale ({scale}).")
    yield from _range_order(value, (*where, "value"))
    if plan.first_format:
        return
    if "comparator" not in target and not (isinstance(value, dict) and unit in TIME_UNITS):
        yield Finding(
            where,
            "This target needs a `comparator`: whether the number is a most or a least.",
            "Add comparator: at-most (a time or a count that must not be exceeded), at-least (a "
            "rate or a score to reach), less-than or more-than.",
            at_key=True,
        )
    if target.get("comparator") == "between" and not isinstance(value, dict):
        yield Finding(
            (*where, "comparator"),
            "`between` is for a window, given as a range of values.",
            "Give the value as a range, such as value: {from: 9, to: 13}.",
        )
    statistic = target.get("statistic")
    if statistic == "share" and "share" not in target:
        yield Finding(
            (*where, "statistic"),
            "A share of cases needs `share`, the percent of cases the target covers.",
            'Add share, such as 90 for "90% of calls within 2 minutes".',
        )
    if "share" in target and isinstance(statistic, str) and statistic != "share":
        yield Finding(
            (*where, "share"),
            f"`share` is for a share of cases, but this target is statistic {statistic}.",
            "Set statistic: share, or remove `share`.",
        )
    if unit == "days":
        yield warning(
            (*where, "unit"),
            "`days` does not say which days are counted.",
            "If the source says, use calendar-days or business-days (working days).",
        )


def _upper(value: Any) -> Any:
    return value.get("to") if isinstance(value, dict) else value


def _range_order(value: Any, where: Path) -> Iterator[Finding]:
    if not (
        isinstance(value, dict) and is_number(value.get("from")) and is_number(value.get("to"))
    ):
        return
    if value["from"] >= value["to"]:
        yield Finding(
            where,
            f"The range goes from {value['from']} to {value['to']}: its lower end must come first.",
            "Write the smaller number as `from` and the larger as `to`.",
        )


@rule("result-values")
def result_values(plan: PlanView) -> Iterator[Finding]:
    for index, standard in records(plan.data, "standards"):
        path = ("standards", index)
        has_target = "target" in standard or "targets" in standard
        if list(records(standard, "results")) and not has_target:
            yield Finding(
                (*path, "results"),
                "This standard has results but no target to measure them against.",
                "Add a `target:`, or move the figures into the promise's text.",
            )
        for _, target, owner_path, owner in targets_of(standard, path):
            if not isinstance(target, dict):
                continue
            for position, result in records(owner, "results"):
                where = (*owner_path, "results", position)
                yield from _figure(result, target, where, plan)
        if "targets" in standard:
            for position, result in records(standard, "results"):
                where = (*path, "results", position)
                yield from _any_figure(result, where)


def _figure(result: Data, target: Data, where: Path, plan: PlanView) -> Iterator[Finding]:
    statistic = statistic_of(target)
    has = {key for key in ("value", "share_met", "met") if key in result}
    if plan.first_format:
        yield from _first_format_figure(result, target, where)
    elif statistic == "share" and not has & {"share_met", "met"}:
        yield _needs_share_met(target, where)
    elif statistic in ("average", "median") and "share_met" in result:
        yield Finding(
            (*where, "share_met"),
            f"The target is {'an' if statistic == 'average' else 'a'} {statistic}: the result is "
            f"the measured {statistic}, not a share of cases.",
            f"Give the measured {statistic} as `value`, in the target's unit.",
        )
    elif not has:
        yield _needs_figure(where)
    if "share" in target and "value" in result and "share_met" in result:
        yield warning(
            (*where, "value"),
            "Both `value` and `share_met` are given; the status uses `share_met`.",
        )
    if target.get("unit") == "percent" and over(_upper(result.get("value")), 100):
        yield Finding((*where, "value"), "A percentage cannot be over 100.")
    for key in ("value", "share_met"):
        yield from _range_order(result.get(key), (*where, key))


def _first_format_figure(result: Data, target: Data, where: Path) -> Iterator[Finding]:
    if "share" in target and "share_met" not in result:
        yield _needs_share_met(target, where)
    if "share" not in target and "value" not in result:
        yield Finding(
            where,
            "This result needs `value`: the measured figure in the target's unit.",
            "Targets without a `share` take a `value`; `share_met` is for targets "
            "that cover a share of cases.",
            at_key=True,
        )


def _needs_share_met(target: Data, where: Path) -> Finding:
    return Finding(
        where,
        "This result needs `share_met`: the target covers a share of cases.",
        f"Give the percent of cases that met the target, such as share_met: "
        f"{target.get('share')}. Use `value` only for targets without a share.",
        at_key=True,
    )


def _needs_figure(where: Path) -> Finding:
    return Finding(
        where,
        "This result gives no figure.",
        "Give `share_met` (the percent of cases that met the target), `value` (the measured "
        "figure) or, where the source says only whether the target was met, `met: true` or "
        "`met: false`.",
        at_key=True,
    )


def _any_figure(result: Data, where: Path) -> Iterator[Finding]:
    if not {"value", "share_met", "met"} & set(result):
        yield _needs_figure(where)
    for key in ("value", "share_met"):
        yield from _range_order(result.get(key), (*where, key))


@rule("combined-results")
def combined_results(plan: PlanView) -> Iterator[Finding]:
    for index, combined in records(plan.data, "combined_results"):
        where = ("combined_results", index)
        if "share_met" not in combined and "value" not in combined:
            yield Finding(
                where,
                "A combined result needs a figure: `share_met` or `value`.",
                "Give share_met (the percent of cases that met their standard), or value with its "
                "unit.",
                at_key=True,
            )
        if "value" in combined and "unit" not in combined:
            yield Finding(
                where, "A `value` needs its `unit`.", "Add unit, such as percent or minutes.", True
            )
        if combined.get("unit") == "percent" and over(_upper(combined.get("value")), 100):
            yield Finding((*where, "value"), "A percentage cannot be over 100.")
        for key in ("value", "share_met"):
            yield from _range_order(combined.get(key), (*where, key))


@rule("service-levels")
def service_levels(plan: PlanView) -> Iterator[Finding]:
    for index, level in records(plan.data, "service_levels"):
        where = ("service_levels", index)
        if "status_message" not in level and "resolution" not in level:
            yield Finding(
                where,
                "A service level agreement needs a time: `status_message`, `resolution` or both.",
                "Add status_message (how soon the customer hears what is happening) or resolution "
                "(how soon the request is resolved).",
                at_key=True,
            )
        for position, result in records(level, "results"):
            if "resolution_met" in result and "resolution" not in level:
                yield Finding(
                    (*where, "results", position, "resolution_met"),
                    "This result gives `resolution_met`, but no resolution time is set.",
                    "Add `resolution:` to the service level, or remove resolution_met.",
                )
        for key in ("status_message", "resolution"):
            yield from _duration(level.get(key), (*where, key))


@rule("durations")
def durations(plan: PlanView) -> Iterator[Finding]:
    """Times of complaints and their stages and escalation."""
    complaints = section(plan.data, "complaints")
    for key in ("acknowledgement_time", "response_time"):
        yield from _duration(complaints.get(key), ("complaints", key))
    for index, stage in records(complaints, "stages"):
        for key in ("acknowledgement_time", "response_time"):
            yield from _duration(stage.get(key), ("complaints", "stages", index, key))
    escalation = complaints.get("escalation")
    if isinstance(escalation, dict):
        where = ("complaints", "escalation", "response_time")
        yield from _duration(escalation.get("response_time"), where)
    for index, body in records(complaints, "escalation"):
        yield from _duration(
            body.get("response_time"), ("complaints", "escalation", index, "response_time")
        )


def _duration(value: Any, where: Path) -> Iterator[Finding]:
    if not isinstance(value, dict):
        return
    yield from _range_order(value.get("value"), (*where, "value"))
    statistic = value.get("statistic")
    if "share" in value and isinstance(statistic, str) and statistic != "share":
        yield Finding(
            (*where, "share"),
            f"`share` is for a share of cases, but this time is statistic {statistic}.",
            "Set statistic: share, or remove `share`.",
        )

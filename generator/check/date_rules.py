"""Rules about dates: the plan's period and publication, and every date a
plan gives with the precision of its source (a year, a month or a day), which
must be a real one and, where it says something happened, not in the future."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date
from typing import Any

from generator.check.finding import Finding
from generator.check.rules import (
    PlanView,
    records,
    result_lists,
    rule,
    section,
    source_references,
    warning,
)
from generator.periods import LooseDate, looks_like_fiscal_year, parse_loose_date, period_problem

Path = tuple[Any, ...]


@rule("plan-dates")
def plan_dates(plan: PlanView) -> Iterator[Finding]:
    info = section(plan.data, "plan")
    if not info:
        return
    period = info.get("period")
    if isinstance(period, str):
        problem = period_problem(period, plan.fiscal_start)
        if problem:
            yield Finding(("plan", "period"), f"`{period}` is not a period.", problem)
        elif looks_like_fiscal_year(period):
            year, month = int(period[:4]), int(period[5:7])
            yield warning(
                ("plan", "period"),
                f"`{period}` is read as a month: {calendar.month_name[month]} {year}.",
                f"If it means the fiscal year from {year} to {year + 1}, write FY{period}.",
            )
    elif isinstance(period, dict):
        yield from _period_order(period)
    published, updated = (
        parse_loose_date(info.get("published")),
        parse_loose_date(info.get("updated")),
    )
    if published and published.first > plan.today:
        yield Finding(
            ("plan", "published"),
            f"The publication date {published} is in the future (today is {plan.today}).",
            "Use the date the plan is actually published, or set status: draft.",
        )
    if updated and published and updated.last < published.first:
        yield Finding(
            ("plan", "updated"),
            f"The plan was updated ({updated}) before it was published ({published}).",
        )
    if updated and updated.first > plan.today:
        yield Finding(
            ("plan", "updated"),
            f"The update date {updated} is in the future (today is {plan.today}).",
        )


def _period_order(period: dict[str, Any]) -> Iterator[Finding]:
    start, end = parse_loose_date(period.get("start")), parse_loose_date(period.get("end"))
    if start and end and (end.last <= start.first if end.day else end.last < start.first):
        yield Finding(
            ("plan", "period", "end"),
            f"The plan period ends ({end}) before it starts ({start}).",
            "The end date must come after the start date.",
        )


@rule("real-dates")
def real_dates(plan: PlanView) -> Iterator[Finding]:
    """Every date written with its day is a day of the calendar (the schema
    reads the form only: 2026-02-30 has the form of a date). Format 1.0's
    schema checks its dates itself."""
    if plan.first_format:
        return
    for path, value in _loose_dates(plan.data):
        if isinstance(value, str) and parse_loose_date(value) is None:
            yield Finding(
                path,
                f"`{value}` is not a real date.",
                "Check the day and the month: write YYYY-MM-DD, or leave out the day (YYYY-MM) "
                "when the source does not give it.",
            )


def _loose_dates(data: dict[str, Any]) -> Iterator[tuple[Path, Any]]:
    info = section(data, "plan")
    for key in ("published", "updated"):
        if key in info:
            yield ("plan", key), info[key]
    period = info.get("period")
    if isinstance(period, dict):
        for key in ("start", "end"):
            if key in period:
                yield ("plan", "period", key), period[key]
    for index, source in records(data, "sources"):
        if "date" in source:
            yield ("sources", index, "date"), source["date"]
    for path, value in source_references(data):
        if isinstance(value, dict) and "date" in value:
            yield (*path, "date"), value["date"]
    for index, benchmark in records(data, "benchmarks"):
        source = benchmark.get("source")
        if isinstance(source, dict) and "date" in source:
            yield ("benchmarks", index, "source", "date"), source["date"]
    for index, survey in records(data, "surveys"):
        if "next" in survey:
            yield ("surveys", index, "next"), survey["next"]
    for index, initiative in records(data, "initiatives"):
        for position, milestone in records(initiative, "milestones"):
            for key in ("due", "done_on"):
                if key in milestone:
                    yield ("initiatives", index, "milestones", position, key), milestone[key]


@rule("past-dates")
def past_dates(plan: PlanView) -> Iterator[Finding]:
    """What a plan says has happened (a source published, a result revised)
    is not in the future."""
    for index, benchmark in records(plan.data, "benchmarks"):
        source = benchmark.get("source")
        when = parse_loose_date(source.get("date")) if isinstance(source, dict) else None
        yield from _not_future(when, ("benchmarks", index, "source", "date"), plan.today)
    for index, source in records(plan.data, "sources"):
        yield from _not_future(
            parse_loose_date(source.get("date")), ("sources", index, "date"), plan.today
        )
    for path, value in source_references(plan.data):
        if isinstance(value, dict):
            yield from _not_future(parse_loose_date(value.get("date")), (*path, "date"), plan.today)
    for name in ("standards", "service_levels"):
        for index, record in records(plan.data, name):
            for where, owner in result_lists(record, (name, index)):
                for position, result in records(owner, "results"):
                    revised = result.get("revised")
                    when = (
                        parse_loose_date(revised.get("date")) if isinstance(revised, dict) else None
                    )
                    path = (*where, "results", position, "revised", "date")
                    yield from _not_future(when, path, plan.today)


def _not_future(when: LooseDate | None, path: Path, today: date) -> Iterator[Finding]:
    if when and when.first > today:
        yield Finding(path, f"{when} is in the future (today is {today}).")


@rule("survey-dates")
def survey_dates(plan: PlanView) -> Iterator[Finding]:
    for index, survey in records(plan.data, "surveys"):
        next_date = parse_loose_date(survey.get("next"))
        if next_date and next_date.last < plan.today:
            yield warning(
                ("surveys", index, "next"),
                f"The next date of this survey ({next_date}) has passed.",
                "Give the date it will next be run.",
            )

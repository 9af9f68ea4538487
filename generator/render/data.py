"""The plans as data: one JSON file per plan, one per agency listing its
plans, data/plans.jsonl.gz (every plan, one a line, compressed),
data/standards.csv (one row per promise) and data/results.csv (one row per
result). The columns are declared once here; the Data page explains each
one from the message catalogue (data.columns.FILE.COLUMN)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.model import AgencyPlans, Plan
from generator.model.records import Result, Source, Standard, Target
from generator.render import urls
from generator.render.spreadsheet import csv_text


@dataclass(frozen=True, slots=True)
class PromiseRow:
    """A promise, or one part of a promise that has several (`target`)."""

    agency: AgencyPlans
    plan: Plan
    standard: Standard
    site_url: str
    target: Target | None = None


@dataclass(frozen=True, slots=True)
class ResultRow:
    promise: PromiseRow
    result: Result


Column = tuple[str, Callable[[Any], object]]


def _plan_columns(get: Callable[[Any], PromiseRow]) -> list[Column]:
    return [
        ("agency_id", lambda r: get(r).plan.agency.id),
        ("agency_name", lambda r: get(r).plan.agency.name),
        ("plan", lambda r: get(r).plan.key),
        ("plan_status", lambda r: get(r).plan.status),
        ("current", lambda r: get(r).plan is get(r).agency.current),
        ("standard_id", lambda r: get(r).standard.id),
    ]


def _promise_url(row: PromiseRow) -> str:
    return f"{row.site_url}{urls.plan_url(row.agency, row.plan)}#promise-{row.standard.id}"


def _target(row: PromiseRow, field: str) -> object:
    return getattr(row.target, field) if row.target else None


def _iso(day: object) -> str | None:
    return day.isoformat() if isinstance(day, date) else None


def _source(source: Source | None, field: str) -> object:
    if source is None:
        return None
    value = getattr(source, field)
    return str(value) if value is not None else None


def _latest(row: PromiseRow) -> Result | None:
    return row.target.latest if row.target else row.standard.latest


def _conditions(row: PromiseRow) -> str:
    """The promise's conditions and its target's, one per line."""
    found = [*row.standard.conditions, *(row.target.conditions if row.target else ())]
    return "\n".join(found)


STANDARD_COLUMNS: list[Column] = [
    *_plan_columns(lambda r: r),
    ("plan_start", lambda r: _iso(r.plan.start)),
    ("plan_end", lambda r: _iso(r.plan.end)),
    ("promise", lambda r: r.standard.promise),
    ("service_id", lambda r: r.standard.service and r.standard.service.id),
    ("service_name", lambda r: r.standard.service and r.standard.service.name),
    ("service_category", lambda r: r.standard.service and r.standard.service.category),
    ("channel_ids", lambda r: " ".join(c.id for c in r.standard.channels)),
    ("channel_types", lambda r: " ".join(dict.fromkeys(c.type for c in r.standard.channels))),
    ("metric", lambda r: _target(r, "metric")),
    ("comparator", lambda r: _target(r, "comparator")),
    ("target_value", lambda r: _target(r, "value")),
    ("unit", lambda r: _target(r, "unit")),
    ("scale_max", lambda r: _target(r, "scale_max")),
    ("share", lambda r: _target(r, "share")),
    ("measurement_source", lambda r: r.standard.measurement and r.standard.measurement.source),
    ("frequency", lambda r: r.standard.measurement and r.standard.measurement.frequency),
    ("latest_period", lambda r: (latest := _latest(r)) and latest.period),
    ("latest_value", lambda r: (latest := _latest(r)) and latest.value),
    ("latest_share_met", lambda r: (latest := _latest(r)) and latest.share_met),
    ("status", lambda r: (r.target.status if r.target else r.standard.status).value),
    ("page_url", lambda r: _promise_url(r)),
    # Format 2.0: the parts of a promise, ranges, statistics, conditions, sources.
    ("part_id", lambda r: _target(r, "id")),
    ("part_name", lambda r: _target(r, "name")),
    ("target_value_from", lambda r: _target(r, "value_from")),
    ("statistic", lambda r: r.target and r.target.kind),
    ("conditions", _conditions),
    ("promise_status", lambda r: r.standard.status.value),
    ("source_title", lambda r: _source(r.standard.source, "title")),
    ("source_url", lambda r: _source(r.standard.source, "url")),
    ("source_date", lambda r: _source(r.standard.source, "date")),
]

RESULT_COLUMNS: list[Column] = [
    *_plan_columns(lambda r: r.promise),
    ("period", lambda r: r.result.period),
    ("period_start", lambda r: _bound(r.result, 0)),
    ("period_end", lambda r: _bound(r.result, 1)),
    ("value", lambda r: r.result.value),
    ("share_met", lambda r: r.result.share_met),
    ("cases", lambda r: r.result.cases),
    ("status", lambda r: r.result.status.value),
    ("comparator", lambda r: _target(r.promise, "comparator")),
    ("target_value", lambda r: _target(r.promise, "value")),
    ("unit", lambda r: _target(r.promise, "unit")),
    ("share", lambda r: _target(r.promise, "share")),
    ("note", lambda r: r.result.note),
    ("revised_on", lambda r: r.result.revised and str(r.result.revised.date)),
    ("revision_reason", lambda r: r.result.revised and r.result.revised.reason),
    # Format 2.0.
    ("part_id", lambda r: _target(r.promise, "id")),
    ("value_from", lambda r: r.result.value_from),
    ("share_met_from", lambda r: r.result.share_met_from),
    ("met_as_reported", lambda r: r.result.met),
    ("volume", lambda r: r.result.volume and r.result.volume.count),
    ("volume_of", lambda r: r.result.volume and r.result.volume.what),
    ("in_plan_period", lambda r: r.result.in_period),
    ("period_exact", lambda r: r.result.span.exact if r.result.span else None),
    ("statistic", lambda r: r.promise.target and r.promise.target.kind),
    ("source_title", lambda r: _source(r.result.source or r.promise.standard.source, "title")),
    ("source_url", lambda r: _source(r.result.source or r.promise.standard.source, "url")),
    ("source_date", lambda r: _source(r.result.source or r.promise.standard.source, "date")),
]

PLANS_JSONL_FIELDS = ("agency_id", "plan", "status", "current", "page_url", "data_url", "content")
# An agency's file lists its plans, each with the fields of plans.jsonl.gz
# but its content (which is in the plan's own file).
AGENCY_JSON_FIELDS = ("agency_id", "name", "page_url", "plans")


@dataclass(frozen=True, slots=True)
class AgencyData:
    """An agency's part of the data files about every plan, worked out (and
    cached) with its pages; the files are these parts joined."""

    plans: tuple[str, ...]  # each plan's line of plans.jsonl.gz
    standards: str  # its rows of standards.csv
    results: str  # its rows of results.csv


def agency_data(agency: AgencyPlans, site_url: str, contents: Sequence[str]) -> AgencyData:
    """`contents`: each plan's `plan_json`, in the order of `agency.plans`
    (the JSON file of the plan, and its content in plans.jsonl.gz)."""
    promises = [
        PromiseRow(agency, plan, standard, site_url, target)
        for plan in agency.plans
        for standard in plan.standards
        for target in standard.targets or [None]
    ]
    results = [ResultRow(p, r) for p in promises for r in (p.target.results if p.target else ())]
    # Results across every part of a promise: one row each, with no part.
    results += [
        ResultRow(PromiseRow(agency, plan, standard, site_url), result)
        for plan in agency.plans
        for standard in plan.standards
        for result in standard.overall
    ]
    return AgencyData(
        plans=tuple(
            _plans_entry(agency, plan, site_url, content)
            for plan, content in zip(agency.plans, contents, strict=True)
        ),
        standards=_csv_rows(STANDARD_COLUMNS, iter(promises)),
        results=_csv_rows(RESULT_COLUMNS, iter(results)),
    )


def _plans_entry(agency: AgencyPlans, plan: Plan, site_url: str, content: str) -> str:
    """The plan's line in plans.jsonl.gz: its fields in the order of
    `PLANS_JSONL_FIELDS`, "content" last, spliced in as it was encoded."""
    head = _json(_plan_fields(agency, plan, site_url)).rstrip("\n")
    return f'{head[:-1]},"content":{content.rstrip()}}}\n'


def _plan_fields(agency: AgencyPlans, plan: Plan, site_url: str) -> dict[str, object]:
    return {
        "agency_id": plan.agency.id,
        "plan": plan.key,
        "status": plan.status,
        "current": plan is agency.current,
        "page_url": site_url + urls.plan_url(agency, plan),
        "data_url": site_url + urls.plan_json_url(plan),
    }


def agency_json(agency: AgencyPlans, site_url: str) -> str:
    """The agency's file: who it is and its plans, each with where its page
    and its data are (the plans themselves are in their own files)."""
    return _json(
        {
            "agency_id": agency.id,
            "name": agency.current.agency.name,
            "page_url": site_url + urls.agency_url(agency.id),
            "plans": [_plan_fields(agency, plan, site_url) for plan in agency.plans],
        }
    )


def standards_csv(parts: Sequence[AgencyData]) -> str:
    return _csv_rows(STANDARD_COLUMNS, None) + "".join(part.standards for part in parts)


def results_csv(parts: Sequence[AgencyData]) -> str:
    return _csv_rows(RESULT_COLUMNS, None) + "".join(part.results for part in parts)


def plan_json(plan: Plan) -> str:
    """The plan exactly as validated, as JSON."""
    return _json(plan.data)


def plans_jsonl_gz(parts: Sequence[AgencyData]) -> bytes:
    """Every plan, one a line (JSON Lines), gzip-compressed the same way in
    every build: no time and no file name in the header, so that the same
    plans give the same bytes (and the writer leaves the file alone)."""
    text = "".join(entry for part in parts for entry in part.plans)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _csv_rows(columns: list[Column], rows: Iterator[Any] | None) -> str:
    """The CSV lines of `rows`, or the header line when `rows` is None."""
    if rows is None:
        return csv_text([[name for name, _ in columns]])
    getters = [get for _, get in columns]
    return csv_text([get(row) for get in getters] for row in rows)


def _bound(result: Result, index: int) -> str:
    """The first or last day of the result's period (for a fiscal period
    whose months the plan does not give, the earliest or latest it can be)."""
    found = result.span
    return (found.start if index == 0 else found.end).isoformat() if found else ""


def _json(value: Any) -> str:
    # Compact: the C encoder is many times faster than the indenting one.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"

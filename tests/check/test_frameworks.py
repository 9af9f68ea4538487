"""Requirement frameworks: the data files, each requirement's check on plans
that meet it and on the same plans changed to miss it, and the freshness rule
at its boundary dates."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.check.conditions import check_holds
from generator.check.frameworks import coverage, frameworks
from generator.check.freshness import freshness
from generator.load.yaml_source import load_file
from generator.resources import FRAMEWORK_SCHEMA_FILE
from tests.conftest import PLANS

Plan = dict[str, Any]


def _plan(name: str) -> Plan:
    document, problems = load_file(PLANS / name)
    assert document is not None, problems
    return document.data


FEDERAL = _plan("example-federal-benefits/2026.yaml")
CITY = _plan("example-city-sanitation/2026.yaml")


def _drop(section: str, keep: Callable[[Any], bool]) -> Callable[[Plan], None]:
    def change(plan: Plan) -> None:
        plan[section] = [item for item in plan.get(section, []) if keep(item)]

    return change


def _each(section: str, change_item: Callable[[dict[str, Any]], None]) -> Callable[[Plan], None]:
    def change(plan: Plan) -> None:
        for item in plan.get(section, []):
            change_item(item)

    return change


def _unset(*path: str) -> Callable[[Plan], None]:
    def change(plan: Plan) -> None:
        target = plan
        for part in path[:-1]:
            target = target[part]
        target.pop(path[-1], None)

    return change


# (framework, requirement, a plan that meets it, the change that makes it miss)
CASES: list[tuple[str, str, Plan, Callable[[Plan], None]]] = [
    ("eo-12862", "identify-customers", FEDERAL, lambda p: p.update(customers=[])),
    ("eo-12862", "survey-customers", FEDERAL, _drop("surveys", lambda s: s["audience"] != "customers")),
    ("eo-12862", "post-standards-and-results", FEDERAL, _each("standards", lambda s: s.pop("results", None))),
    ("eo-12862", "benchmark-best-in-business", FEDERAL, lambda p: p.update(benchmarks=[])),
    ("eo-12862", "survey-front-line-employees", FEDERAL, _drop("surveys", lambda s: s["audience"] != "front-line-employees")),
    ("eo-12862", "choice-of-delivery", FEDERAL, _each("services", lambda s: s.update(channels=s["channels"][:1]))),
    ("eo-12862", "accessible-information-and-complaints", FEDERAL, _each("channels", lambda c: c.pop("accessibility", None))),
    ("eo-12862", "address-complaints", FEDERAL, _unset("complaints", "response_time")),
    ("eo-12862", "published-plan", FEDERAL, _each("surveys", lambda s: s.pop("next", None))),
    ("eo-13571", "signature-initiative", FEDERAL, _each("initiatives", lambda i: i.pop("signature", None))),
    ("eo-13571", "feedback-used", FEDERAL, lambda p: (p.update(feedback=[]), _each("surveys", lambda s: s.pop("findings", None))(p))),
    ("eo-13571", "standards-as-performance-goals", FEDERAL, _each("standards", lambda s: s.pop("measurement", None))),
    ("eo-13571", "streamlining", FEDERAL, _drop("initiatives", lambda i: i["kind"] != "streamlining")),
    ("eo-13571", "innovative-technology", FEDERAL, _each("initiatives", lambda i: i.pop("milestones", None))),
    ("nyc-eo-115", "service-environment", CITY, _unset("service_environment", "queuing")),
    ("nyc-eo-115", "consistent-channels", CITY, _drop("channels", lambda c: c["type"] != "web")),
    ("nyc-eo-115", "service-level-agreements", CITY, lambda p: p.update(service_levels=[])),
    ("federal-cx-drivers", "satisfaction-and-trust", FEDERAL, _each("surveys", lambda s: s.update(drivers=["satisfaction"]))),
    ("federal-cx-drivers", "service-drivers", FEDERAL, _each("surveys", lambda s: s.update(drivers=["satisfaction", "trust"]))),
    ("federal-cx-drivers", "published-scores", FEDERAL, _each("surveys", lambda s: [f.pop("scores", None) for f in s.get("findings", [])])),
]  # fmt: skip


def _met(plan: Plan, framework: str, requirement: str) -> bool:
    plan = {**plan, "frameworks": [framework]}
    (result,) = [cover for cover in coverage(plan) if cover.framework.id == framework]
    return next(r.met for r in result.results if r.requirement.id == requirement)


def test_framework_files_follow_their_schema_and_name_their_file() -> None:
    schema = json.loads(FRAMEWORK_SCHEMA_FILE.read_text())
    Draft202012Validator.check_schema(schema)
    known = frameworks()
    assert set(known) >= {"eo-12862", "eo-13571", "nyc-eo-115", "federal-cx-drivers"}
    for framework in known.values():
        ids = [r.id for r in framework.requirements]
        assert len(ids) == len(set(ids)), framework.id
    for framework in known.values():
        for place in framework.governs:
            assert place.country.isupper() and len(place.country) == 2, framework.id


def _agency(**fields: str) -> Plan:
    return {"agency": {"name": "An agency", "jurisdiction": "Somewhere", **fields}}


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        (_agency(country="US", level="federal"), ["eo-12862", "eo-13571"]),
        (_agency(country="CA", level="federal"), []),
        (_agency(country="GB", level="national"), []),
        (_agency(country="AU", level="federal"), []),
        (_agency(country="US", level="county"), []),
        (_agency(level="federal"), []),  # no country: governed by nothing
        (
            _agency(country="US", region="US-NY", level="municipal", jurisdiction="New York City"),
            ["nyc-eo-115"],
        ),
        (_agency(country="US", region="US-NY", level="municipal", jurisdiction="Buffalo"), []),
        # A plan names a model it follows; the orders that govern it still apply.
        (
            {**_agency(country="CA", level="municipal"), "frameworks": ["nyc-eo-115"]},
            ["nyc-eo-115"],
        ),
        (
            {**_agency(country="US", level="federal"), "frameworks": ["federal-cx-drivers"]},
            ["federal-cx-drivers", "eo-12862", "eo-13571"],
        ),
    ],
)
def test_a_plan_answers_only_to_frameworks_it_names_or_that_govern_it(plan, expected) -> None:
    assert [cover.framework.id for cover in coverage(plan)] == expected


def test_the_required_citations_are_all_there() -> None:
    citations = {r.citation for f in frameworks().values() for r in f.requirements}
    wanted = {f"EO 12862 §1({letter})" for letter in "abcdefgh"} | {"EO 12862 §3"}
    wanted |= {f"EO 13571 §2, element {n}" for n in range(1, 6)}
    wanted |= {"NYC EO 115 §2(a)", "NYC EO 115 §2(b)", "NYC EO 115 §3"}
    assert wanted <= citations


def test_every_requirement_has_a_case() -> None:
    covered = {(f, r) for f, r, _, _ in CASES}
    every = {(f.id, r.id) for f in frameworks().values() for r in f.requirements}
    assert covered == every


@pytest.mark.parametrize(("framework", "requirement", "plan", "change"), CASES,
                         ids=[f"{f}:{r}" for f, r, _, _ in CASES])  # fmt: skip
def test_requirement_met_then_missed(framework, requirement, plan, change) -> None:
    assert _met(plan, framework, requirement)
    missing = copy.deepcopy(plan)
    change(missing)
    assert not _met(missing, framework, requirement)


def test_the_conditions_language() -> None:
    plan = {"a": [{"b": [1, 2], "c": "x", "d": {"e": "y"}}, {"b": [], "c": "z"}]}
    assert check_holds(plan, {"count": "a", "where": {"c": "x"}})
    assert not check_holds(plan, {"count": "a", "where": {"c": "x"}, "at_least": 2})
    assert check_holds(plan, {"every": "a", "where": {"c": {"in": ["x", "z"]}}})
    assert not check_holds(plan, {"every": "missing"})
    assert check_holds(plan, {"count": "a", "where": {"b": {"contains": [2]}}})
    assert check_holds(plan, {"count": "a", "where": {"d.e": "y"}})
    assert check_holds(plan, {"count": "a", "where": {"d": {"present": False}}})
    assert check_holds(plan, {"distinct": "a.c", "at_least": 2})
    assert check_holds(plan, {"count": "a.b", "at_least": 2})
    assert check_holds(plan, {"any_of": [{"present": "zzz"}, {"present": "a"}]})
    assert not check_holds(plan, {"all_of": [{"present": "zzz"}, {"present": "a"}]})
    with pytest.raises(ValueError):
        check_holds(plan, {"nonsense": "a"})


def _quarterly(period: str, end: str = "2026-12-31", status: str = "published") -> Plan:
    return {
        "plan": {"status": status, "period": {"start": "2026-01-01", "end": end}},
        "standards": [{"measurement": {"frequency": "quarterly"}, "results": [{"period": period}]}],
    }


@pytest.mark.parametrize(
    ("plan", "today", "status"),
    [
        (_quarterly("2026-Q2"), date(2026, 10, 30), "current"),  # Q3 ends 09-30, +30 days
        (_quarterly("2026-Q2"), date(2026, 10, 31), "out-of-date"),
        (_quarterly("2026-Q3"), date(2026, 11, 23), "current"),
        (_quarterly("2026-Q3", end="2026-11-22"), date(2026, 11, 23), "out-of-date"),
        (_quarterly("2026-Q3", end="2026-11-23"), date(2026, 11, 23), "current"),
        (_quarterly("2025-Q4", status="superseded"), date(2026, 11, 23), "not-judged"),
        (_quarterly("2026-Q1", status="draft"), date(2026, 11, 23), "not-judged"),
        (
            {"plan": {"status": "published", "period": {"start": "2026-01-01", "end": "2026-12-31"}},
             "standards": [{"measurement": {"frequency": "monthly"}, "results": [{"period": "2026-07"}]}]},
            date(2026, 9, 30),
            "current",
        ),
        (
            {"plan": {"status": "published", "period": {"start": "2026-01-01", "end": "2026-12-31"}},
             "standards": [{"measurement": {"frequency": "monthly"}, "results": [{"period": "2026-07"}]}]},
            date(2026, 10, 1),
            "out-of-date",
        ),
        (
            {"plan": {"status": "published", "period": {"start": "2026-01-01", "end": "2027-12-31"}},
             "service_levels": [{"frequency": "yearly", "results": [{"period": "2025"}]}]},
            date(2027, 1, 30),
            "current",
        ),
        (
            {"plan": {"status": "published", "period": {"start": "2026-01-01", "end": "2027-12-31"}},
             "service_levels": [{"frequency": "yearly", "results": [{"period": "2025"}]}]},
            date(2027, 1, 31),
            "out-of-date",
        ),
    ],
)  # fmt: skip
def test_freshness_at_the_boundaries(plan: Plan, today: date, status: str) -> None:
    assert freshness(plan, today).status == status


def test_example_plans_are_current_on_the_reference_date() -> None:
    for name in ("example-federal-benefits/2026.yaml", "example-city-sanitation/2026.yaml",
                 "example-county-health/2026.yaml"):  # fmt: skip
        state = freshness(_plan(name), date(2026, 11, 23))
        assert state.status == "current", (name, state.reasons)

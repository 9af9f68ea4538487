"""Requirement frameworks: the orders and laws that say what a plan must
contain, kept as data files in schema/frameworks/, and how far a plan meets
each one. Adding a framework means adding a file there, not code.

A plan answers to the frameworks it names under `frameworks:` and to those
that govern its agency (a framework's `governs`: a country, and where needed
a region, levels of government and places), and to no other: a Canadian plan
is never scored on a US executive order, and a plan that no framework
governs and that names none has no scorecard."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.check.conditions import check_holds
from generator.errors import PlansError
from generator.load.yaml_source import load_file
from generator.resources import FRAMEWORK_SCHEMA_FILE, FRAMEWORKS_DIR


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    citation: str
    description: str
    check: dict[str, Any]
    check_explained: str


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """Agencies a framework binds: of `country`, and where given of `region`,
    at one of `levels`, serving one of `places` (as agency.jurisdiction)."""

    country: str
    region: str | None = None
    levels: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def holds(self, agency: dict[str, Any]) -> bool:
        return (
            agency.get("country") == self.country
            and (self.region is None or agency.get("region") == self.region)
            and (not self.levels or agency.get("level") in self.levels)
            and (
                not self.places
                or str(agency.get("jurisdiction", "")).casefold()
                in {place.casefold() for place in self.places}
            )
        )


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    title: str
    short_title: str
    applies_to: str
    requirements: tuple[Requirement, ...]
    governs: tuple[Jurisdiction, ...] = ()

    def governs_agency(self, agency: Any) -> bool:
        return isinstance(agency, dict) and any(place.holds(agency) for place in self.governs)


@dataclass(frozen=True, slots=True)
class RequirementResult:
    requirement: Requirement
    met: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far one plan meets one framework."""

    framework: Framework
    results: tuple[RequirementResult, ...]
    declared: bool  # the plan names it; else it governs the plan's agency

    @property
    def met(self) -> int:
        return sum(1 for result in self.results if result.met)

    @property
    def total(self) -> int:
        return len(self.results)


def _read(path: Path) -> Any:
    document, problems = load_file(path)
    if document is None:
        problem = problems[0]
        raise PlansError(f"{path}:{problem.line}:{problem.column}: {problem.message}")
    return document.data


@cache
def frameworks(folder: Path = FRAMEWORKS_DIR) -> dict[str, Framework]:
    """Every framework in `folder`, by id, checked against the framework schema."""
    import jsonschema_rs

    schema = json.loads(FRAMEWORK_SCHEMA_FILE.read_text(encoding="utf-8"))
    gate = jsonschema_rs.validator_for(schema, validate_formats=True)
    found: dict[str, Framework] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = _read(path)
        if not gate.is_valid(data):
            _explain(schema, data, path)
        if data["id"] != path.stem:
            raise PlansError(f"{path}: the id `{data['id']}` must equal the file name.")
        found[data["id"]] = _framework(data)
    return found


def _explain(schema: dict[str, Any], data: Any, path: Path) -> None:
    """Raise with jsonschema's account of what is wrong with a framework file."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    where = ".".join(str(p) for p in errors[0].absolute_path) if errors else ""
    raise PlansError(f"{path}: {where}: {errors[0].message if errors else 'invalid'}")


def _framework(data: dict[str, Any]) -> Framework:
    requirements = tuple(
        Requirement(
            id=r["id"],
            citation=r["citation"],
            description=r["description"],
            check=r["check"],
            check_explained=r.get("check_explained", r["description"]),
        )
        for r in data["requirements"]
    )
    governs = tuple(
        Jurisdiction(
            country=place["country"],
            region=place.get("region"),
            levels=tuple(place.get("levels", ())),
            places=tuple(place.get("jurisdictions", ())),
        )
        for place in data.get("governs", ())
    )
    return Framework(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        applies_to=data["applies_to"],
        requirements=requirements,
        governs=governs,
    )


def named_ids(plan: dict[str, Any]) -> tuple[str, ...]:
    """The framework ids a plan names under `frameworks:`."""
    named = plan.get("frameworks")
    return tuple(i for i in named if isinstance(i, str)) if isinstance(named, list) else ()


def governing_ids(plan: dict[str, Any]) -> tuple[str, ...]:
    """The ids of the frameworks that govern the plan's agency."""
    agency = plan.get("agency")
    return tuple(ident for ident, found in frameworks().items() if found.governs_agency(agency))


def coverage(plan: dict[str, Any]) -> list[Coverage]:
    """How far `plan` meets each framework it answers to: those it names,
    then those that govern its agency (unknown ids skipped)."""
    known = frameworks()
    named = named_ids(plan)
    ids = dict.fromkeys([*named, *governing_ids(plan)])
    return [
        Coverage(
            framework=known[ident],
            results=tuple(
                RequirementResult(requirement, check_holds(plan, requirement.check))
                for requirement in known[ident].requirements
            ),
            declared=ident in named,
        )
        for ident in ids
        if ident in known
    ]

"""Requirement frameworks: the orders and laws that say what a plan must
contain, kept as data files in schema/frameworks/, and how far a plan meets
each one. Adding a framework means adding a file there, not code."""

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

DEFAULTS_FILE = "defaults.yaml"


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    citation: str
    description: str
    check: dict[str, Any]
    check_explained: str


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    title: str
    short_title: str
    applies_to: str
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True, slots=True)
class RequirementResult:
    requirement: Requirement
    met: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far one plan meets one framework."""

    framework: Framework
    results: tuple[RequirementResult, ...]
    declared: bool

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
        if path.name == DEFAULTS_FILE:
            continue
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
    return Framework(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        applies_to=data["applies_to"],
        requirements=requirements,
    )


@cache
def default_framework_ids(folder: Path = FRAMEWORKS_DIR) -> tuple[str, ...]:
    """The frameworks applied to plans that declare none."""
    path = folder / DEFAULTS_FILE
    if not path.exists():
        return ()
    data = _read(path)
    return tuple(data.get("default_frameworks", [])) if isinstance(data, dict) else ()


def declared_ids(plan: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    """The framework ids a plan answers to, and whether it declared them itself."""
    declared = plan.get("frameworks")
    if isinstance(declared, list):
        return tuple(i for i in declared if isinstance(i, str)), True
    return default_framework_ids(), False


def coverage(plan: dict[str, Any]) -> list[Coverage]:
    """How far `plan` meets each framework it answers to (unknown ids skipped)."""
    known = frameworks()
    ids, declared = declared_ids(plan)
    return [
        Coverage(
            framework=known[ident],
            results=tuple(
                RequirementResult(requirement, check_holds(plan, requirement.check))
                for requirement in known[ident].requirements
            ),
            declared=declared,
        )
        for ident in ids
        if ident in known
    ]

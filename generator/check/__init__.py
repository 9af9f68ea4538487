"""Check plans: find them and check their place in the plans folder
(load/discover.py, check/layout.py), load each file strictly, validate it
against the schema, apply the semantic rules to what the schema accepted
(check/accepted.py), and return every problem as a located `Diagnostic`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check.across import across_agencies
from generator.check.checked import CheckedPlan
from generator.check.finding import Finding
from generator.check.located import load_diagnostics, locate_findings, with_pitfalls
from generator.diagnostics import Diagnostic, Report, Severity
from generator.load.discover import Discovery, discover, display_path, is_translation
from generator.load.yaml_source import Document, load_file
from generator.resources import FORMAT_VERSION, format_version

if TYPE_CHECKING:
    from generator.check.rules import PlanView
    from generator.translation.checker import CheckedTranslation

# What the callers of the check use, some of it made in its submodules.
__all__ = [
    "PARALLEL_FROM",
    "CheckResult",
    "CheckedPlan",
    "check_discovered",
    "check_file",
    "check_paths",
    "load_diagnostics",
    "locate_findings",
    "plan_findings",
    "with_pitfalls",
]


@dataclass(slots=True)
class CheckResult:
    report: Report
    plans: list[CheckedPlan]
    translations: list[CheckedTranslation] = field(default_factory=list)


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 32


def check_paths(
    paths: list[Path],
    *,
    today: date,
    jobs: int | None = None,
    each: Callable[[CheckedPlan], None] | None = None,
) -> CheckResult:
    """Check every plan and translation file under `paths`, on `jobs` processes
    (default: one per core for large sets), with the problems of their place
    in the plans folder. Raises UsageError for a path that does not exist.
    Results come back in file order whatever the workers do; `each(plan)` is
    called here with each plan as its check comes in, while the workers
    check the next ones."""
    found = discover(paths)
    result = check_discovered(found, today=today, jobs=jobs, each=each)
    result.report.extend(found.problems)
    return result


def check_discovered(
    found: Discovery,
    *,
    today: date,
    jobs: int | None = None,
    each: Callable[[CheckedPlan], None] | None = None,
) -> CheckResult:
    """`check_paths` for the files `discover` found, without the problems of
    their layout (its caller reports those)."""
    files = found.files
    folders = [found.agency_folders.get(file) for file in files]
    result = CheckResult(report=Report(files=files), plans=[])
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers > 1 and len(files) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(_check_one, files, [today] * len(files), folders, chunksize=16)
            _collect(result, outcomes, each)
    else:
        _collect(result, map(_check_one, files, [today] * len(files), folders), each)
    result.report.extend(across_agencies(list(result.plans)))
    return result


Outcome = tuple["CheckedPlan | CheckedTranslation | None", list[Diagnostic]]


def _collect(
    result: CheckResult, outcomes: Iterable[Outcome], each: Callable[[CheckedPlan], None] | None
) -> None:
    for checked, diagnostics in outcomes:
        if isinstance(checked, CheckedPlan):
            result.plans.append(checked)
            if each is not None:
                each(checked)
        elif checked is not None:
            result.translations.append(checked)
        result.report.extend(diagnostics)


def _check_one(file: Path, today: date, folder: str | None) -> Outcome:
    if is_translation(file):
        from generator.translation.checker import check_translation

        return check_translation(file)
    return check_file(file, today=today, folder=folder)


def check_file(
    path: Path, *, today: date, folder: str | None = None
) -> tuple[CheckedPlan | None, list[Diagnostic]]:
    """Check one plan file: its YAML, its schema and its semantic rules; with
    `folder`, the name of the agency folder it is in, that its agency id is
    that name."""
    shown = display_path(path)
    document, problems = load_file(path)
    if document is None:
        return None, load_diagnostics(shown, problems)
    findings, schema_valid = plan_findings(document, today)
    if folder is not None:
        from generator.check.layout import folder_findings

        findings.extend(folder_findings(document.data, folder, path.name))
    diagnostics = with_pitfalls(document, shown, locate_findings(document, shown, findings))
    valid = schema_valid and not any(d.severity is Severity.ERROR for d in diagnostics)
    return CheckedPlan(path=path, data=document.data, valid=valid), diagnostics


def plan_findings(document: Document, today: date) -> tuple[list[Finding], bool]:
    """Schema findings, then rule findings (rules only on a mapping at the
    top, and only on the values the schema accepted: see check/accepted.py),
    and whether the data passes the schema. Data can fail it with
    warnings alone: a TODO where a date belongs is the starter plan's, not a
    mistake, but no page can be made of it."""
    from generator.check import (  # noqa: F401 - registers rules
        contact_rules,
        coverage_rules,
        date_rules,
        plain_language,
        result_rules,
    )
    from generator.check.accepted import accepted
    from generator.check.rules import PlanView, rule_findings
    from generator.check.schema import schema_check

    data = document.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        return [
            Finding(
                (),
                f"A plan must be a set of fields (schema_version:, agency:, plan: ...), "
                f"but this file holds {found}.",
                "Start from a valid plan: run `python -m generator new AGENCY-ID`.",
                rule="yaml",
            )
        ], False
    findings, rejected = schema_check(data)
    schema_valid = not findings
    seen = accepted(data, rejected)
    view = PlanView(data=seen, file=document.path, today=today, schema_valid=schema_valid)
    if isinstance(seen, dict):
        findings.extend(rule_findings(view))
    if not schema_valid and format_version(data) != FORMAT_VERSION:
        findings = _with_upgrade_hints(data, view, findings)
    return findings, schema_valid


_UPGRADE = (
    f'Format {FORMAT_VERSION} allows this: set schema_version: "{FORMAT_VERSION}" '
    "(`python -m generator upgrade FILE` does it, keeping everything else as it is)."
)


def _with_upgrade_hints(
    data: dict[str, Any], plan: PlanView, findings: list[Finding]
) -> list[Finding]:
    """Tell a plan in an earlier format version, at each error of the schema
    that the current version would not make, how to move the plan to it. The
    current version must accept what is there without a word: no error about
    it or around it, and no warning about it (a unit of `days` is allowed
    there, but warned about)."""
    from generator.check.accepted import accepted
    from generator.check.rules import PlanView, rule_findings
    from generator.check.schema import schema_check

    upgraded = {**data, "schema_version": FORMAT_VERSION}
    later, rejected = schema_check(upgraded)
    seen = accepted(upgraded, rejected)
    view = PlanView(seen, plan.file, plan.today, schema_valid=not later)
    ruled = rule_findings(view) if isinstance(seen, dict) else ()
    said = [(tuple(f.path), f.severity) for f in [*later, *ruled]]

    def accepted(finding: Finding) -> bool:
        path = tuple(finding.path)
        return finding.rule == "schema" and not any(
            other[: len(path)] == path
            or (severity is Severity.ERROR and path[: len(other)] == other)
            for other, severity in said
        )

    hint = _UPGRADE
    return [
        replace(finding, hint=f"{finding.hint} {hint}".strip()) if accepted(finding) else finding
        for finding in findings
    ]

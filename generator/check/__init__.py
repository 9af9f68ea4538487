"""Check plans: load each file strictly, validate it against the schema, apply
the semantic rules, and return every problem as a located `Diagnostic`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.finding import Finding
from generator.diagnostics import Diagnostic, Report, Severity
from generator.load.discover import display_path, find_plan_files, is_translation
from generator.load.locate import locate, readable_path
from generator.load.yaml_source import Document, load_file


@dataclass(slots=True)
class CheckedPlan:
    """A plan file that could be read, with the verdict on it."""

    path: Path
    data: Any
    valid: bool


@dataclass(slots=True)
class CheckResult:
    report: Report
    plans: list[CheckedPlan]


def check_paths(paths: list[Path], *, today: date) -> CheckResult:
    """Check every plan file under `paths`. Raises UsageError for a missing path."""
    files = [f for f in find_plan_files(paths) if not is_translation(f)]
    report = Report(files=files)
    plans: list[CheckedPlan] = []
    for file in files:
        plan, diagnostics = check_file(file, today=today)
        report.extend(diagnostics)
        if plan is not None:
            plans.append(plan)
    return CheckResult(report=report, plans=plans)


def check_file(path: Path, *, today: date) -> tuple[CheckedPlan | None, list[Diagnostic]]:
    """Check one plan file: its YAML, its schema and its semantic rules."""
    shown = display_path(path)
    document, problems = load_file(path)
    if document is None:
        return None, [
            Diagnostic(shown, p.line, p.column, Severity.ERROR, "(file)", p.message, p.hint, "yaml")
            for p in problems
        ]
    diagnostics = locate_findings(document, shown, plan_findings(document, today))
    valid = not any(d.severity is Severity.ERROR for d in diagnostics)
    return CheckedPlan(path=path, data=document.data, valid=valid), diagnostics


def plan_findings(document: Document, today: date) -> list[Finding]:
    """Schema findings, then rule findings (rules only on a mapping at the top)."""
    from generator.check import coverage_rules  # noqa: F401 - registers its rules
    from generator.check.rules import PlanView, rule_findings
    from generator.check.schema import schema_findings

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
        ]
    findings = list(schema_findings(data))
    findings.extend(rule_findings(PlanView(data=data, file=document.path, today=today)))
    return findings


def locate_findings(document: Document, shown: str, findings: list[Finding]) -> list[Diagnostic]:
    """Give each finding its line, column and readable path; drop repeats."""
    out: dict[tuple[Any, ...], Diagnostic] = {}
    for finding in findings:
        line, column = locate(document.root, finding.path, key=finding.at_key)
        where = readable_path(document.data, finding.path)
        diagnostic = Diagnostic(
            shown,
            line,
            column,
            finding.severity,
            where,
            finding.message,
            finding.hint,
            finding.rule,
        )
        out.setdefault((line, column, where, finding.message), diagnostic)
    return sorted(out.values(), key=Diagnostic.sort_key)

"""Findings and load problems as diagnostics placed in their file: the line,
column and readable path of each, and the warnings of values YAML read
otherwise than meant. Shared by the plans' check and the translations'."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.check.finding import Finding
from generator.diagnostics import Diagnostic, Severity
from generator.load.locate import DataPath, locate, readable_path
from generator.load.yaml_source import Document, LoadProblem


def load_diagnostics(shown: str, problems: list[LoadProblem]) -> list[Diagnostic]:
    """The reasons a file could not be read. They concern the file as a
    whole, so they name no place in the plan."""
    return [
        Diagnostic(shown, p.line, p.column, Severity.ERROR, "", p.message, p.hint, "yaml")
        for p in problems
    ]


def with_pitfalls(
    document: Document,
    shown: str,
    diagnostics: list[Diagnostic],
    name: Callable[[Any, DataPath], str] = readable_path,
) -> list[Diagnostic]:
    """`diagnostics` and a warning for each value YAML read otherwise than
    meant, in file order. A value that also has an error gets only the
    error, whose message names the pitfall too (curly quotes around a
    phone number)."""
    if not document.pitfalls:
        return diagnostics
    erroneous = {d.where for d in diagnostics if d.severity is Severity.ERROR}
    warned = []
    for pitfall in document.pitfalls:
        where = name(document.data, pitfall.path)
        if pitfall.rule == "curly-quotes" and where in erroneous:
            continue
        warned.append(
            Diagnostic(
                shown,
                pitfall.line,
                pitfall.column,
                Severity.WARNING,
                where,
                pitfall.message,
                pitfall.hint,
                pitfall.rule,
            )
        )
    return sorted([*diagnostics, *warned], key=Diagnostic.sort_key)


def locate_findings(
    document: Document,
    shown: str,
    findings: list[Finding],
    name: Callable[[Any, DataPath], str] = readable_path,
) -> list[Diagnostic]:
    """Give each finding its line, column and readable path; drop repeats."""
    out: dict[tuple[Any, ...], Diagnostic] = {}
    for finding in findings:
        line, column = locate(document.root, finding.path, key=finding.at_key)
        where = name(document.data, finding.path)
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

"""Diagnostics are data: every problem found in a plan is a `Diagnostic` with a
file, a line, a column, a readable path and a plain-language message. Checks
collect them; reporters print them. Nothing stops at the first problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file. `line` and `column` count from 1."""

    file: str
    line: int
    column: int
    severity: Severity
    where: str
    message: str
    hint: str = ""
    rule: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "where": self.where,
            "message": self.message,
            "hint": self.hint,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Report:
    """What a run of the checker found, across every file it was given."""

    files: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """True when the run must exit non-zero: any error, or with `strict`
        any warning."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=Diagnostic.sort_key)

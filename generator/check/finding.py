"""A `Finding` is a problem found in a plan's data, before it has a place in a
file: checks produce findings, and the checker locates them in the node tree
and turns them into `Diagnostic`s."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Severity
from generator.load.locate import DataPath


@dataclass(frozen=True, slots=True)
class Finding:
    path: DataPath
    message: str
    hint: str = ""
    at_key: bool = False
    severity: Severity = Severity.ERROR
    rule: str = "schema"

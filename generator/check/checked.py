"""The check's verdict on one plan file: the record the later stages (the
model, the translations, the rules across an agency's plans) take from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class CheckedPlan:
    """A plan file that could be read, with the verdict on it."""

    path: Path
    data: Any
    valid: bool

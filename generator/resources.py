"""Where the project's data files live: the plan schema, the framework files and
the vocabulary labels. One place, so nothing else guesses at paths."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def _schema_dir() -> Path:
    """The format's files: shipped inside the package by an installed wheel
    (see setup.py), else the repository's schema/ (a checkout, an editable
    install), so the validator also works as a pre-commit hook elsewhere."""
    shipped = PACKAGE_DIR / "_schema"
    return shipped if (shipped / "plan.schema.json").is_file() else REPO_DIR / "schema"


SCHEMA_DIR = _schema_dir()
SCHEMA_FILE = SCHEMA_DIR / "plan.schema.json"
FRAMEWORK_SCHEMA_FILE = SCHEMA_DIR / "framework.schema.json"
FRAMEWORKS_DIR = SCHEMA_DIR / "frameworks"
PLANS_DIR = REPO_DIR / "plans"


@cache
def plan_schema() -> dict[str, Any]:
    """The plan format's JSON Schema, parsed once per process."""
    with SCHEMA_FILE.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def resolve_ref(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (`#/$defs/...`) in the plan schema, repeatedly."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 16:
        target: Any = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node = merged
        seen += 1
    return node

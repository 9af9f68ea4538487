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
# The format's versions, the current one first, each with its schema. A plan
# says which it is written in (`schema_version`) and is checked against that
# version's schema; the first version's is kept as it was published.
FORMAT_VERSION = "2.0"
SCHEMA_FILES = {FORMAT_VERSION: SCHEMA_FILE, "1.0": SCHEMA_DIR / "1.0" / "plan.schema.json"}
FRAMEWORK_SCHEMA_FILE = SCHEMA_DIR / "framework.schema.json"
FRAMEWORKS_DIR = SCHEMA_DIR / "frameworks"
PLANS_DIR = REPO_DIR / "plans"


@cache
def plan_schema(version: str = FORMAT_VERSION) -> dict[str, Any]:
    """The JSON Schema of a version of the plan format (by default the
    current one), parsed once per process."""
    with SCHEMA_FILES[version].open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def format_version(data: Any) -> str:
    """The version of the format a plan is written in: its `schema_version`
    when that is a known version, else the current one (whose schema then
    says what is wrong with it)."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    return version if isinstance(version, str) and version in SCHEMA_FILES else FORMAT_VERSION


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

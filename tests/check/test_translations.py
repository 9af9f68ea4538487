"""Translations are checked as strictly as plans: each case under translations/
produces exactly the diagnostics listed for it; the derived translation schema
file is up to date; and merging a translation changes text only, never a
number, a date, an id or a link."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check import check_paths
from generator.load.yaml_source import load_file
from generator.translation.schema import translation_schema
from generator.translation.text import merge, text_view
from tests.conftest import REPO

CASES = Path(__file__).with_name("translations")
EXPECTED: dict[str, list[str]] = yaml.safe_load(
    Path(__file__).with_name("translations_expected.yaml").read_text("utf-8")
)
TODAY = date(2026, 11, 23)


def _translation_files() -> list[str]:
    return sorted(
        p.relative_to(CASES).as_posix() for p in CASES.rglob("*.yaml") if p.name.count(".") == 2
    )


def test_every_case_has_an_expectation_and_every_expectation_a_case() -> None:
    assert set(_translation_files()) == set(EXPECTED)


@pytest.mark.parametrize("name", _translation_files())
def test_case_produces_exactly_its_diagnostics(name: str) -> None:
    report = check_paths([CASES / name.split("/")[0]], today=TODAY).report
    found = [
        f"{d.severity.value} {d.line}:{d.column} {d.where + ' ' if d.where else ''}[{d.rule}]"
        for d in report.sorted()
        if d.file.endswith(name)
    ]
    assert found == EXPECTED[name]
    plans = [d for d in report.diagnostics if d.file.endswith("/2026.yaml")]
    assert plans == []


def test_translation_schema_file_is_generated_from_the_plan_schema() -> None:
    """Refresh with: UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/check"""
    path = REPO / "schema" / "translation.schema.json"
    text = json.dumps(translation_schema(), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDENS"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


# Ids, periods, dates, links, emails and phone numbers: the facts a translation keeps.
FACT = re.compile(
    r"^([a-z0-9]+(-[a-z0-9]+)*|[0-9]{4}(-Q[1-4]|-[0-9]{2}(-[0-9]{2})?)?|https?://\S+"
    r"|[^@\s]+@[^@\s]+|\+?[0-9][0-9 ().-]*)$"
)


def _numbers(value: Any, path: str = "") -> dict[str, Any]:
    """Every number and every fact-like string of a plan, by path."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(_numbers(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.update(_numbers(item, f"{path}[{index}]"))
    elif not isinstance(value, str) or FACT.match(value):
        out[path] = value
    return out


def test_merging_changes_text_only() -> None:
    plan, _ = load_file(REPO / "tests/check/cases/valid/complete.yaml")
    assert plan is not None
    view = text_view(plan.data)
    translation = _prefix(view)
    merged, complete = merge(plan.data, {"language": "es", **translation})
    assert complete
    assert merged["language"] == "es"
    assert merged["standards"][0]["promise"].startswith("ES ")
    before, after = _numbers(plan.data), _numbers(merged)
    before.pop(".language"), after.pop(".language")
    assert before == after


def _prefix(view: Any) -> Any:
    if isinstance(view, dict):
        return {key: _prefix(value) for key, value in view.items()}
    if isinstance(view, list):
        return [_prefix(item) for item in view]
    return f"ES {view}"


def test_a_partial_translation_is_reported_incomplete() -> None:
    plan, _ = load_file(REPO / "tests/check/cases/valid/complete.yaml")
    assert plan is not None
    merged, complete = merge(plan.data, {"language": "es", "plan": {"title": "Plan"}})
    assert not complete
    assert merged["plan"]["title"] == "Plan"
    assert merged["plan"]["summary"] == plan.data["plan"]["summary"]

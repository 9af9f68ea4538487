"""The build checks a plan again only when its bytes, the day or the
generator changed (generator/cache.py); what it gets from the cache is what
a fresh check gives, for every example file, valid or not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.check import CheckResult, check_paths

CASES = Path(__file__).with_name("cases")
PLANS = Path(__file__).resolve().parents[2] / "plans"
TODAY = date(2026, 11, 23)


def _summary(result: CheckResult) -> tuple[object, ...]:
    return (
        result.report.files,
        result.report.diagnostics,
        [(p.path, p.data, p.valid) for p in result.plans],
        [(t.path, t.data) for t in result.translations],
    )


def test_a_cached_check_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path))
    fresh = check_paths([CASES, PLANS], today=TODAY, jobs=1)
    filled = check_paths([CASES, PLANS], today=TODAY, jobs=1, cached=True)
    entries = list((tmp_path / "checks").glob("*.pickle"))
    assert len(entries) == len(fresh.report.files) > 50
    served = check_paths([CASES, PLANS], today=TODAY, jobs=1, cached=True)
    assert _summary(fresh) == _summary(filled) == _summary(served)
    assert fresh.report.errors and fresh.report.warnings


def test_another_day_or_other_bytes_are_checked_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    plan = tmp_path / "example-county-health" / "2026.yaml"
    plan.parent.mkdir()
    plan.write_text((PLANS / "example-county-health" / "2026.yaml").read_text("utf-8"), "utf-8")
    assert not check_paths([plan], today=TODAY, cached=True).report.errors
    # Years later the plan has ended: the cached verdict of 2026 must not be served.
    later = check_paths([plan], today=date(2030, 1, 1), cached=True)
    assert (
        later.report.diagnostics != check_paths([plan], today=TODAY, cached=True).report.diagnostics
    )
    plan.write_text(
        plan.read_text("utf-8").replace("schema_version:", "schema_versio:", 1), "utf-8"
    )
    assert check_paths([plan], today=TODAY, cached=True).report.errors

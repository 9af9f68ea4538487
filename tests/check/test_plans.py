"""The example plans in plans/ are the site's default content: they must pass
every check, and with today's date fixed they must not raise a single warning."""

from __future__ import annotations

from datetime import date

from generator.check import check_paths
from tests.conftest import PLANS


def test_every_plan_in_plans_is_valid_today() -> None:
    result = check_paths([PLANS], today=date.today())
    assert result.report.files, "plans/ holds no plan"
    assert [d for d in result.report.errors] == []


def test_example_plans_have_no_warnings_on_the_reference_date() -> None:
    result = check_paths([PLANS], today=date(2026, 11, 23))
    assert result.report.diagnostics == []


def test_example_plans_are_marked_as_examples() -> None:
    result = check_paths([PLANS], today=date(2026, 11, 23))
    assert len({p.path.parent.name for p in result.plans}) >= 3
    assert all(plan.data.get("example") is True for plan in result.plans)

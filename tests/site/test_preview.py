"""The preview regenerates the docs tree when a plan changes, and keeps the
last good pages when a plan stops being valid. (Serving is MkDocs' own
`mkdocs serve --livereload`, not tested here.)"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.preview import regenerate, snapshot
from tests.site.conftest import PLANS, TODAY

PAGE = Path("agencies/example-county-health/index.md")


def _plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    return plans


def test_a_changed_plan_is_regenerated(tmp_path: Path) -> None:
    plans, docs = _plans(tmp_path), tmp_path / "docs"
    assert regenerate([plans], today=TODAY, docs_dir=docs)
    before = snapshot([plans])
    plan = plans / "example-county-health" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "name: Lakeside County Department of Public Health (example)",
            "name: Lakeside County Health Department (example)",
        ),
        encoding="utf-8",
    )
    assert snapshot([plans]) != before
    assert regenerate([plans], today=TODAY, docs_dir=docs)
    assert "Lakeside County Health Department (example)" in (docs / PAGE).read_text("utf-8")


def test_an_invalid_plan_keeps_the_last_good_pages(tmp_path: Path, capsys) -> None:
    plans, docs = _plans(tmp_path), tmp_path / "docs"
    assert regenerate([plans], today=TODAY, docs_dir=docs)
    good = (docs / PAGE).read_text(encoding="utf-8")
    plan = plans / "example-county-health" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("level: county", "level: galactic"),
        encoding="utf-8",
    )
    assert not regenerate([plans], today=TODAY, docs_dir=docs)
    assert "level" in capsys.readouterr().err
    assert (docs / PAGE).read_text(encoding="utf-8") == good

"""The site, built once per test session with the real YAML loader, the real
checker and the real `mkdocs build --strict`, from the example plans and the
injection fixture together (two cores only: one build serves every test)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from generator.build import build_site

REPO = Path(__file__).resolve().parents[2]
PLANS = REPO / "plans"
FIXTURE_PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Built:
    site: Path
    docs: Path
    summary: str

    def page(self, url: str) -> str:
        """The HTML of the page published at `url` (such as agencies/x/)."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("built")
    site, docs = root / "site", root / "docs"
    summary = build_site([PLANS, FIXTURE_PLANS], site_dir=site, today=TODAY, docs_dir=docs)
    return Built(site=site, docs=docs, summary=summary)

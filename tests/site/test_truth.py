"""Every sentence a page writes about a plan is true of that plan: built
from plans (tests/site/fixtures/truth/) that are silent where a sentence
would otherwise state something, each sentence is checked both ways: said
where the plan says it, and absent, or replaced by the plan's silence in
words, where it does not."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator.build import build_site
from tests.site.html import content, parse

TRUTH = Path(__file__).resolve().parent / "fixtures" / "truth"
TODAY = date(2026, 11, 23)
SILENT = "agencies/example-silent/"
FISCAL = "agencies/example-fiscal/"
EARLIER = "agencies/example-fiscal/2023-24/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("truth")
    build_site([TRUTH], site_dir=root / "site", today=TODAY, docs_dir=root / "docs")
    return root / "site"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text(site: Path, url: str) -> str:
    return " ".join(content(page(site, url)).text.split())


def test_no_officer_named_is_said_and_nobody_is_named(site: Path) -> None:
    for url in (SILENT, FISCAL):
        words = text(site, url)
        assert "The plan names no customer service officer." in words
        assert "Who is responsible for customer service" in words


def test_a_plan_silent_on_its_period_and_contacts_says_so(site: Path) -> None:
    words = text(site, SILENT)
    assert "Service standards. The plan does not say which period it covers." in words
    assert "The plan gives no general contact for the agency." in words
    assert "The plan lists no ways to reach the agency." in words
    assert "The plan does not say how to complain." in words
    html = content(page(site, SILENT))
    for box in (html.by_id("glance-complain"), html.by_id("complaints")):
        assert box is not None and "They answer" not in box.text and "within" not in box.text


def test_a_date_is_as_precise_as_the_plan(site: Path) -> None:
    assert "Published 2019." in text(site, SILENT)
    assert "Published August 2024." in text(site, FISCAL)
    assert "August 1, 2024" not in text(site, FISCAL)


def test_results_before_the_plan_are_never_counted(site: Path) -> None:
    words = text(site, SILENT)
    # The only result is from 2018, before the plan was published in 2019
    # (it gives no period: its results count from its publication).
    assert "No results since the plan was published." in words
    assert "0 of 0" not in words and "kept 1 of 1" not in words
    assert "Before this plan's period: not counted" in words
    assert "Not judged against this plan" in words
    fiscal = text(site, FISCAL)
    assert "they kept 2 of 2 measurable promises" in fiscal  # the 2023-24 result is not counted
    assert "1 latest result cannot be read against its target." in fiscal


def test_replaced_by_only_with_the_plan_that_replaced_it(site: Path) -> None:
    html = page(site, EARLIER)
    assert re.search(r'It was replaced by <a href="\.\./">Service charter 2024-25</a>', html)
    silent = text(site, SILENT)
    assert "Replaced by" not in silent and "replaced by" not in silent
    assert "No longer in force." in silent
    assert "This plan has ended, and no plan that replaced it has been published here." in silent


def test_a_fiscal_year_is_shown_as_one(site: Path) -> None:
    words = text(site, FISCAL)
    assert "Service charter 2024-25, fiscal year 2024-25 (July 1, 2024 to June 30, 2025)." in words
    assert "Their fiscal year starts in July." in words
    assert "fiscal year 2024-25: an average of 11.5 minutes." in words


def test_an_average_a_range_and_a_reported_status_read_as_they_are(site: Path) -> None:
    words = text(site, FISCAL)
    assert "Target: on average, at most 12 minutes." in words
    assert "Target: every case within 2 to 3 weeks." in words
    assert "Met, as the source reports (it gives no figure)" in words
    assert "89 to 91%" in words and "Cannot tell" in words


def test_a_vanity_number_is_dialled_by_its_digits_and_a_fax_never(site: Path) -> None:
    html = page(site, FISCAL)
    assert '<a href="tel:+18003684357">1-800-DMV-HELP</a>' in html
    assert "+1 202 555 0140" in html and "tel:+12025550140" not in html
    assert "tel:+12025550141" not in html
    for url in (SILENT, FISCAL, EARLIER):
        assert 'href="tel:"' not in page(site, url)


def test_a_complaint_time_for_a_share_says_so(site: Path) -> None:
    assert "They answer 90% of complaints within 20 business days." in text(site, FISCAL)


def test_each_figure_has_its_source_beside_it(site: Path) -> None:
    promises = content(page(site, FISCAL)).by_id("promises")
    assert promises is not None
    rows = [row for row in promises.find_all("tr") if "11.5" in row.text]
    (row,) = rows
    links = [a.attrs.get("href") for a in row.find_all("a")]
    assert "https://fiscal.example/report-2025" in links
    assert "Source:" in row.text


def test_no_scorecard_where_no_framework_governs_or_is_named(site: Path) -> None:
    for url in (SILENT, FISCAL):
        assert "What this plan covers" not in text(site, url)
    board = parse(page(site, "scoreboard/"))
    (row,) = [r for r in board.find_all("tr") if "Silent Office" in r.text]
    assert "Answers to no framework" in row.text

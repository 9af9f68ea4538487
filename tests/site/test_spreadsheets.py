"""No data file runs plan text as a formula. The fixture plan
tests/site/fixtures/formulas/ starts its agency's name, promises, a note and
a revision's reason as formulas do: after a space, a line break, a tab, an
ideographic space, or in full-width form. Every CSV the site publishes is
built from it and read back: each of those texts is there, shown as text."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest

from generator.build import generate_docs
from generator.render import urls
from generator.render.spreadsheet import spreadsheet_safe
from tests.site.conftest import TODAY

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "formulas"
CSV_FILES = (urls.STANDARDS_CSV, urls.RESULTS_CSV, urls.SCORECARDS_CSV)
NAME = ' =HYPERLINK("https://tracker.example/","Test Agency")'
# (file, column, text as in the plan)
FORMULAS = [
    *((name, "agency_name", NAME) for name in CSV_FILES),
    (urls.STANDARDS_CSV, "promise", "\n=1+1 We will answer 90% of calls within 2 minutes."),
    (
        urls.STANDARDS_CSV,
        "promise",
        "＝SUM(1,2) We will decide on a permit within 20 business days on average.",
    ),
    (urls.RESULTS_CSV, "note", "\t@SUM(1) Staff shortage in May."),
    (urls.RESULTS_CSV, "revision_reason", "\u3000－1 A phone system fault had counted some calls twice."),
]


def _runs(text: str) -> bool:
    """Whether a spreadsheet would take the cell for a formula: its first
    visible character is a formula sign, in any width."""
    visible = text.lstrip("".join(c for c in map(chr, range(0x3001)) if c.isspace()))
    first = unicodedata.normalize("NFKC", visible[:1])
    return first in ("=", "+", "-", "@") or text.startswith(("\t", "\r"))


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    docs = tmp_path_factory.mktemp("formulas") / "docs"
    generate_docs([FIXTURE], docs_dir=docs, today=TODAY)
    assert {p.relative_to(docs).as_posix() for p in docs.rglob("*.csv")} == set(CSV_FILES)
    return {
        name: list(csv.DictReader(io.StringIO((docs / name).read_text("utf-8"))))
        for name in CSV_FILES
    }


@pytest.mark.parametrize(("name", "column", "text"), FORMULAS)
def test_each_csv_shows_the_formula_as_text(tables, name: str, column: str, text: str) -> None:
    cells = [row[column] for row in tables[name]]
    assert "'" + text in cells


@pytest.mark.parametrize("name", CSV_FILES)
def test_no_cell_of_any_csv_would_run(tables, name: str) -> None:
    for row in tables[name]:
        for column, value in row.items():
            assert not _runs(value), f"{name}: {column} = {value!r}"


@pytest.mark.parametrize(
    "text",
    ["=1", "+1", "-1", "@A1", "\t=1", "\r=1", " =1", "\n\n=1", "\u00a0=1", "\u200b=1", "＝1",
     "＋1", "－1", "＠A1", "﹦1", "﹢1", "﹣1"],
)  # fmt: skip
def test_every_formula_start_is_neutralised(text: str) -> None:
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Plain text", "2026-Q1", "90% of calls", " a = b", ""])
def test_other_text_is_written_as_it_is(text: str) -> None:
    assert spreadsheet_safe(text) == text

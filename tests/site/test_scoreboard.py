"""The scoreboard and the freshness notice: requirement coverage, promises
kept and freshness for every plan in force, in every order, on the site and in
data/scorecards.csv, matching what the checker computes."""

from __future__ import annotations

import csv
import io
from datetime import date

from generator.check import check_paths
from generator.check.frameworks import coverage
from generator.model import build_model
from generator.render.listing import make_listing
from generator.render.messages import load_messages
from generator.render.scoreboard import ORDERINGS, score_rows, scoreboard_pages, scorecards_csv
from tests.site.conftest import PLANS, TODAY


def _site(today: date = TODAY):
    return build_model(check_paths([PLANS], today=today).plans, today=today)


def _listings(site):
    return [make_listing(agency, load_messages("en")) for agency in site.agencies]


def test_every_order_lists_every_agency_once() -> None:
    site = _site()
    pages = list(scoreboard_pages(_listings(site), load_messages("en")))
    assert [p.url for p in pages] == [
        "scoreboard/", "scoreboard/requirements/", "scoreboard/promises-kept/",
        "scoreboard/up-to-date/",
    ]  # fmt: skip
    for page in pages:
        names = [row.agency.id for row in page.context["slice"].rows]
        assert sorted(names) == sorted(a.id for a in site.agencies)
    kept = next(p for p in pages if p.url.endswith("promises-kept/"))
    shares = [row.tally.share_met for row in kept.context["slice"].rows]
    assert shares == sorted(shares, reverse=True)
    assert len(ORDERINGS) == len(pages)


def test_scorecards_csv_matches_the_checker() -> None:
    site = _site()
    rows = list(csv.DictReader(io.StringIO(scorecards_csv(_listings(site)))))
    expected = {
        (a.id, c.framework.id): (c.met, c.total) for a in site.agencies
        for c in coverage(a.current.data)
    }  # fmt: skip
    found = {
        (r["agency_id"], r["framework"]): (int(r["requirements_met"]), int(r["requirements_total"]))
        for r in rows
    }
    assert found == expected
    assert {r["up_to_date"] for r in rows} == {"current"}
    for row in score_rows(_listings(site)):
        line = next(r for r in rows if r["agency_id"] == row.agency.id)
        assert int(line["promises_met"]) == row.tally.met
        assert int(line["promises_measured"]) == row.tally.measured


def test_out_of_date_plans_are_marked(tmp_path) -> None:
    later = date(2027, 2, 15)
    site = _site(later)
    assert {a.current.freshness.status for a in site.agencies} == {"out-of-date"}
    rows = list(csv.DictReader(io.StringIO(scorecards_csv(_listings(site)))))
    assert {r["up_to_date"] for r in rows} == {"out-of-date"}


def test_the_built_site_has_the_scoreboard_and_the_checklist(built) -> None:
    page = built.page("scoreboard")
    assert "Scoreboard" in page
    assert "<caption>Agencies&#39; plans, ordered by Name</caption>" in page or "ordered by Name" in page
    assert "EO 12862: 9 of 9" in page
    agency = built.page("agencies/example-federal-benefits")
    assert "What this plan covers" in agency
    assert "This plan is out of date." not in agency
    assert (built.site / "data" / "scorecards.csv").is_file()
    assert "scorecards.csv" in built.page("data")

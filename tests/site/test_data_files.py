"""The data files match the plans: every promise is a row of standards.csv,
every result a row of results.csv, each plan's JSON (alone and in
plans.jsonl.gz) is the validated plan itself, and each agency's file lists
its plans."""

from __future__ import annotations

import csv
import gzip
import json
from html import unescape
from pathlib import Path

import pytest

from generator.load.yaml_source import load_file
from generator.render.spreadsheet import spreadsheet_safe
from tests.site.conftest import FIXTURE_PLANS, PLANS, Built


def _plans() -> list[tuple[str, str, dict]]:
    """(agency id, plan key, data) of every plan file, read by the real loader."""
    out = []
    for folder in (PLANS, FIXTURE_PLANS):
        for path in sorted(folder.glob("*/*.yaml")):
            if len(path.name.split(".")) != 2:
                continue  # a translation
            document, problems = load_file(path)
            assert document is not None, problems
            out.append((path.parent.name, path.stem, document.data))
    return out


def _rows(built: Built, name: str) -> list[dict[str, str]]:
    with (built.site / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("agency", "key", "data"), _plans(), ids=lambda v: str(v)[:40])
def test_each_plan_json_is_the_validated_plan(built: Built, agency: str, key: str, data: dict):
    path = built.site / "data" / "plans" / agency / f"{key}.json"
    assert json.loads(path.read_text(encoding="utf-8")) == data


def test_plans_jsonl_gz_holds_every_plan(built: Built) -> None:
    packed = (built.site / "data" / "plans.jsonl.gz").read_bytes()
    # Deterministic: no time and no file name in the gzip header.
    assert packed[4:8] == bytes(4) and not packed[3] & 0x08
    lines = gzip.decompress(packed).decode("utf-8").splitlines()
    listed = [json.loads(line) for line in lines]
    found = {(p["agency_id"], p["plan"]): p["content"] for p in listed}
    assert found == {(agency, key): data for agency, key, data in _plans()}
    current = [p for p in listed if p["current"]]
    assert len(current) == len({p["agency_id"] for p in listed})
    assert not (built.site / "data" / "plans.json").exists()


def test_each_agency_file_lists_its_plans(built: Built) -> None:
    plans = _plans()
    for agency in {agency for agency, _, _ in plans}:
        path = built.site / "data" / "agencies" / f"{agency}.json"
        listed = json.loads(path.read_text(encoding="utf-8"))
        assert listed["agency_id"] == agency
        assert listed["page_url"].endswith(f"/agencies/{agency}/")
        keys = {p["plan"] for p in listed["plans"]}
        assert keys == {key for a, key, _ in plans if a == agency}
        assert sum(p["current"] for p in listed["plans"]) == 1
        for entry in listed["plans"]:
            own = entry["data_url"].split("/data/", 1)[1]
            assert (built.site / "data" / own).is_file()


def test_every_promise_is_a_row(built: Built) -> None:
    rows = _rows(built, "standards.csv")
    # One row per promise, or per part of a promise of several parts.
    expected = [
        (agency, key, s["id"], part.get("id", ""), spreadsheet_safe(s["promise"]))
        for agency, key, data in _plans()
        for s in data["standards"]
        for part in s.get("targets", [{}])
    ]
    found = [(r["agency_id"], r["plan"], r["standard_id"], r["part_id"], r["promise"]) for r in rows]
    assert sorted(found) == sorted(expected)


def test_every_result_is_a_row(built: Built) -> None:
    rows = _rows(built, "results.csv")
    def upper(figure):  # a range's upper end
        return figure["to"] if isinstance(figure, dict) else figure

    # Each part's results, and those across every part of a promise.
    expected = sorted(
        (agency, key, s["id"], part.get("id", ""), r["period"], upper(r.get("value", r.get("share_met"))))
        for agency, key, data in _plans()
        for s in data["standards"]
        for part in [*s.get("targets", []), {}]
        for r in (part if part else s).get("results", [])
    )
    found = sorted(
        (
            r["agency_id"],
            r["plan"],
            r["standard_id"],
            r["part_id"],
            r["period"],
            float(r["value"] or r["share_met"]) if (r["value"] or r["share_met"]) else None,
        )
        for r in rows
    )
    assert found == [
        (a, k, s, t, p, float(v) if v is not None else None) for a, k, s, t, p, v in expected
    ]


def test_statuses_in_the_csv(built: Built) -> None:
    rows = {(r["agency_id"], r["plan"], r["standard_id"]): r for r in _rows(built, "standards.csv")}
    assert rows["example-federal-benefits", "2026", "courtesy"]["status"] == "no-target"
    assert rows["example-federal-benefits", "2026", "call-back"]["status"] == "no-data"
    assert rows["example-federal-benefits", "2026", "call-answer"]["status"] == "met"
    assert rows["example-federal-benefits", "2026", "call-answer"]["current"] == "true"
    assert rows["example-federal-benefits", "2025", "call-answer"]["current"] == "false"


@pytest.mark.parametrize(
    ("folder", "source"), [("2", "plan.schema.json"), ("1", "1.0/plan.schema.json")]
)
def test_each_version_of_the_schema_is_published_at_its_address(
    built: Built, folder: str, source: str
) -> None:
    published = built.site / "schema" / folder / "plan.schema.json"
    original = Path(__file__).resolve().parents[2] / "schema" / source
    assert published.read_bytes() == original.read_bytes()
    assert json.loads(published.read_bytes())["$id"].endswith(f"/schema/{folder}/plan.schema.json")


def test_the_data_page_explains_every_column(built: Built) -> None:
    page = unescape(built.page("data/"))
    for name in ("standards.csv", "results.csv"):
        header = (built.site / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        for column in header.split(","):
            assert f"<code>{column}</code>" in page, column


def test_the_data_page_says_how_many_plans_the_feed_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The feed's length is one number, in the feed and on the data page of
    every language."""
    import importlib
    from xml.etree import ElementTree

    from generator.build import build_editions
    from generator.check import check_paths
    from generator.render import render_all, urls
    from tests.site.conftest import TODAY

    # The modules (the package names a function guide_pages too).
    feed_module = importlib.import_module("generator.render.feed")
    monkeypatch.setattr(feed_module, "FEED_ENTRIES", 3)
    monkeypatch.setattr(importlib.import_module("generator.render.guide_pages"), "FEED_ENTRIES", 3)
    editions = build_editions(check_paths([PLANS], today=TODAY), today=TODAY)
    said = {"en": "each of the 3 most recently", "es": "cada uno de los 3 planes"}
    for edition, files in zip(editions, render_all(editions), strict=True):
        entries = ElementTree.fromstring(files[urls.FEED]).iter(f"{{{feed_module.ATOM}}}entry")
        assert len(list(entries)) == 3
        assert said[edition.language.code] in files[f"{urls.DATA}index.md"].decode("utf-8")

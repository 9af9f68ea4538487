"""The preview builds the whole site, with its search index, serves it over
HTTP (Pagefind's search needs a web server), builds it again when a plan
changes, and keeps the last good site when a plan stops being valid."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

from generator.preview import rebuild, serve, snapshot
from tests.site.conftest import PLANS, TODAY

PAGE = Path("agencies/example-county-health/index.html")


def _plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    return plans


def _rebuild(tmp_path: Path, plans: Path) -> bool:
    return rebuild([plans], today=TODAY, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs")


def test_a_changed_plan_is_built_again(tmp_path: Path) -> None:
    plans, site = _plans(tmp_path), tmp_path / "site"
    assert _rebuild(tmp_path, plans)
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
    assert _rebuild(tmp_path, plans)
    assert "Lakeside County Health Department (example)" in (site / PAGE).read_text("utf-8")
    assert (site / "pagefind" / "0" / "pagefind.js").is_file()
    assert (site / "es" / "pagefind" / "0" / "pagefind.js").is_file()


def test_an_invalid_plan_keeps_the_last_good_site(tmp_path: Path, capsys) -> None:
    plans, site = _plans(tmp_path), tmp_path / "site"
    assert _rebuild(tmp_path, plans)
    good = (site / PAGE).read_text(encoding="utf-8")
    plan = plans / "example-county-health" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("level: county", "level: galactic"),
        encoding="utf-8",
    )
    assert not _rebuild(tmp_path, plans)
    assert "level" in capsys.readouterr().err
    assert (site / PAGE).read_text(encoding="utf-8") == good


def test_the_site_and_its_search_are_served_over_http(tmp_path: Path) -> None:
    plans, site = _plans(tmp_path), tmp_path / "site"
    assert _rebuild(tmp_path, plans)
    with serve(site, "127.0.0.1:0") as address:
        for path, expected in (
            ("agencies/example-county-health/", b"Lakeside County"),
            ("pagefind/0/pagefind-entry.json", b'"en"'),
            ("es/pagefind/0/pagefind-entry.json", b'"es"'),
        ):
            with urllib.request.urlopen(f"http://{address}/{path}", timeout=10) as response:
                assert response.status == 200 and expected in response.read(), path
        # A new build is swapped in under the server, which serves it at once.
        plan = plans / "example-county-health" / "2026.yaml"
        plan.write_text(
            plan.read_text(encoding="utf-8").replace("(example)", "(preview)", 1), "utf-8"
        )
        assert _rebuild(tmp_path, plans)
        url = f"http://{address}/agencies/example-county-health/"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert b"(preview)" in response.read()


def test_the_preview_builds_with_the_engine_asked_for(tmp_path: Path) -> None:
    """`make preview ENGINE=properdocs`, as `make site ENGINE=properdocs`."""
    plans, site = _plans(tmp_path), tmp_path / "site"
    docs = tmp_path / "docs"
    assert rebuild([plans], today=TODAY, site_dir=site, docs_dir=docs, engine="properdocs")
    assert b"ProperDocs 1.6.7" in (site / PAGE).read_bytes()

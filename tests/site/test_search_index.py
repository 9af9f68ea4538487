"""The search index (Pagefind's, made by the build over the built pages):
one per language, in that language's folder; the whole content of the
pages the generator lets into the search, and nothing of the header, the
navigation or the footer; earlier plans, drafts and the promise lists kept
out; each agency page filtered by its level and place; plan text held as
text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator import search_index
from generator.build import build_site
from generator.search_index import (
    BUNDLE,
    index_command,
    index_parts,
    may_start,
    page_counts,
    page_glob,
    part_count,
    part_folders,
)
from tests.site.conftest import PLANS, TODAY, Built
from tests.site.html import Element, parse

LANGUAGES = (("", "en"), ("es/", "es"))
AGENCY = "agencies/example-city-sanitation/"


def _body(html: str) -> Element | None:
    bodies = [e for e in parse(html).iter() if "data-pagefind-body" in e.attrs]
    assert len(bodies) <= 1
    return bodies[0] if bodies else None


def _fragments(bundle: Path) -> list[dict]:
    """What Pagefind keeps of each page it indexed (gzip, after a
    signature), in every part of the index."""
    out = []
    for part in part_folders(bundle):
        for path in sorted((part / "fragment").glob("*.pf_fragment")):
            data = gzip.decompress(path.read_bytes())
            out.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return out


def _language_pages(built: Built, prefix: str) -> list[Path]:
    root = built.site / prefix
    pages = root.rglob("*.html")
    return [p for p in pages if prefix or not p.relative_to(root).as_posix().startswith("es/")]


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES)
def test_each_language_has_its_own_index(built: Built, prefix: str, lang: str) -> None:
    counts = page_counts(built.site / prefix / BUNDLE)
    assert list(counts) == [lang]
    marked = [p for p in _language_pages(built, prefix) if "data-pagefind-body" in p.read_text()]
    assert counts[lang] == len(marked) > 10
    urls = {fragment["url"] for fragment in _fragments(built.site / prefix / BUNDLE)}
    assert f"/{AGENCY}" in urls and "/reference/" in urls
    assert not any(url.startswith("/es/") for url in urls)


def test_the_spanish_index_holds_the_spanish_text(built: Built) -> None:
    def text(prefix: str) -> str:
        fragments = _fragments(built.site / prefix / BUNDLE)
        return " ".join(f["content"] for f in fragments if "example-county-health" in f["url"])

    assert "Si tiene cita, le atenderemos" in text("es/")
    assert "Si tiene cita, le atenderemos" not in text("")


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES)
def test_the_whole_content_and_nothing_else_is_indexed(
    built: Built, prefix: str, lang: str
) -> None:
    html = built.page(prefix + AGENCY)
    body = _body(html)
    assert body is not None
    # All of the page's own text, surveys and initiatives too (lunr's index
    # left them out to stay small; Pagefind's is split into chunks).
    for name in ("Talks with collection crews", "Book bulky pickups online"):
        assert name in body.text
    tags = {element.tag for element in body.iter()}
    assert not tags & {"header", "footer"}
    assert not any("md-nav" in e.attrs.get("class", "") for e in body.iter())
    assert "md-search" not in html.split("data-pagefind-body", 1)[1].split("</article>")[0]


@pytest.mark.parametrize(
    "page",
    [
        "agencies/example-city-sanitation/2027/",  # a draft
        "agencies/example-federal-benefits/2025/",  # an earlier plan
        "es/agencies/example-federal-benefits/2025/",
        "promises/services/health/",  # a promise list: its promises are on their agencies' pages
    ],
)
def test_pages_kept_out_of_the_search(built: Built, page: str) -> None:
    assert _body(built.page(page)) is None
    prefix = "es/" if page.startswith("es/") else ""
    urls = {f["url"] for f in _fragments(built.site / prefix / BUNDLE)}
    assert "/" + page.removeprefix(prefix) not in urls


def test_the_404_page_is_not_indexed(built: Built) -> None:
    assert _body((built.site / "404.html").read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    ("prefix", "level", "place"),
    [
        ("", ("Level", "City and town agencies"), ("Place served", "City of Riverton")),
        ("es/", ("Nivel", "Agencias municipales"), ("Lugar que atiende", "City of Riverton")),
    ],
)
def test_agency_pages_carry_their_filters(built: Built, prefix: str, level, place) -> None:
    filters = [
        (e.attrs["data-pagefind-filter"], e.text)
        for e in parse(built.page(prefix + AGENCY)).iter()
        if "data-pagefind-filter" in e.attrs
    ]
    assert filters == [level, place]
    fragment = next(
        f for f in _fragments(built.site / prefix / BUNDLE) if f["url"] == "/" + AGENCY
    )
    assert fragment["filters"] == {level[0]: [level[1]], place[0]: [place[1]]}


def test_plan_text_is_indexed_as_text(built: Built) -> None:
    """The injection fixture's markup reaches the index as the text it is,
    never as elements (the search shows titles as text and Pagefind escapes
    passages before it marks the words)."""
    fragment = next(
        f for f in _fragments(built.site / BUNDLE) if f["url"] == "/agencies/example-injection/"
    )
    assert fragment["meta"]["title"].startswith("Injection <script>alert(1)</script> Agency")
    assert fragment["filters"]["Place served"] == ["Place | with | pipes"]
    assert "<script>alert(6)</script>" in fragment["content"]


def test_the_language_switcher_is_not_indexed(built: Built) -> None:
    assert ".sp-languages" in index_command(Path("site"), Path("out"), ["index.html"])
    fragment = next(f for f in _fragments(built.site / BUNDLE) if f["url"] == "/" + AGENCY)
    assert "Español" not in fragment["content"]
    assert "Español" in (_body(built.page(AGENCY)) or Element("", {})).text




def test_the_parts_double_as_the_site_grows() -> None:
    sizes = (0, 1, 256, 257, 512, 513, 1_013, 1_025, 2_049)
    assert [part_count(n) for n in sizes] == [1, 1, 1, 2, 2, 4, 4, 8, 8]
    assert part_count(10_013) == part_count(10**7) == search_index.MAX_PARTS == 8


def _site(folder: Path, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        body = f"<div data-pagefind-body><h1>{text}</h1><p>{text} words</p></div>"
        (folder / path).write_text(f"<html lang=en><body>{body}</body></html>", encoding="utf-8")


def test_a_changed_page_changes_only_its_own_part(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search_index, "PART_PAGES", 4)
    pages = {f"agencies/a{n}/index.html": f"Agency {n}" for n in range(30)}
    _site(tmp_path, {**pages, "about/index.html": "About"})
    (tmp_path / "list.html").write_text("<html lang=en><p>not searchable</p></html>", "utf-8")
    before = index_parts(tmp_path)
    assert len(before) == 8
    dealt = [page for part in before for page in part.pages]
    assert sorted(dealt) == sorted([*pages, "about/index.html"])  # each once, nothing else
    _site(tmp_path, {"agencies/a7/index.html": "Agency 7, updated"})
    after = index_parts(tmp_path)
    changed = [new.pages for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1 and "agencies/a7/index.html" in changed[0]


def test_the_glob_names_only_the_pages(tmp_path: Path) -> None:
    assert page_glob(["b/index.html", "a,b{c}.html"]) == "{a?b?c?.html,b/index.html}"


def test_an_index_is_searched_in_parts(tmp_path: Path, monkeypatch) -> None:
    """Small parts: each searchable page in one part; the first part keeps
    Pagefind's script and WebAssembly, which search every part; none keeps
    Pagefind's own user interfaces, which the theme does not use."""
    monkeypatch.setattr(search_index, "PART_PAGES", 4)
    site = tmp_path / "site"
    build_site([PLANS], site_dir=site, today=TODAY, docs_dir=tmp_path / "docs")
    for prefix in ("", "es/"):
        bundle = site / prefix / BUNDLE
        parts = part_folders(bundle)
        assert len(parts) > 2
        marked = [p for p in site.joinpath(prefix).rglob("*.html") if _body(p.read_text())]
        marked = [p for p in marked if prefix or p.relative_to(site).parts[0] != "es"]
        assert sum(page_counts(bundle).values()) == len(marked)
        urls = [f["url"] for f in _fragments(bundle)]
        assert len(urls) == len(set(urls)) == len(marked)
        names = [{p.name for p in part.iterdir()} for part in parts]
        assert {"pagefind.js", "pagefind-worker.js"} <= names[0]
        assert not any("pagefind.js" in others for others in names[1:])
        assert not any(name.endswith(("-ui.js", "-ui.css")) for each in names for name in each)


def test_a_failed_part_is_named_with_pagefinds_words(tmp_path: Path) -> None:
    _site(tmp_path / "site", {"index.html": "Home"})
    (tmp_path / "site" / BUNDLE).write_text("a file where the index goes", encoding="utf-8")
    indexing = search_index.Indexing("en", tmp_path / "site", None, {})
    part = index_parts(tmp_path / "site")[0]
    failures = search_index._run([(indexing, part, tmp_path / "site" / BUNDLE / "0")])
    assert len(failures) == 1
    assert failures[0].startswith("[search index, en, part 0] Pagefind stopped with status")


def test_parts_are_indexed_side_by_side_only_where_cores_and_memory_allow() -> None:
    fits = {"processors": 2, "budget": 1_000}
    assert may_start(0, 0, 10**12, **fits)  # the first always starts, however large
    assert may_start(1, 400, 500, **fits)
    assert not may_start(1, 600, 500, **fits)  # past half of the free memory
    assert not may_start(2, 0, 1, **fits)  # as many as there are processors

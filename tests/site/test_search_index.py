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

from generator.search_index import BUNDLE, index_command, side_by_side
from tests.site.conftest import Built
from tests.site.html import Element, parse

LANGUAGES = (("", "en"), ("es/", "es"))
AGENCY = "agencies/example-city-sanitation/"


def _body(html: str) -> Element | None:
    bodies = [e for e in parse(html).iter() if "data-pagefind-body" in e.attrs]
    assert len(bodies) <= 1
    return bodies[0] if bodies else None


def _fragments(bundle: Path) -> list[dict]:
    """What Pagefind keeps of each page it indexed (gzip, after a signature)."""
    out = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return out


def _language_pages(built: Built, prefix: str) -> list[Path]:
    root = built.site / prefix
    pages = root.rglob("*.html")
    return [p for p in pages if prefix or not p.relative_to(root).as_posix().startswith("es/")]


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES)
def test_each_language_has_its_own_index(built: Built, prefix: str, lang: str) -> None:
    entry = json.loads((built.site / prefix / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == [lang]
    marked = [p for p in _language_pages(built, prefix) if "data-pagefind-body" in p.read_text()]
    assert entry["languages"][lang]["page_count"] == len(marked) > 10
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
    assert ".sp-languages" in index_command(Path("site"))
    fragment = next(f for f in _fragments(built.site / BUNDLE) if f["url"] == "/" + AGENCY)
    assert "Español" not in fragment["content"]
    assert "Español" in (_body(built.page(AGENCY)) or Element("", {})).text


def test_languages_are_indexed_side_by_side_only_where_memory_allows(tmp_path: Path) -> None:
    small, other, huge = (tmp_path / name for name in ("en", "es", "big"))
    for folder in (small, other, huge):
        folder.mkdir()
    (small / "index.html").write_text("<html lang=en></html>", encoding="utf-8")
    (other / "index.html").write_text("<html lang=es></html>", encoding="utf-8")
    with (huge / "index.html").open("wb") as page:  # sparse: no disk used
        page.truncate(10**12)
    assert side_by_side([small, other])
    assert not side_by_side([small, huge])  # 1 TB of pages: one after the other
    assert not side_by_side([small])  # nothing to run beside

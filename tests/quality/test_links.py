"""Every internal link, image, script and stylesheet address in the built
site leads to a file in it, and every #fragment to an element on the page
it names. Checked offline, on the files."""

from __future__ import annotations

from pathlib import Path

from generator.site_config import site_config
from tests.quality.conftest import Site
from tests.quality.links import broken_links

SITE_URL = "https://example.org/site/"


def test_no_broken_link_or_anchor(site: Site) -> None:
    problems = broken_links(site.root, site_config().site_url)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:60])


def test_broken_links_are_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">Here</h2><a href="#here">ok</a> <a href="#gone">1</a>'
        '<a href="../b/">2</a> <a href="../index.html#top">ok</a> <img src="/site/x.png">'
        '<a href="https://example.org/site/a/#here">ok</a> <a href="https://other.example/">ok</a>'
        '<a href="mailto:x@example.org">ok</a> <a href="../data.json#x">3</a>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text('<p id="top">', encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    problems = broken_links(tmp_path, SITE_URL)
    assert problems == [
        "a/index.html: <a href='#gone'>: no element with id 'gone' in a/index.html",
        "a/index.html: <a href='../b/'>: no such page or file in the site",
        "a/index.html: <img src='/site/x.png'>: no such page or file in the site",
        "a/index.html: <a href='../data.json#x'>: #x on a file that is not a page",
    ]

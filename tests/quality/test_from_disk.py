"""The pull request's preview opens from a folder on disk: built with
`build --from-disk`, as the workflow builds it, every link to a page names
its file, so that a reviewer who unzips the artifact and opens index.html
clicks through to an agency's page (not to a folder listing), in a real
browser on file:// addresses, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser

from generator.build import build_site
from tests.conftest import PLANS
from tests.quality.browser import VIEWS
from tests.quality.conftest import TODAY
from tests.quality.links import NOT_FETCHED, read


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("preview")
    build_site([PLANS], site_dir=root / "site", today=TODAY, docs_dir=root / "docs", from_disk=True)
    return root / "site"


def _folder_links(site: Path) -> list[str]:
    """Every relative link of every page that leads to a folder, not a file.
    The 404 pages are left out: only a web server shows them, for an address
    it does not have, so MkDocs links them from the server's root."""
    found = []
    for page in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):
        for tag, attribute, value in read(page).urls:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("#", *NOT_FETCHED)):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path and not target.is_file():
                found.append(f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>")
    return found


def test_every_link_of_the_preview_names_a_file(preview: Path) -> None:
    problems = _folder_links(preview)
    assert not problems, f"{len(problems)} links lead to a folder:\n" + "\n".join(problems[:40])


def test_the_published_build_keeps_folder_addresses(tmp_path: Path) -> None:
    """The check above finds links to folders: the published site has them."""
    site = tmp_path / "site"
    (site / "agencies" / "x").mkdir(parents=True)
    (site / "agencies" / "x" / "index.html").write_text("<h1>x</h1>", encoding="utf-8")
    (site / "index.html").write_text(
        '<a href="agencies/x/">1</a> <a href="agencies/x/index.html#top">ok</a> '
        '<a href="#top">ok</a> <a href="https://example.org/">ok</a>',
        encoding="utf-8",
    )
    assert _folder_links(site) == ["index.html: <a href='agencies/x/'>"]


def test_a_reviewer_clicks_through_the_preview_from_disk(browser: Browser, preview: Path) -> None:
    context = VIEWS[0].context(browser)
    try:
        page = context.new_page()
        page.goto((preview / "index.html").as_uri())
        page.get_by_role("link", name="Riverton Department of Sanitation").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/agencies/example-city-sanitation/index.html")
        assert "Riverton Department of Sanitation" in page.locator("h1").inner_text()
        page.get_by_role("link", name="Español").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/es/agencies/example-city-sanitation/index.html")
        assert page.locator("html").get_attribute("lang") == "es"
        page.get_by_role("link", name="Encontrar una agencia").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/es/agencies/index.html")
        assert "Index of" not in page.content()
    finally:
        context.close()

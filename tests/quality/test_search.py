"""The search in the header (Pagefind's index, theme/assets/javascripts/
search.js), used as a citizen uses it: on a page that links to no agency,
a word of an agency's promises typed into the header's search leads to
that agency's page, in English and in Spanish; each language finds its own
pages only; the number of results is said in a live region; the keyboard
goes through the results in order, Escape closes the search and focus goes
back where it was; a filter narrows the results to one level of
government."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.search_index import BUNDLE, part_folders
from tests.quality.browser import VIEWS, View
from tests.quality.conftest import Site
from tests.quality.serve import SiteServer

AGENCY = "agencies/example-county-health/"
NAME = "Lakeside County Department of Public Health"
NOMBRE = "Departamento de Salud Pública del Condado de Lakeside"
# (page to search from, word, the agency page it leads to, its heading, lang)
SEARCHES = {
    "en": ("reference/", "wait", AGENCY, NAME, "en"),
    # "espera" is in the Spanish plan ("sala de espera"; Pagefind's Spanish
    # stemming also finds "esperar").
    "es": ("es/reference/", "espera", "es/" + AGENCY, NOMBRE, "es"),
}
RESULTS = ".md-search-result__list a"
STATUS = ".md-search-result__meta"


@pytest.fixture(params=[VIEWS[0], VIEWS[2]], ids=["desktop", "phone"])
def view(request: pytest.FixtureRequest) -> View:
    return request.param


@pytest.fixture
def page(browser: Browser, view: View) -> Iterator[Page]:
    context = view.context(browser)
    yield context.new_page()
    context.close()


def open_search(page: Page) -> None:
    """As a reader does: the search button on a phone, the field on a desktop."""
    button = page.locator("button.sp-search-button")
    if button.is_visible():
        button.click()
    else:
        page.locator("input[name=query]").click()
    assert page.locator("#__search").is_checked()


def search(page: Page, word: str) -> int:
    """Type `word` and wait until the results are counted; their number."""
    page.locator("input[name=query]").press_sequentially(word)
    page.wait_for_function(f"() => /\\d/.test(document.querySelector('{STATUS}').textContent)")
    return int(re.sub(r"\D", "", page.locator(STATUS).inner_text()))


def result_paths(page: Page, server: SiteServer) -> list[str]:
    prefix = server.url("").removeprefix(server.origin)
    hrefs = [link.get_attribute("href") or "" for link in page.locator(RESULTS).all()]
    return [href.split("#")[0].removeprefix(prefix) for href in hrefs]


@pytest.mark.parametrize("language", SEARCHES)
def test_a_word_of_a_promise_leads_to_the_agency(
    page: Page, server: SiteServer, language: str
) -> None:
    start, word, agency, heading, lang = SEARCHES[language]
    page.goto(server.url(start))
    links = [a.get_attribute("href") or "" for a in page.locator("a").all()]
    assert not [href for href in links if "agencies/example-" in href], "links to an agency"
    assert not page.locator(RESULTS).count()
    open_search(page)
    found = search(page, word)
    assert found >= 1
    paths = result_paths(page, server)
    assert agency in paths, paths
    # Each language searches its own pages only.
    assert all(path.startswith("es/") == (lang == "es") for path in paths), paths
    page.locator(RESULTS).nth(paths.index(agency)).click()
    page.wait_for_url(re.compile(re.escape(server.url(agency))))
    assert page.evaluate("() => document.documentElement.lang") == lang
    assert heading in page.locator("h1").first.inner_text()


def _part_of(site: Site, page: str) -> int:
    """The place, in parts.json's list, of the part of the index that holds `page`."""
    for number, part in enumerate(part_folders(site.root / BUNDLE)):
        for fragment in part.glob("fragment/*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
            if json.loads(data)["url"] == "/" + page:
                return number
    raise AssertionError(f"{page} is in no part of the index")


def test_a_search_finds_pages_in_every_part_of_the_index(
    page: Page, server: SiteServer, site: Site
) -> None:
    """The index is in parts (this site's are small, tests/quality/conftest.py):
    a page of a part other than the first, whose script searches them all,
    is found."""
    agency = "agencies/example-city-sanitation/"
    assert _part_of(site, agency) > 0  # else this test would prove nothing
    page.goto(server.url("reference/"))
    open_search(page)
    search(page, "bulky")  # in that agency's plan
    assert agency in result_paths(page, server)


def test_the_number_of_results_is_announced(page: Page, server: SiteServer) -> None:
    page.goto(server.url("reference/"))
    status = page.locator(STATUS)
    assert status.get_attribute("role") == "status"  # a polite live region, there from the start
    open_search(page)
    found = search(page, "agency")  # on most pages
    items = page.locator(".md-search-result__item:not(.sp-search-more)")
    assert found > 5 and items.count() == 5  # five at a time
    assert status.inner_text().strip() == f"{found} matching documents"
    page.locator(".sp-search-more__button").click()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 6")
    assert page.locator(".md-search-result__item:not(.sp-search-more)").count() == min(found, 10)


def test_the_passage_shows_the_words_marked(page: Page, server: SiteServer) -> None:
    page.goto(server.url("reference/"))
    open_search(page)
    search(page, "wait")
    marked = [m.inner_text().lower() for m in page.locator(".md-search-result__list mark").all()]
    assert marked and all("wait" in word for word in marked)
    titles = [t.inner_text() for t in page.locator(".sp-search-title").all()]
    assert any(NAME in title for title in titles), titles
    # The link goes to the section that holds the words.
    assert any("#" in (a.get_attribute("href") or "") for a in page.locator(RESULTS).all())


def _focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.tagName + '|' + (e.getAttribute('href') || e.textContent.trim() || e.id); }"
    )


def test_the_keyboard_goes_through_the_results_and_back(browser: Browser, server: SiteServer):
    context = VIEWS[0].context(browser)  # desktop: the field is in the header
    try:
        page = context.new_page()
        page.goto(server.url("reference/"))
        page.locator(".md-header .md-logo").focus()
        before = None
        for _ in range(10):
            current = _focused(page)
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.name === 'query'"):
                before = current
                break
        assert before is not None, "Tab never reached the search field"
        assert page.locator("#__search").is_checked(), "the search did not open on focus"
        search(page, "agency")
        expected = [f"A|{a.get_attribute('href')}" for a in page.locator(RESULTS).all()] + [
            "BUTTON|More results"
        ]
        stops = []
        for _ in range(len(expected) + 4):
            page.keyboard.press("Tab")
            stop = _focused(page)
            if not page.evaluate("() => !!document.activeElement.closest('.md-search')"):
                break
            stops.append(stop)
        assert [s for s in stops if not s.startswith("SELECT")] == expected
        assert stops[0].startswith("SELECT"), "the filters come before the results"
        assert not page.locator("#__search").is_checked(), "Tab out of the search left it open"
        # Again, with the arrow keys, then Escape: focus back where it was.
        page.locator("input[name=query]").focus()
        assert page.locator("#__search").is_checked()
        page.keyboard.press("ArrowDown")
        assert _focused(page) == expected[0]
        page.keyboard.press("ArrowDown")
        assert _focused(page) == expected[1]
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("() => document.activeElement.name") == "query"
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked()
        assert page.evaluate("() => document.activeElement.name") != "query"
    finally:
        context.close()


def test_escape_puts_focus_back_on_the_search_button(browser: Browser, server: SiteServer):
    context = VIEWS[2].context(browser)  # phone
    try:
        page = context.new_page()
        page.goto(server.url("reference/"))
        button = page.locator("button.sp-search-button")
        assert button.get_attribute("aria-label") and button.is_visible()
        assert not page.locator("label.md-header__button[for=__search]").is_visible()
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.name") == "query"
        search(page, "wait")
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked()
        assert page.evaluate("() => document.activeElement.classList.contains('sp-search-button')")
        # Enter in the field goes to the first result.
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.name") == "query"
        page.locator("input[name=query]").fill("wait")
        page.wait_for_function(f"() => /\\d/.test(document.querySelector('{STATUS}').textContent)")
        first = page.locator(RESULTS).first.get_attribute("href") or ""
        page.keyboard.press("Enter")
        page.wait_for_url(f"{server.origin}{first}")
    finally:
        context.close()


def test_a_filter_narrows_the_results_to_a_level(page: Page, server: SiteServer) -> None:
    page.goto(server.url("reference/"))
    open_search(page)
    assert search(page, "wait") > 1
    level = page.locator(".sp-search-filter", has_text="Level").locator("select")
    assert level.locator("option").all_inner_texts() == [
        "All",
        "City and town agencies",
        "County agencies",
        "Federal agencies",
    ]
    level.select_option("County agencies")
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}').textContent.trim() === '1 matching document'"
    )
    assert set(result_paths(page, server)) == {AGENCY}

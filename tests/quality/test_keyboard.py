"""What a keyboard user meets: a skip link first on every page, every Tab
stop on screen, a navigation drawer opened and closed from the keyboard, no
single-key shortcut outside the search (WCAG 2.1.4) and wide tables
whose scroll box takes focus (2.1.1)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.quality.browser import VIEWS, wait_until_still
from tests.quality.conftest import Site
from tests.quality.links import read
from tests.quality.serve import SiteServer
from tests.site.html import parse

# The theme's shortcuts: f, s and / go to the search field; p and n (and
# "," and ".") to the previous and next page.
SHORTCUTS = ("f", "s", "/", "p", "n", ",", ".")


def test_every_page_starts_with_a_skip_link(site: Site) -> None:
    problems = []
    for label in site.pages():
        html = site.file(label).read_text(encoding="utf-8")
        focusable = [
            element
            for element in parse(html).iter()
            if (element.tag == "a" and "href" in element.attrs)
            or element.tag in ("input", "button")
        ]
        first = next(
            (
                e
                for e in focusable
                if e.attrs.get("type") != "checkbox" or "md-toggle" not in e.attrs.get("class", "")
            ),
            None,
        )
        if first is None or "md-skip" not in first.attrs.get("class", ""):
            problems.append(f"{label or '/'}: the first link is not the skip link")
        elif first.attrs["href"].removeprefix("#") not in read(site.file(label)).ids:
            problems.append(f"{label or '/'}: the skip link leads nowhere ({first.attrs['href']})")
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(browser: Browser) -> Page:
    context = VIEWS[0].context(browser)
    yield context.new_page()
    context.close()


def test_skip_link_is_first_and_shown_on_focus(page: Page, server: SiteServer, site: Site) -> None:
    for label in ("", site.agency_pages()[0], "404.html"):
        page.goto(server.url(label))
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert "md-skip" in (focused.get_attribute("class") or ""), label
        wait_until_still(page)
        assert focused.is_visible() and focused.evaluate("e => getComputedStyle(e).opacity") == "1"
        target = focused.get_attribute("href") or ""
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == target, label


# Where focus is now, and whether a sighted keyboard user can see it there:
# on screen, not transparent, not hidden (a palette option is a 0x0 radio
# button whose label shows its focus).
FOCUS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const shown = element.matches(".md-option") ? element.nextElementSibling : element;
    const box = shown.getBoundingClientRect();
    const style = getComputedStyle(shown);
    const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
        && box.left < innerWidth && box.top < innerHeight;
    const name = (element.getAttribute("aria-label") || element.textContent || "").trim();
    return [element.tagName.toLowerCase() + " " + name.replace(/\\s+/g, " ").slice(0, 50),
            onScreen && style.visibility === "visible" && style.opacity !== "0"];
}"""


# Focus is judged where it lands, not while the skip link fades in.
NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
)


def tab_stops(page: Page, limit: int) -> list[tuple[str, bool]]:
    """Press Tab until focus leaves the page, or `limit` times: each stop,
    and whether it showed."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop is None:
            break
        stops.append((stop[0], stop[1]))
    return stops


@pytest.mark.parametrize("view", [VIEWS[0], VIEWS[2]], ids=["desktop", "phone"])
def test_every_tab_stop_is_on_screen(
    browser: Browser, server: SiteServer, site: Site, view
) -> None:
    """WCAG 2.4.7 Focus Visible, 2.4.3 Focus Order: Tab never leads into
    something hidden or off screen (a closed drawer, a closed search)."""
    context = view.context(browser)
    try:
        page = context.new_page()
        hidden = []
        for label in ("", site.agency_pages()[0]):
            page.goto(server.url(label))
            page.add_style_tag(content=NO_TRANSITIONS)
            # The header, the tabs, the contents and the first of the page's own links.
            stops = tab_stops(page, limit=80)
            assert len(stops) > 10, f"{label}: Tab reached only {stops}"
            hidden += [f"{label or '/'}: {name}" for name, shown in stops if not shown]
    finally:
        context.close()
    assert not hidden, "Tab stops not on screen:\n" + "\n".join(hidden)


def test_drawer_opens_and_closes_from_the_keyboard(browser: Browser, server: SiteServer) -> None:
    context = VIEWS[2].context(browser)  # phone
    try:
        page = context.new_page()
        page.goto(server.url(""))
        button = page.locator("button.sp-drawer-button")
        assert (
            button.get_attribute("aria-label") and button.get_attribute("aria-expanded") == "false"
        )
        button.focus()
        page.keyboard.press("Enter")
        page.locator(".md-sidebar--primary").wait_for(state="visible")
        assert (
            page.locator("#__drawer").is_checked()
            and button.get_attribute("aria-expanded") == "true"
        )
        wait_until_still(page)
        for _ in range(10):  # on through the header, into the drawer
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
                break
        else:
            pytest.fail("Tab never reached the open drawer")
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked()
        assert page.evaluate("() => document.activeElement.classList.contains('sp-drawer-button')")
        page.keyboard.press(" ")
        assert page.locator("#__drawer").is_checked(), "Space did not open the drawer"
    finally:
        context.close()


def test_single_keys_do_nothing_outside_the_search(page: Page, server: SiteServer) -> None:
    url = server.url("agencies/")  # has a next and a previous page
    page.goto(url)
    assert page.locator("link[rel=next]").count() == 1
    for key in SHORTCUTS:
        page.locator("body").press(key)
        page.wait_for_timeout(150)
        assert page.url == url, f"{key!r} changed the page"
        assert not page.locator("#__search").is_checked(), f"{key!r} opened the search"
        assert page.evaluate("() => document.activeElement.name") != "query", f"{key!r} moved focus"


def test_single_keys_still_type_in_the_search(page: Page, server: SiteServer) -> None:
    page.goto(server.url(""))
    query = page.locator("input[name=query]")
    query.click()
    query.press_sequentially("fsnp/.")
    assert query.input_value() == "fsnp/."


def test_wide_tables_scroll_in_a_box_that_takes_focus(
    browser: Browser, server: SiteServer, site: Site
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        for label in site.pages():
            page.goto(server.url(label))
            boxes = page.locator("[data-sp-scroller]")
            if boxes.count():
                break
        else:
            pytest.fail("no table is wider than 320 pixels on any page: nothing to check")
        box = boxes.first
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        assert box.get_attribute("aria-label"), "the scroll box has no name"
        box.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    finally:
        context.close()

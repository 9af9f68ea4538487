"""One walk through the whole site in every view, recording what each page
does: axe-core's violations, every request it makes, every response that
failed and every script error. The tests then judge the record.

Each window size (desktop, phone) gets a browser context and one page object
that goes from page to page. A page is loaded once per size and checked in
both palettes: axe-core runs, the reader's palette toggle is pressed, axe-core
runs again. The two sizes take turns, so that one loads while the other's
check runs, and the two cores are kept busy. At the phone size the window is
then narrowed to 320 pixels to check reflow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, Request, Response

from tests.quality.browser import (
    PALETTE,
    SIZES,
    View,
    Violation,
    axe_violations,
    start_axe,
    wait_until_still,
    with_axe,
)
from tests.quality.serve import SiteServer

SCHEMES = {palette: scheme for scheme, palette in PALETTE.items()}
# WCAG 1.4.10 Reflow: 1280 pixels at 400% zoom.
REFLOW_WIDTH = 320


@dataclass(frozen=True, slots=True)
class Event:
    page: str
    view: str
    detail: str

    def __str__(self) -> str:
        return f"{self.page or '/'} [{self.view}] {self.detail}"


@dataclass
class Record:
    pages: int = 0
    runs: list[str] = field(default_factory=list)  # the view of each axe-core run
    violations: list[Violation] = field(default_factory=list)
    requests: list[Event] = field(default_factory=list)
    failed: list[Event] = field(default_factory=list)
    script_errors: list[Event] = field(default_factory=list)
    wrong_palette: list[Event] = field(default_factory=list)
    too_wide: list[Event] = field(default_factory=list)


class _Tab:
    """One window size's page object, which records what happens while it
    shows a site page."""

    def __init__(self, browser: Browser, size: dict[str, int | str], record: Record) -> None:
        self.size, self.record, self.current = size, record, ""
        self.view = View(**size, scheme="light")  # type: ignore[arg-type]
        self.context = with_axe(self.view.context(browser))
        self.page: Page = self.context.new_page()
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.on("pageerror", lambda error: self._note(record.script_errors, str(error)))

    def open(self, server: SiteServer, label: str) -> None:
        self.current = label
        self.page.goto(server.url(label))
        self._start()

    def collect(self) -> None:
        result = axe_violations(self.page, self.current, self.view)
        self.record.violations.extend(result)
        self.record.runs.append(self.view.name)

    def switch_palette(self) -> None:
        """Press the palette toggle, as a reader does, and check again."""
        other = "slate" if self.view.scheme == "light" else "default"
        self.page.locator("form[data-md-component=palette] label:not([hidden])").click()
        self.page.wait_for_function(
            "scheme => document.body.dataset.mdColorScheme === scheme"
            " && !document.body.hasAttribute('data-md-color-switching')",
            arg=other,
        )
        wait_until_still(self.page)
        self._start()

    def check_reflow(self) -> None:
        """At 320 pixels wide nothing may need horizontal scrolling but a
        table in its own scroll box."""
        self.page.set_viewport_size({"width": REFLOW_WIDTH, "height": self.view.height})
        width = self.page.evaluate("() => document.documentElement.scrollWidth")
        if width > REFLOW_WIDTH:
            self._note(
                self.record.too_wide, f"{width} pixels wide in a {REFLOW_WIDTH}-pixel window"
            )
        self.page.set_viewport_size({"width": self.view.width, "height": self.view.height})

    def _start(self) -> None:
        scheme = self.page.evaluate("() => document.body.dataset.mdColorScheme")
        if scheme not in SCHEMES:
            self._note(self.record.wrong_palette, f"unknown palette {scheme!r}")
        self.view = View(**self.size, scheme=SCHEMES.get(scheme, "light"))  # type: ignore[arg-type]
        start_axe(self.page)

    def _on_request(self, request: Request) -> None:
        self._note(self.record.requests, request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self._note(self.record.failed, f"{response.status} {response.url}")

    def _note(self, events: list[Event], detail: str) -> None:
        events.append(Event(self.current, self.view.name, detail))


def browse(browser: Browser, server: SiteServer, pages: Sequence[str]) -> Record:
    record = Record(pages=len(pages))
    tabs = [_Tab(browser, size, record) for size in SIZES]
    try:
        for label in pages:
            for tab in tabs:
                tab.open(server, label)
            for tab in tabs:
                tab.collect()
                tab.switch_palette()
            for tab in tabs:
                tab.collect()
                if tab.size["size"] == "phone":
                    tab.check_reflow()
    finally:
        for tab in tabs:
            tab.context.close()
    return record

"""One walk through the whole site in every view, recording what each page
does: axe-core's violations, every request it makes, every response that
failed and every script error. The tests then judge the record.

The four views each get a browser context and one page object that navigates
from page to page; each site page is loaded in all four before their results
are collected, so the two cores check pages in parallel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, Request, Response

from tests.quality.browser import PALETTE, VIEWS, View, Violation, axe_violations, start_axe
from tests.quality.serve import SiteServer


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
    runs: int = 0
    violations: list[Violation] = field(default_factory=list)
    requests: list[Event] = field(default_factory=list)
    failed: list[Event] = field(default_factory=list)
    script_errors: list[Event] = field(default_factory=list)
    wrong_palette: list[Event] = field(default_factory=list)


class _Tab:
    """One view's page object, which records what happens while it shows a site page."""

    def __init__(self, browser: Browser, view: View, record: Record) -> None:
        self.view, self.record, self.current = view, record, ""
        self.context = view.context(browser)
        self.page: Page = self.context.new_page()
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.on("pageerror", lambda error: self._note(record.script_errors, str(error)))

    def open(self, server: SiteServer, label: str) -> None:
        self.current = label
        self.page.goto(server.url(label))
        scheme = self.page.evaluate("() => document.body.dataset.mdColorScheme")
        if scheme != PALETTE[self.view.scheme]:
            self._note(self.record.wrong_palette, f"palette {scheme!r}")
        start_axe(self.page)

    def collect(self) -> None:
        self.record.violations.extend(axe_violations(self.page, self.current, self.view))
        self.record.runs += 1

    def _on_request(self, request: Request) -> None:
        self._note(self.record.requests, request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self._note(self.record.failed, f"{response.status} {response.url}")

    def _note(self, events: list[Event], detail: str) -> None:
        events.append(Event(self.current, self.view.name, detail))


def browse(browser: Browser, server: SiteServer, pages: Sequence[str]) -> Record:
    record = Record(pages=len(pages))
    tabs = [_Tab(browser, view, record) for view in VIEWS]
    try:
        for label in pages:
            for tab in tabs:
                tab.open(server, label)
            for tab in tabs:
                tab.collect()
    finally:
        for tab in tabs:
            tab.context.close()
    return record

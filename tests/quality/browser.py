"""Headless Chromium from Debian's package, driven by Playwright, and axe-core
injected into each page. No browser is ever downloaded: the tests fail, with
the command that installs it, when /usr/bin/chromium is missing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from tests.conftest import REPO

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Headless, and quiet: no background requests of the browser's own to log.
FLAGS = (
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 level AA as axe-core tags it, and its best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
    # Details of passing checks are not needed, and cost half the time.
    "resultTypes": ["violations"],
}

Scheme = Literal["light", "dark"]
# The value of mkdocs-material's data-md-color-scheme for each palette.
PALETTE = {"light": "default", "dark": "slate"}


@dataclass(frozen=True, slots=True)
class View:
    """A window size and colour preference a page is checked in."""

    size: str
    width: int
    height: int
    scheme: Scheme

    @property
    def name(self) -> str:
        return f"{self.size} {self.width}x{self.height}, {self.scheme}"

    def context(self, browser: Browser, **options: Any) -> BrowserContext:
        """A fresh browser context (empty cache and storage) in this view."""
        return browser.new_context(
            viewport={"width": self.width, "height": self.height},
            color_scheme=self.scheme,
            **options,
        )


DESKTOP = {"size": "desktop", "width": 1280, "height": 900}
PHONE = {"size": "phone", "width": 390, "height": 844}
SIZES = (DESKTOP, PHONE)
VIEWS = tuple(View(**size, scheme=scheme) for size in SIZES for scheme in ("light", "dark"))


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.is_file():
        in_ci = os.environ.get("CI") == "true"
        pytest.fail(
            f"{CHROMIUM} is missing, so the accessibility gate cannot run"
            + (" (CI=true: a missing browser is a failure, never a skip)" if in_ci else "")
            + ". Install Debian's package: `apt-get install chromium`"
            " (`make test` does it when run as root).",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(FLAGS))


@dataclass(frozen=True, slots=True)
class Violation:
    page: str
    view: str
    rule: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page or '/'} [{self.view}] {self.rule}: {self.help}\n    " + "\n    ".join(
            self.targets
        )


def with_axe(context: BrowserContext) -> BrowserContext:
    """Have axe-core in every page the context loads. An init script rather
    than a script tag per page: the same file, 15% faster over the site."""
    context.add_init_script(path=str(AXE_SCRIPT))
    return context


def start_axe(page: Page) -> None:
    """Start axe-core (injected by `with_axe`, or here); `axe_violations`
    collects the result, so several pages can be checked at once (each page
    runs in a process of its own)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    page.evaluate("options => { window.__axeResult = axe.run(document, options) }", AXE_OPTIONS)


def axe_violations(page: Page, label: str, view: View) -> list[Violation]:
    result = page.evaluate("() => window.__axeResult")
    return [
        Violation(
            page=label,
            view=view.name,
            rule=found["id"],
            help=found["help"],
            targets=tuple(_target(node) for node in found["nodes"]),
        )
        for found in result["violations"]
    ]


def check_with_axe(page: Page, label: str, view: View) -> list[Violation]:
    start_axe(page)
    return axe_violations(page, label, view)


def _target(node: dict[str, Any]) -> str:
    selector = " ".join(
        " >>> ".join(part) if isinstance(part, list) else part for part in node["target"]
    )
    summary = " ".join(node.get("failureSummary", "").split())
    return f"{selector}  ({summary[:240]})" if summary else selector


def report(violations: list[Violation], limit: int = 60) -> str:
    """Every violation, grouped as axe reports them, for one assertion message."""
    lines = [f"{len(violations)} axe violations:"] + [str(v) for v in violations[:limit]]
    if len(violations) > limit:
        lines.append(f"... and {len(violations) - limit} more")
    return "\n".join(lines)


def wait_until_still(page: Page) -> None:
    """Wait for CSS transitions (the drawer sliding in, the search opening) to end."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")

"""Every page of the built site is valid HTML by the Nu Html Checker (the
W3C's validator, pinned in package-lock.json as vnu-jar), but for a short
list of quirks in mkdocs-material's own markup, each explained below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import REPO
from tests.quality.conftest import Site

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, the markup it quotes): the theme's markup, not this site's; each
# is harmless in browsers and assistive technology.
THEME_QUIRKS = (
    # base.html: autocomplete="off" on the checkboxes that open the drawer and
    # the search, so that Firefox does not restore them open on reload.
    (r"^Attribute “autocomplete” is only allowed when", r'class="md-toggle"'),
    # nav-item.html: tabindex="" on section labels (navigation.tabs); browsers
    # treat an empty tabindex as none.
    (r"^Bad value “” for attribute “tabindex” on element “label”", r'class="md-nav__link"'),
    # toc.html: on pages left out of the navigation (not_in_nav: the agency
    # pages) the contents' title is a label for a toggle the navigation only
    # renders for pages in it. The label then does nothing.
    (r"“for” attribute of the “label” element must be the ID", r'for="__toc"'),
)


def is_theme_quirk(message: dict[str, str]) -> bool:
    return any(
        re.search(text, message.get("message", ""))
        and re.search(markup, message.get("extract", ""))
        for text, markup in THEME_QUIRKS
    )


def validate(site: Site) -> list[dict[str, str]]:
    """Run the checker once over the whole site (one Java start)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `make test` installs it (Debian: default-jre-headless)")
    assert VNU.is_file(), f"{VNU} is missing: run `make test`, which runs `npm ci` first"
    completed = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site.root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(completed.stderr)["messages"]


def test_every_page_is_valid_html(site: Site) -> None:
    messages = validate(site)
    errors = [m for m in messages if not is_theme_quirk(m)]
    print(
        f"\nNu Html Checker: {len(messages) - len(errors)} known theme quirks, {len(errors)} errors"
    )
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(
        f"{m.get('url', '').split(site.root.name + '/', 1)[-1]}:{m.get('lastLine', '?')}: "
        f"{m['message']}\n    {' '.join(m.get('extract', '').split())}"
        for m in errors[:40]
    )


def test_quirks_do_not_hide_errors_of_the_pages() -> None:
    """The filter is narrow: the same message about the site's own markup counts."""
    theme = {
        "message": "Attribute “autocomplete” is only allowed when the input type is …",
        "extract": '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" autocomplete="off">',
    }
    ours = {
        "message": theme["message"],
        "extract": '<input type="checkbox" name="x" autocomplete="off">',
    }
    assert is_theme_quirk(theme) and not is_theme_quirk(ours)

"""The published site makes no request to any other host: no fonts, scripts,
styles or images from a CDN, no GitHub API. Links (<a href>) to the agencies'
own websites, as the plans give them, are the only addresses elsewhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from generator.load.yaml_source import load_file
from generator.site_config import site_config
from tests.site.conftest import FIXTURE_PLANS, PLANS, Built
from tests.site.html import parse

# Attributes that make a browser fetch something, or send the reader somewhere.
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "content")


def _plan_hosts() -> set[str]:
    """Every host named in a plan: the agencies' websites and pages."""
    hosts: set[str] = set()
    for folder in (PLANS, FIXTURE_PLANS):
        for path in folder.rglob("*.yaml"):
            document, _ = load_file(path)
            text = repr(document.data) if document else ""
            hosts.update(
                urlsplit(url).hostname or "" for url in re.findall(r"https?://[^'\s]+", text)
            )
    return hosts


def _own_host() -> str:
    return urlsplit(site_config().site_url).hostname or ""


def test_no_page_loads_anything_from_another_host(built: Built) -> None:
    own, agencies = _own_host(), _plan_hosts()
    problems = []
    for path in built.pages():
        for element in parse(path.read_text(encoding="utf-8")).iter():
            for name in URL_ATTRIBUTES:
                for url in re.findall(r"(?:https?:)?//[^\s,\"']+", element.attrs.get(name, "")):
                    host = urlsplit(url if ":" in url.split("//")[0] else "https:" + url).hostname
                    if host == own:
                        continue
                    if element.tag == "a" and name == "href" and host in agencies:
                        continue
                    if element.tag == "meta" and name == "content" and not url.startswith("//"):
                        # <meta name=description> may quote a plan's text; it loads nothing.
                        continue
                    problems.append(f"{path.relative_to(built.site)}: <{element.tag} {name}={url}>")
    assert not problems, "\n".join(problems[:20])


def test_stylesheets_import_nothing_from_another_host(built: Built) -> None:
    for path in built.site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", css), path


def test_no_fonts_and_no_repository_widget(built: Built) -> None:
    html = built.page("")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "api.github.com" not in html and "md-source" not in html


def test_plan_hosts_are_found() -> None:
    """The allow-list above is read from the plans, not written by hand."""
    assert "fba.example.gov" in _plan_hosts()
    assert isinstance(Path, type)

"""Plan text is data. The fixture plan tests/site/fixtures/plans/example-injection/
puts HTML, script, `javascript:` links, Markdown syntax, attribute lists,
Jinja syntax and snippet lines in its text fields; in the built site, in
English and in Spanish (where it is shown untranslated), all of it must read
as plain text and none of it may run or load anything."""

from __future__ import annotations

import json
import re
from html import unescape
from xml.etree import ElementTree

import pytest

from tests.site.conftest import Built
from tests.site.html import Element, content, parse

PAGE = "agencies/example-injection/"
# The language prefixes of the site: English at the root, Spanish under es/.
PREFIXES = ["", "es/"]
# Every page that shows the fixture agency's text, in every language.
PAGES = [
    prefix + url
    for prefix in PREFIXES
    for url in (
        "",
        PAGE,
        "agencies/",
        "levels/",
        "places/",
        "promises/",
        "promises/channels/phone/",
        "complaints/",
        "examples/",
        "scoreboard/",
    )
]


def _tree(built: Built, url: str) -> Element:
    return parse(built.page(url))


@pytest.mark.parametrize("url", PAGES)
def test_no_script_from_plan_text(built: Built, url: str) -> None:
    for script in _tree(built, url).find_all("script"):
        if script.attrs.get("type") == "application/ld+json":
            assert "<" not in script.text
            json.loads(script.text)
        else:
            assert "alert" not in script.text


@pytest.mark.parametrize("url", PAGES)
def test_no_event_handler_attributes(built: Built, url: str) -> None:
    for element in _tree(built, url).iter():
        handlers = [name for name in element.attrs if name.startswith("on")]
        assert not handlers, f"<{element.tag} {handlers}>"


@pytest.mark.parametrize("url", PAGES)
def test_no_javascript_links_and_no_injected_elements(built: Built, url: str) -> None:
    tree = _tree(built, url)
    for element in tree.iter():
        for name in ("href", "src", "action", "formaction", "data"):
            value = re.sub(r"\s", "", element.attrs.get(name, "")).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), element
    page = content(built.page(url))
    for tag in ("iframe", "img", "style", "b", "div[onclick]"):
        assert not page.find_all(tag), f"<{tag}> from plan text on {url}"
    assert not [e for e in page.iter() if e.attrs.get("class") == "class"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_plan_text_reads_as_written(built: Built, prefix: str) -> None:
    text = content(built.page(prefix + PAGE)).text
    short_name = {"": "Short name: {{ 7*7 }}.", "es/": "Nombre corto: {{ 7*7 }}."}[prefix]
    for written in (
        "Injection <script>alert(1)</script> Agency",
        short_name,
        "<img src=x onerror=alert(2)> [click me](javascript:alert(3))",
        '{: onclick="alert(4)" }',
        '--8<-- "/etc/passwd"',
        "{{ 7*7 }} {% raw %} {{ config }}",
        '"><script>alert(6)</script>',
        "{% raw %}{{ 7*7 }}{% endraw %}",
        "We promise <script>alert(14)</script> {{ 7*7 }} | a | b |",
        '`code` **bold** <a href="javascript:alert(17)">click</a>',
        "*emphasis* _under_ `code` ~~strike~~ ==mark== :smile:",
        "Web {#id .class onclick=alert(12)}",
    ):
        assert written in text, written


def test_templates_and_snippets_never_run(built: Built) -> None:
    text = content(built.page(PAGE)).text
    assert "(49)" not in text and "Metric 49" not in text
    for path in built.pages():
        html = path.read_text(encoding="utf-8")
        assert "root:x:0:0" not in html and "/bin/bash" not in html, path


@pytest.mark.parametrize("prefix", PREFIXES)
def test_markdown_syntax_makes_no_markup(built: Built, prefix: str) -> None:
    page = content(built.page(prefix + PAGE))
    assert "bold" not in [strong.text for strong in page.find_all("strong")]
    assert not any(e.tag in ("em", "code", "del", "mark") for e in page.iter())
    texts = [a.text for a in page.find_all("a")]
    assert "click me" not in texts and "service" not in texts and "click" not in texts


def test_pipes_do_not_split_table_cells(built: Built) -> None:
    glance = content(built.page(PAGE)).by_id("glance")
    assert glance is not None
    rows = glance.find_all("tbody")[0].find_all("tr")
    assert len(rows) == 2
    assert all(len(row.find_all("th")) + len(row.find_all("td")) == 2 for row in rows)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_title_is_escaped(built: Built, prefix: str) -> None:
    html = built.page(prefix + PAGE)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<script" not in title.group(1)
    assert unescape(title.group(1)).startswith("Injection <script>alert(1)</script> Agency")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and "<img" not in description.group(1)
    assert unescape(description.group(1)).startswith("<img src=x onerror=alert(2)>")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_feed_escapes_plan_text(built: Built, prefix: str) -> None:
    feed = ElementTree.parse(built.site / prefix / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t and t.startswith("Injection <script>alert(1)</script> Agency") for t in titles)


def test_spreadsheets_do_not_run_plan_text(built: Built) -> None:
    standards = (built.site / "data" / "standards.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in standards
    assert ",=HYPERLINK(" not in standards and ',"=HYPERLINK(' not in standards

"""Plan text on a page of another language is marked with its own: text of
a plan not translated yet, and text a translation lacks, sits in an element
whose `lang` is the plan's language, so that a screen reader reads it in
that language's voice; translated text is never marked so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_editions
from generator.check import check_paths
from generator.load.yaml_source import load_file
from generator.render import render_all
from generator.translation.text import text_view
from tests.site.conftest import PLANS, REPO, TODAY, Built

VOID = {"br", "img", "input", "meta", "link", "wbr", "hr", "col", "source"}
# A web or email address is in no language; postal addresses are not
# translated (`x-translate`).
ADDRESS = re.compile(r"^\S+[.@]\S+$")


class _Texts(HTMLParser):
    """Each piece of text in the page's content with the language it is
    declared in (the nearest `lang` around it)."""

    def __init__(self, page_language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str]] = []
        self.found: list[tuple[str, str]] = []
        self.page_language = page_language

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            named = dict(attrs)
            # Hidden text (the search's filters) is read by no one.
            kind = "hidden" if "hidden" in named else named.get("class") or ""
            self.stack.append((tag, named.get("lang"), kind))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _, _ in self.stack]
        if "article" not in tags or {"script", "svg"} & set(tags) or not data.strip():
            return
        if any(c == "hidden" or "sp-address" in c for _, _, c in self.stack):
            return
        if ADDRESS.match(data.strip()):
            return
        lang = next((lang for _, lang, _ in reversed(self.stack) if lang), self.page_language)
        self.found.append((" ".join(data.split()), lang))


def _texts(html: str, page_language: str) -> list[tuple[str, str]]:
    parser = _Texts(page_language)
    parser.feed(html)
    parser.close()
    return parser.found


def _strings(view: Any) -> Iterator[str]:
    """Each line of plan text long enough to be told apart from interface words."""
    if isinstance(view, dict):
        for value in view.values():
            yield from _strings(value)
    elif isinstance(view, list):
        for value in view:
            yield from _strings(value)
    elif isinstance(view, str):
        for line in view.splitlines():
            line = " ".join(line.split())
            if len(line) >= 6 and not ADDRESS.match(line):
                yield line


def _misplaced(texts: list[tuple[str, str]], strings: set[str], language: str) -> set[str]:
    """Pieces of text holding one of `strings` whose declared language is
    (`language` given as "en") or is not ("!en") the one named."""
    wanted, negate = language.lstrip("!"), language.startswith("!")
    return {
        f"{text!r} [lang={lang}]"
        for text, lang in texts
        if (lang.split("-")[0] == wanted) != negate and any(s in text for s in strings)
    }


@pytest.mark.parametrize("agency", ["example-city-sanitation", "example-federal-benefits"])
def test_text_of_a_plan_not_translated_is_marked_english(built: Built, agency: str) -> None:
    """Every promise, name, metric and sentence the plan gives, wherever the
    Spanish page shows it, even inside a Spanish sentence ("Resultado de
    julio a septiembre de 2026: 4,4 (Missed pickups for every 10,000 stops)")."""
    document, _ = load_file(PLANS / agency / "2026.yaml")
    strings = set(_strings(text_view(document.data)))
    texts = _texts(built.page(f"es/agencies/{agency}/"), "es")
    assert sum(any(s in text for s in strings) for text, _ in texts) > 50
    unmarked = _misplaced(texts, strings, "!en")
    assert not unmarked, "English plan text read as Spanish:\n" + "\n".join(sorted(unmarked))


def test_translated_text_is_not_marked_english(built: Built) -> None:
    translation, _ = load_file(PLANS / "example-county-health" / "2026.es.yaml")
    strings = set(_strings(translation.data)) - {"Lakeside County", "WIC"}
    texts = _texts(built.page("es/agencies/example-county-health/"), "es")
    assert sum(any(s in text for s in strings) for text, _ in texts) > 50
    marked = _misplaced(texts, strings, "en")
    assert not marked, "Spanish text marked as English:\n" + "\n".join(sorted(marked))


def test_text_a_translation_lacks_is_marked_in_the_plans_language(tmp_path: Path) -> None:
    """A partial translation (tests/check/translations/missing-text, its plan
    published here): the page reads in Spanish, and the text it lacks (the
    plan's summary, the service "Help") is shown as the plan writes it, each
    in the smallest element that names its language."""
    fixture = REPO / "tests" / "check" / "translations" / "missing-text"
    folder = tmp_path / "plans" / "minimal-agency"
    folder.mkdir(parents=True)
    plan_text = (fixture / "2026.yaml").read_text(encoding="utf-8")
    (folder / "2026.yaml").write_text(plan_text.replace("status: draft", "status: published"))
    (folder / "2026.es.yaml").write_bytes((fixture / "2026.es.yaml").read_bytes())
    editions = build_editions(check_paths([folder.parent], today=TODAY), today=TODAY)
    page = render_all(editions)[1]["agencies/minimal-agency/index.md"].decode()
    translation, _ = load_file(folder / "2026.es.yaml")
    body = page.split("\n---\n", 1)[1]  # after the front matter (the page's <head>)
    texts = _texts(f"<article>{body}</article>", "es")
    assert "Respondemos a cada carta." in page
    assert _misplaced(texts, set(_strings(translation.data)), "en") == set()
    assert _misplaced(texts, {"A short plan.", "Help"}, "!en") == set()
    assert '<span lang="en">Help</span>' in page
    assert '<span lang="en">A short plan.</span>' in page

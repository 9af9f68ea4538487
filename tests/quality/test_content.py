"""What no machine rule checks for the pages' own content: every chart has a
text alternative and its figures in a table beside it, and every status is
written in words, never shown by colour alone."""

from __future__ import annotations

from tests.quality.conftest import Site
from tests.site.html import Element, parse


def _charts(root: Element) -> list[tuple[Element, Element]]:
    """Each chart (an <svg role=img> in a <figure>) with the element around the figure."""
    return [
        (svg, parent)
        for parent in root.iter()
        for figure in parent.children
        if figure.tag == "figure"
        for svg in figure.find_all("svg")
        if svg.attrs.get("role") == "img"
    ]


def test_every_chart_has_words_and_a_table(site: Site) -> None:
    problems, charts = [], 0
    for label in site.pages():
        root = parse(site.file(label).read_text(encoding="utf-8"))
        for svg, holder in _charts(root):
            charts += 1
            names = svg.attrs.get("aria-labelledby", "").split()
            texts = [(root.by_id(name) or Element("", {})).text.strip() for name in names]
            if len(names) < 2 or not all(texts):
                problems.append(f"{label}: a chart without a title and a description")
            if not holder.find_all("table"):
                problems.append(f"{label}: a chart without its table beside it")
    assert charts, "no chart found: the check is looking in the wrong place"
    assert not problems, "\n".join(problems)


def test_every_status_is_written_in_words(site: Site) -> None:
    problems, labels = [], 0
    for label in site.pages():
        for element in parse(site.file(label).read_text(encoding="utf-8")).iter():
            if "sp-status" in element.attrs.get("class", "").split():
                labels += 1
                if not element.text.strip():
                    problems.append(f"{label}: a status shown without words")
    assert labels, "no status label found: the check is looking in the wrong place"
    assert not problems, "\n".join(problems)

"""MkDocs' Markdown is spared the generator's HTML blocks
(generator/html_blocks_hook.py): every page of the example plans and of the
injection fixture, in every language, comes out of Markdown as it does from
its whole source, its heading ids and table of contents included."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from generator.html_blocks_hook import put_back, set_aside
from tests.site.conftest import Built


def _markdown(config: Path) -> markdown.Markdown:
    """Python-Markdown with the extensions of a written configuration."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    names, options = [], {}
    for extension in settings.get("markdown_extensions", []):
        if isinstance(extension, dict):
            ((name, option),) = extension.items()
            names.append(name)
            options[name] = option or {}
        else:
            names.append(extension)
    return markdown.Markdown(extensions=names, extension_configs=options)


def _docs_trees(built: Built) -> list[Path]:
    trees = sorted(built.docs.parent.glob(f"{built.docs.name}*.mkdocs.yml"))
    assert len(trees) >= 2, trees  # English and Spanish at least
    return trees


def test_every_page_is_what_markdown_makes_of_it_whole(built: Built) -> None:
    pages = blocks = 0
    for config in _docs_trees(built):
        docs = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["docs_dir"])
        for source in sorted(docs.rglob("*.md")):
            text, _ = get_data(source.read_text(encoding="utf-8"))
            whole = _markdown(config)
            expected = whole.convert(text)
            spared = _markdown(config)
            shorter, aside = set_aside(text)
            assert put_back(spared.convert(shorter), aside) == expected, source
            assert getattr(spared, "toc_tokens", []) == getattr(whole, "toc_tokens", []), source
            pages += 1
            blocks += len(aside)
    # Most of the pages' HTML was set aside, or the hook does nothing.
    assert pages > 50 and blocks > 5 * pages, (pages, blocks)


@pytest.mark.parametrize(
    "source",
    [
        "Some *Markdown*.\n\n<div>\n\nin a div with a blank line\n\n</div>\n",
        "<div>a</div> and text after it\n",
        "<span>inline HTML</span>\n",
        "```html\n<div>code, not HTML</div>\n```\n\n<div>a block</div>\n",
        "<div><div>nested</div>\n",
        "<!-- a comment -->\n\n<p>a paragraph</p>\n",
    ],
)
def test_what_is_not_a_whole_block_is_left_to_markdown(source: str) -> None:
    whole = markdown.Markdown(extensions=["toc"]).convert(source)
    shorter, aside = set_aside(source)
    assert put_back(markdown.Markdown(extensions=["toc"]).convert(shorter), aside) == whole


def test_a_whole_block_is_set_aside() -> None:
    shorter, aside = set_aside('<div id="a">one <div>two</div></div>\n\n## A heading\n')
    assert aside == ['<div id="a">one <div>two</div></div>']
    assert "<div" not in shorter and shorter.endswith("\n\n## A heading\n")


def test_a_page_with_a_fence_is_left_whole() -> None:
    source = "```\n<div>x</div>\n```\n\n<div>y</div>\n"
    assert set_aside(source) == (source, [])

"""A MkDocs hook (`hooks:` in each configuration the generator writes):
the generator's pages are Markdown headings between blocks of HTML it has
rendered already, and Python-Markdown passes such a block through as it is
(with `toc`, the one extension the site uses, and no `md_in_html`). It
still reads every tag of it, twice (once for MkDocs' list of the page's
anchors), which was most of MkDocs' time: 16 s of Markdown for the 1,523
English pages of 1,000 plans, 1.6 s without the blocks.

So before Markdown reads a page (`page_markdown`), each paragraph of its
source that is one whole block-level HTML element (it starts with the
element's tag at the start of a line and ends with its closing tag, and
opens the tag as often as it closes it) is set aside and replaced by a
comment naming it; once Markdown has made the page's HTML (`page_content`),
each comment is replaced by its block. A paragraph that is anything else,
and a page with a fenced code block (where a block would be code, not
HTML), are left to Markdown. The page is the one Markdown makes from its
whole source, heading ids and table of contents included
(tests/site/test_html_blocks.py compares the two for every page of the
example plans). Plan text is escaped before it reaches a page, so no plan
can write a comment of this kind; the comment's name also carries a value
drawn for each run.

What MkDocs then no longer sees is the blocks' own anchors, which it checks
Markdown links to other pages' anchors against; the generator's links are
in its HTML, which MkDocs does not check, and the site's tests check every
link. Loaded by MkDocs from its path: it imports only the standard library
and Python-Markdown."""

from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING

from markdown.util import BLOCK_LEVEL_ELEMENTS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_NAME = f"sp-html-block-{secrets.token_hex(8)}"
_COMMENT = re.compile(rf"<!--{_NAME}-(\d+)-->")
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
# The blocks set aside from each page, by its source's path, until its HTML is made.
_SET_ASIDE: dict[str, list[str]] = {}


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """`markdown` with each whole HTML block replaced by a comment, and the
    blocks, in order."""
    if _FENCE.search(markdown):
        return markdown, []
    blocks: list[str] = []
    paragraphs = markdown.split("\n\n")
    for number, paragraph in enumerate(paragraphs):
        if _whole_element(paragraph.rstrip("\n")):
            block = paragraph.rstrip("\n")
            paragraphs[number] = f"<!--{_NAME}-{len(blocks)}-->" + paragraph[len(block) :]
            blocks.append(block)
    return "\n\n".join(paragraphs), blocks


def _whole_element(text: str) -> bool:
    start = _START.match(text)
    if start is None or start.group(1) not in _LEVEL:
        return False
    tag = start.group(1)
    return text.endswith(f"</{tag}>") and len(re.findall(rf"<{tag}[\s>]", text)) == text.count(
        f"</{tag}>"
    )


def put_back(html: str, blocks: list[str]) -> str:
    """The HTML Markdown made, with each comment replaced by its block."""
    if not blocks:
        return html
    return _COMMENT.sub(lambda found: blocks[int(found.group(1))], html)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text, blocks = set_aside(markdown)
    if blocks:
        _SET_ASIDE[page.file.src_uri] = blocks
    return text


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return put_back(html, _SET_ASIDE.pop(page.file.src_uri, []))

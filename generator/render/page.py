"""A page of the site: where it is published, its front matter and the
template that writes its Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from jinja2 import Environment
from markupsafe import Markup

from generator.render.environment import page_links
from generator.render.escape import inert
from generator.render.languages import Alternate, alternate_links
from generator.render.urls import docs_path


@dataclass(frozen=True, slots=True)
class Page:
    """`title` and `description` go into the front matter, which MkDocs themes
    print without escaping: they are escaped here, as are `filters`.
    `searchable=False` keeps a page's text out of the search index (the
    theme marks the content of the others for Pagefind: theme/main.html).
    `filters` are the search's filters the page belongs to, each a name
    and a value in the page's language, such as ("Level", "County
    agencies")."""

    url: str
    template: str
    title: str | Markup
    context: dict[str, Any] = field(default_factory=dict)
    description: str | Markup | None = None
    searchable: bool = True
    filters: tuple[tuple[str, str], ...] = ()
    # Parts of the theme to leave out (mkdocs-material's `hide`), such as the
    # site navigation beside a page that needs the width.
    hide: tuple[str, ...] = ()


def render_page(
    env: Environment,
    page: Page,
    languages: Sequence[Alternate] = (),
    root_url: str = "",
) -> tuple[str, str]:
    """(path in the docs tree, Markdown text) of one page. `languages` is the
    page in each language of the site: the language switcher at the top of
    the page, and `alternates` in the front matter, from which the theme
    writes the `<link rel="alternate" hreflang>` of the page's head."""
    front: dict[str, Any] = {"title": front_matter_text(page.title)}
    if page.description:
        front["description"] = front_matter_text(page.description)
    if page.hide:
        front["hide"] = list(page.hide)
    if not page.searchable:
        front["searchable"] = False
    if page.filters:
        front["filters"] = {
            front_matter_text(name): front_matter_text(value) for name, value in page.filters
        }
    if languages:
        front["alternates"] = alternate_links(languages, root_url)
    links = page_links(env, page.url)
    body = env.get_template(page.template).render(here=page.url, **links, **page.context)
    if languages:
        switcher = env.get_template("languages.html.j2").render(
            here=page.url, **links, languages=languages
        )
        body = f"{switcher.strip()}\n\n{body.strip()}"
    # libyaml's emitter: PyYAML's own takes a third of the time of a page.
    matter = yaml.dump(
        front, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000
    )
    return docs_path(page.url), f"---\n{matter}---\n\n{body.strip()}\n"


def front_matter_text(text: str | Markup) -> str:
    """Text as a page's front matter holds it: escaped (see `render_page`)."""
    # Front matter becomes the page's <title> and <meta>: text only, so
    # untranslated text is not marked up with its language here.
    return str(text) if isinstance(text, Markup) else str(inert(str(text)))

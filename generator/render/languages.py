"""The site in each of its languages: an edition per language (its model, its
interface text, where it is published), the same page in the other
languages, and what a page says when its plan text is in another language
than its interface.

Every language has every page: the pages come from the same plans, with the
same ids, so each edition renders the same addresses. Should one ever lack a
page, the language switcher leads to that language's home page instead of a
broken link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.model import Plan, Site
from generator.render.messages import Messages, load_messages
from generator.site_config import Language

# The language of the format's own text, shown as it is written in every
# language of the site: the schema's descriptions (the format reference) and
# the requirement frameworks in schema/frameworks/.
FORMAT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Edition:
    """One language of the site. `root_url` is the whole site's address,
    where the language-neutral files are; `incomplete` names the plans whose
    translation into this language lacks some text; `from_disk` says how
    pages are linked."""

    language: Language
    site: Site
    root_url: str
    incomplete: frozenset[Path] = field(default_factory=frozenset)
    # Links to pages end in index.html, so that the site opens from a folder
    # on disk (the pull request's preview), not only from a web server.
    from_disk: bool = False

    @property
    def site_url(self) -> str:
        return self.root_url + self.language.prefix

    @property
    def messages(self) -> Messages:
        return load_messages(self.language.code)


@dataclass(frozen=True, slots=True)
class Alternate:
    """The page being rendered, in one language: `url` from the site's root."""

    language: Language
    url: str
    current: bool


def alternates(url: str, current: Language, languages: Sequence[Language]) -> tuple[Alternate, ...]:
    """The page at `url` in every language (every language has every page:
    generator/render checks it); nothing for a site in one language."""
    if len(languages) < 2:
        return ()
    return tuple(
        Alternate(language, language.prefix + url, language == current) for language in languages
    )


def alternate_links(found: Sequence[Alternate], root_url: str) -> list[dict[str, Any]]:
    """The `<link rel="alternate" hreflang>` of a page, for its front matter:
    one per language, and `x-default` for the original language's."""
    links = [{"hreflang": a.language.code, "href": root_url + a.url} for a in found]
    if links:
        links.append({"hreflang": "x-default", "href": links[0]["href"]})
    return links


@cache  # a handful of languages, asked for on every page
def lang_attr(text_language: str, interface_language: str) -> Markup:
    """` lang="en"` on an element holding text in another language than the
    interface (a plan not translated yet), so that screen readers switch
    voice; nothing when the languages are the same."""
    if text_language.split("-")[0] == interface_language.split("-")[0]:
        return Markup("")
    return Markup(' lang="{}"').format(text_language)


def text_note(plan: Plan, *, messages: Messages, incomplete: frozenset[Path]) -> Markup:
    """What a page says when its plan text is not (all) in the interface
    language; nothing when it is."""
    language = messages.language_name(messages.language)
    if plan.path in incomplete:
        return messages("notice.language.partial", language=language)
    if lang_attr(plan.language, messages.language):
        original = messages.language_name(plan.language.split("-")[0])
        return messages("notice.language.untranslated", language=language, original=original)
    return Markup("")

"""Render the site's model into the files of the docs trees, one per language:
Markdown pages (from the Jinja2 templates in templates/), the feed and the
stylesheet in every language; the data files, the schema and the example
plans once, with the original language. Everything is returned as bytes
keyed by path; nothing here writes to disk."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.model import Site
from generator.render import urls
from generator.render.agency_pages import agency_pages
from generator.render.data import plan_json, plans_json, results_csv, standards_csv
from generator.render.directory_pages import directory_pages
from generator.render.environment import STATIC_DIR, make_environment
from generator.render.feed import atom_feed
from generator.render.guide_pages import guide_pages
from generator.render.index_pages import index_pages
from generator.render.languages import Edition, alternates
from generator.render.messages import Messages
from generator.render.page import Page, render_page
from generator.render.scoreboard import scoreboard_pages, scorecards_csv
from generator.resources import SCHEMA_FILE

Files = dict[str, bytes]


def render_site(editions: Sequence[Edition]) -> list[Files]:
    """Every file of each edition's docs tree, in the order of `editions`;
    the first, the original language's, also holds the shared files."""
    pages = {e.language.code: list(all_pages(e.site, e.messages, e.site_url)) for e in editions}
    available = {code: {page.url for page in found} for code, found in pages.items()}
    languages = [e.language for e in editions]
    out = []
    for edition in editions:
        env = make_environment(
            edition.messages,
            edition.root_url,
            prefix=edition.language.prefix,
            incomplete=edition.incomplete,
        )
        files: Files = {}
        for page in pages[edition.language.code]:
            versions = alternates(page.url, edition.language, languages, available)
            path, text = render_page(env, page, versions, edition.root_url)
            files[path] = text.encode("utf-8")
        files.update(edition_files(edition))
        out.append(files)
    if editions:
        out[0].update(data_files(editions[0].site, editions[0].root_url))
    return out


def all_pages(site: Site, messages: Messages, site_url: str) -> Iterator[Page]:
    yield from index_pages(site, messages)
    for agency in site.agencies:
        yield from agency_pages(agency, messages, site_url)
    yield from directory_pages(site, messages)
    yield from scoreboard_pages(site, messages)
    yield from guide_pages(site, messages)


def edition_files(edition: Edition) -> Files:
    """The files each language publishes for itself: its feed, the styles."""
    feed = atom_feed(edition.site, edition.site_url, edition.messages)
    return {
        urls.FEED: feed.encode("utf-8"),
        urls.STYLESHEET: (STATIC_DIR / "plans.css").read_bytes(),
    }


def data_files(site: Site, site_url: str) -> Files:
    """The language-neutral files, published as they are: data, schema,
    example plans. `site` is the original language's."""
    files: Files = {
        urls.PLANS_JSON: plans_json(site, site_url).encode("utf-8"),
        urls.STANDARDS_CSV: standards_csv(site, site_url).encode("utf-8"),
        urls.RESULTS_CSV: results_csv(site, site_url).encode("utf-8"),
        urls.SCORECARDS_CSV: scorecards_csv(site).encode("utf-8"),
        urls.SCHEMA: SCHEMA_FILE.read_bytes(),
    }
    for plan in site.all_plans:
        files[urls.plan_json_url(plan)] = plan_json(plan).encode("utf-8")
        if plan.example:
            files[urls.example_file_url(plan)] = plan.path.read_bytes()
    return files

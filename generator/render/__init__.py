"""Render the site's model into the files of the docs tree: Markdown pages
(from the Jinja2 templates in templates/), data files, the schema, the feed
and the stylesheet. Everything is returned as bytes keyed by path; nothing
here writes to disk."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Site
from generator.render import urls
from generator.render.agency_pages import agency_pages
from generator.render.data import plan_json, plans_json, results_csv, standards_csv
from generator.render.directory_pages import directory_pages
from generator.render.environment import STATIC_DIR, make_environment
from generator.render.feed import atom_feed
from generator.render.guide_pages import guide_pages
from generator.render.index_pages import index_pages
from generator.render.messages import Messages, load_messages
from generator.render.page import Page, render_page
from generator.render.scoreboard import scoreboard_pages, scorecards_csv
from generator.resources import SCHEMA_FILE
from generator.site_config import SiteConfig

Files = dict[str, bytes]


def render_site(site: Site, config: SiteConfig) -> Files:
    """Every file of the docs tree, keyed by its path in the tree."""
    messages = load_messages(config.language)
    env = make_environment(messages, config.site_url)
    files: Files = {}
    for page in all_pages(site, messages, config.site_url):
        path, text = render_page(env, page)
        files[path] = text.encode("utf-8")
    files.update(data_files(site, config.site_url, messages))
    return files


def all_pages(site: Site, messages: Messages, site_url: str) -> Iterator[Page]:
    yield from index_pages(site, messages)
    for agency in site.agencies:
        yield from agency_pages(agency, messages, site_url)
    yield from directory_pages(site, messages)
    yield from scoreboard_pages(site, messages)
    yield from guide_pages(site, messages)


def data_files(site: Site, site_url: str, messages: Messages) -> Files:
    """The files published as they are: data, schema, feed, examples, styles."""
    files: Files = {
        urls.PLANS_JSON: plans_json(site, site_url).encode("utf-8"),
        urls.STANDARDS_CSV: standards_csv(site, site_url).encode("utf-8"),
        urls.RESULTS_CSV: results_csv(site, site_url).encode("utf-8"),
        urls.SCORECARDS_CSV: scorecards_csv(site).encode("utf-8"),
        urls.FEED: atom_feed(site, site_url, messages).encode("utf-8"),
        urls.SCHEMA: SCHEMA_FILE.read_bytes(),
        urls.STYLESHEET: (STATIC_DIR / "plans.css").read_bytes(),
    }
    for plan in site.all_plans:
        files[urls.plan_json_url(plan)] = plan_json(plan).encode("utf-8")
        if plan.example:
            files[urls.example_file_url(plan)] = plan.path.read_bytes()
    return files

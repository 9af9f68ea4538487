"""Render the site's model into the files of the docs trees, one per language:
Markdown pages (from the Jinja2 templates in templates/), the feed and the
stylesheet in every language; the data files, the schema and the example
plans once, with the original language. Everything is returned as bytes
keyed by path; nothing here writes to disk.

The work is cut into tasks (a few agencies of one language, or one kind of
list page) that render independently, on every core for a large site, and
the files come back task by task so that the writer can write them as they
come instead of holding the whole site in memory."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from jinja2 import Environment

from generator.cache import Store, fingerprint
from generator.errors import BuildError
from generator.model import AgencyPlans, Site
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

# The pages that are not an agency's, by the part of the site they make.
LISTS: dict[str, Callable[[Site, Messages], Iterator[Page]]] = {
    "index": index_pages,
    "directories": directory_pages,
    "scoreboard": scoreboard_pages,
    "guides": guide_pages,
}
# Agencies rendered by one task: small enough to spread over the cores and
# to keep little in memory, large enough that handing out tasks costs little.
AGENCIES_PER_TASK = 20
# Below this many agencies, starting worker processes costs more than it saves.
PARALLEL_FROM = 40


@dataclass(frozen=True, slots=True)
class Task:
    edition: int  # index in the editions
    part: str  # a key of LISTS, "agencies", "edition" (feed, styles) or "data"
    start: int = 0  # agencies[start:stop], for "agencies"
    stop: int = 0


@dataclass(frozen=True, slots=True)
class Rendered:
    edition: int
    files: Files
    pages: frozenset[str]  # the page addresses among the files


def render_site(editions: Sequence[Edition], *, jobs: int | None = None) -> Iterator[Rendered]:
    """Every file of each edition's docs tree, task by task in no set order;
    the original language's (edition 0) also holds the shared files. Every
    language has the same pages (a translation changes text, never what
    there is), which is checked once all are rendered."""
    tasks = list(_tasks(editions))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pages: list[set[str]] = [set() for _ in editions]
    for rendered in _run_all(editions, tasks, workers):
        pages[rendered.edition] |= rendered.pages
        yield rendered
    for edition, found in zip(editions[1:], pages[1:], strict=True):
        if found != pages[0]:
            raise BuildError(
                f"The {edition.language.code} site does not have the same pages as the "
                f"original: {sorted(found ^ pages[0])[:5]}. This is a bug in the generator."
            )


def render_all(editions: Sequence[Edition]) -> list[Files]:
    """Every file of each edition, in the order of `editions`, in one process."""
    out: list[Files] = [{} for _ in editions]
    for rendered in render_site(editions, jobs=1):
        out[rendered.edition].update(rendered.files)
    return out


def _tasks(editions: Sequence[Edition]) -> Iterator[Task]:
    # The heaviest first, so that no core waits for one long task at the end.
    for index in range(len(editions)):
        yield from (Task(index, part) for part in LISTS)
    for index, edition in enumerate(editions):
        count = len(edition.site.agencies)
        for start in range(0, count, AGENCIES_PER_TASK):
            yield Task(index, "agencies", start, min(start + AGENCIES_PER_TASK, count))
        yield Task(index, "edition")
    if editions:
        yield Task(0, "data")


# The editions a forked worker renders from: set before the workers start,
# so that they inherit the model rather than receive it through a pipe.
_EDITIONS: Sequence[Edition] = ()


def _run_all(editions: Sequence[Edition], tasks: list[Task], workers: int) -> Iterator[Rendered]:
    global _EDITIONS
    parallel = workers > 1 and editions and len(editions[0].site.agencies) >= PARALLEL_FROM
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        renderer = _Renderer(editions)
        yield from (renderer.run(task) for task in tasks)
        return
    _EDITIONS = editions
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap_unordered(_run_in_worker, tasks)
    finally:
        _EDITIONS = ()


_WORKER: _Renderer | None = None


def _run_in_worker(task: Task) -> Rendered:
    global _WORKER
    if _WORKER is None:
        _WORKER = _Renderer(_EDITIONS)
    return _WORKER.run(task)


class _Renderer:
    """Renders tasks of the editions, keeping each language's Jinja2
    environment (and its compiled templates) from one task to the next."""

    def __init__(self, editions: Sequence[Edition]) -> None:
        self.editions = editions
        self.languages = [e.language for e in editions]
        self._environments: dict[int, Environment] = {}
        self._store = Store("agency-pages")

    def run(self, task: Task) -> Rendered:
        edition = self.editions[task.edition]
        if task.part == "data":
            return Rendered(task.edition, data_files(edition.site, edition.root_url), frozenset())
        if task.part == "edition":
            return Rendered(task.edition, edition_files(edition), frozenset())
        if task.part == "agencies":
            return self._agencies(task)
        pages = list(LISTS[task.part](edition.site, edition.messages))
        return Rendered(task.edition, self._render(task.edition, pages), _urls(pages))

    def _agencies(self, task: Task) -> Rendered:
        """An agency's pages depend on nothing but its own plan files (and
        their translations), the day and the generator: they come from the
        cache when none of these changed since they were last rendered."""
        edition = self.editions[task.edition]
        files: Files = {}
        urls_found: set[str] = set()
        for agency in edition.site.agencies[task.start : task.stop]:
            name = f"{edition.language.code} {edition.root_url} {agency.id}"
            key = self._agency_key(edition, agency)
            found = self._store.get(name, key) if key else None
            if found is None:
                pages = list(agency_pages(agency, edition.messages))
                rendered = self._render(task.edition, pages)
                if task.edition == 0:
                    rendered.update(agency_data_files(agency))
                found = (rendered, _urls(pages))
                if key:
                    self._store.put(name, key, found)
            files.update(found[0])
            urls_found |= found[1]
        return Rendered(task.edition, files, frozenset(urls_found))

    def _agency_key(self, edition: Edition, agency: AgencyPlans) -> str | None:
        folders = sorted({plan.path.parent for plan in agency.plans})
        try:
            inputs = [
                path.name.encode() + b"\0" + path.read_bytes()
                for folder in folders
                for path in sorted(folder.glob("*.yaml"))
            ]
        except OSError:
            return None
        languages = " ".join(f"{lang.code}={lang.prefix}" for lang in self.languages)
        return fingerprint(
            edition.language.code,
            edition.root_url,
            languages,
            edition.site.today.isoformat(),
            [str(folder).encode() for folder in folders],
            inputs,
        )

    def _render(self, index: int, pages: list[Page]) -> Files:
        edition = self.editions[index]
        env = self._environment(index)
        files: Files = {}
        for page in pages:
            versions = alternates(page.url, edition.language, self.languages)
            path, text = render_page(env, page, versions, edition.root_url)
            files[path] = text.encode("utf-8")
        return files

    def _environment(self, index: int) -> Environment:
        if index not in self._environments:
            edition = self.editions[index]
            self._environments[index] = make_environment(
                edition.messages,
                edition.root_url,
                prefix=edition.language.prefix,
                incomplete=edition.incomplete,
            )
        return self._environments[index]


def _urls(pages: list[Page]) -> frozenset[str]:
    return frozenset(page.url for page in pages)


def edition_files(edition: Edition) -> Files:
    """The files each language publishes for itself: its feed, the styles."""
    feed = atom_feed(edition.site, edition.site_url, edition.messages)
    return {
        urls.FEED: feed.encode("utf-8"),
        urls.STYLESHEET: (STATIC_DIR / "plans.css").read_bytes(),
    }


def data_files(site: Site, site_url: str) -> Files:
    """The language-neutral files about every plan (the data files and the
    schema); each plan's own are in `agency_data_files`. `site` is the
    original language's."""
    files: Files = {
        urls.PLANS_JSON: plans_json(site, site_url).encode("utf-8"),
        urls.STANDARDS_CSV: standards_csv(site, site_url).encode("utf-8"),
        urls.RESULTS_CSV: results_csv(site, site_url).encode("utf-8"),
        urls.SCORECARDS_CSV: scorecards_csv(site).encode("utf-8"),
        urls.SCHEMA: SCHEMA_FILE.read_bytes(),
    }
    return files


def agency_data_files(agency: AgencyPlans) -> Files:
    """Each plan of the agency as JSON, and as YAML for an example plan:
    published once, rendered (and cached) with the agency's pages in the
    original language."""
    files: Files = {}
    for plan in agency.plans:
        files[urls.plan_json_url(plan)] = plan_json(plan).encode("utf-8")
        if plan.example:
            files[urls.example_file_url(plan)] = plan.path.read_bytes()
    return files

"""Render the site's model into the files of the docs trees, one per language:
Markdown pages (from the Jinja2 templates in templates/), the feed and the
stylesheet in every language; the data files, the schema and the example
plans once, with the original language. Everything is returned as bytes
keyed by path; nothing here writes to disk.

The work is cut into tasks (a few agencies of one language, or the lists of
one language) that render independently, on every core for a large site,
and the files come back task by task so that the writer can write them as
they come instead of holding the whole site in memory. The agencies come
first (`render_agencies`): each gives, with its pages, its `Listing` (what
the lists show of it) and its part of the data files; the lists are then
made from these alone (`render_lists`). An agency whose pages are in the
build cache is not rendered again: the caller passes its `AgencyOutput`
instead of its model."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment

from generator.errors import BuildError
from generator.model import AgencyPlans
from generator.model.site import agency_order
from generator.pickled import Kept, fingerprint
from generator.render import urls
from generator.render.agency_pages import agency_pages, unindexed
from generator.render.data import (
    AgencyData,
    agency_data,
    agency_json,
    plan_json,
    plans_jsonl_gz,
    results_csv,
    standards_csv,
)
from generator.render.directory_pages import directory_pages
from generator.render.environment import STATIC_DIR, make_environment
from generator.render.feed import atom_feed
from generator.render.guide_pages import guide_pages
from generator.render.index_pages import index_pages
from generator.render.languages import Edition, alternates
from generator.render.listing import Listing, make_listing
from generator.render.messages import Messages
from generator.render.page import Page, render_page
from generator.render.scoreboard import scoreboard_pages, scorecards_csv
from generator.render.urls import docs_path
from generator.resources import SCHEMA_FILES
from generator.site_config import languages_setting
from generator.write import Manifest, Records, is_current, version

Files = dict[str, bytes]

# The pages that are not an agency's, by the part of the site they make.
LISTS: dict[str, Callable[[Sequence[Listing], Messages], Iterator[Page]]] = {
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
# The key of the record of each edition's list pages in the build cache.
LIST_RECORD = "list-pages-1"


@dataclass(frozen=True, slots=True)
class AgencyOutput:
    """An agency's work in one language: its files (pages, and in the
    original language its plans as data), the addresses of its pages, what
    the lists show of it, and (original language) its part of the data
    files about every plan. The last two stay pickled until a process reads
    them: the lists are rendered in one process per language, the data
    files in the main one."""

    id: str
    order: tuple[str, str]  # its place in the lists (see agency_order)
    files: Files  # empty once handed to the writer
    versions: dict[str, str]  # the version of each file (see generator/write)
    pages: frozenset[str]
    listing: Kept[Listing]
    data: Kept[AgencyData | None]


@dataclass(frozen=True, slots=True)
class Task:
    edition: int  # index in the editions
    part: str  # "agencies", or "lists": every list, the feed and the styles
    start: int = 0  # agencies[start:stop], for "agencies"
    stop: int = 0


@dataclass(frozen=True, slots=True)
class Rendered:
    edition: int
    files: Files
    pages: frozenset[str]  # the page addresses among the files and `kept`
    agencies: tuple[AgencyOutput, ...] = ()  # for an "agencies" task
    # The versions of the files, where known (see generator/write).
    versions: dict[str, str] = field(default_factory=dict)
    # Files left as they are in the docs tree, by version (see `Tree`).
    kept: dict[str, str] = field(default_factory=dict)
    # Each list page's fingerprint and version, by address.
    listed: dict[str, tuple[str, str]] = field(default_factory=dict)
    # For a "lists" task: the search filters the edition's pages are to
    # leave out of the index (see agency_pages.unindexed).
    unindexed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tree:
    """An edition's docs tree as the writer left it: a list page whose
    inputs did not change since is neither rendered nor read again when the
    file there still holds the version rendered from them."""

    root: Path
    manifest: Manifest


def render_site(
    editions: Sequence[Edition],
    *,
    jobs: int | None = None,
    done: Sequence[Sequence[AgencyOutput]] = (),
    keep: Callable[[int, AgencyOutput], None] | None = None,
    trees: Sequence[Tree] = (),
) -> Iterator[Rendered]:
    """Every file of each edition's docs tree, task by task in no set order;
    the original language's (edition 0) also holds the shared files: the
    agencies of `edition.site` (see `render_agencies`), then the lists of
    these and of `done[i]`, edition i's agencies rendered before (see
    `render_lists`)."""
    outputs = [list(done[index]) if done else [] for index in range(len(editions))]
    for rendered in render_agencies(editions, jobs=jobs, keep=keep):
        outputs[rendered.edition].extend(rendered.agencies)
        yield rendered
    yield from render_lists(editions, outputs, jobs=jobs, trees=trees)


def render_agencies(
    editions: Sequence[Edition],
    *,
    jobs: int | None = None,
    keep: Callable[[int, AgencyOutput], None] | None = None,
) -> Iterator[Rendered]:
    """The files of the agencies of each `edition.site`, task by task, with
    each agency's output (`Rendered.agencies`). `keep(i, output)` is called,
    in the process that rendered it, with each agency rendered for edition
    i, to cache it."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    agency_tasks = [
        Task(index, "agencies", start, min(start + AGENCIES_PER_TASK, len(edition.site.agencies)))
        for index, edition in enumerate(editions)
        for start in range(0, len(edition.site.agencies), AGENCIES_PER_TASK)
    ]
    count = max((len(e.site.agencies) for e in editions), default=0)
    parallel = workers > 1 and count >= PARALLEL_FROM
    yield from _run_all(
        _State(editions, keep), agency_tasks, workers if parallel else 1, compile_first=True
    )


def render_lists(
    editions: Sequence[Edition],
    outputs: Sequence[Sequence[AgencyOutput]],
    *,
    jobs: int | None = None,
    trees: Sequence[Tree] = (),
    records: Records | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[Rendered]:
    """The pages about every agency, `outputs[i]` being edition i's, and the
    files made from them, task by task. `trees[i]` is edition i's docs tree,
    whose unchanged list pages are `kept`: those whose fingerprint is the
    one `records` (the build cache's) kept from the last build. Every
    language has the same pages
    (a translation changes text, never what there is), which is checked
    once all are rendered. `meanwhile()` is called in this process while
    the workers make the lists, after the data files are handed over."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pages: list[set[str]] = [set().union(*(o.pages for o in found)) for found in outputs]
    # One task per language, so that each process reads one language's
    # listings; the original's also makes the scorecards.
    list_tasks = [Task(index, "lists") for index in range(len(editions))]
    parallel = workers > 1 and len(outputs[0] if outputs else ()) >= PARALLEL_FROM
    names = [_edition_name(edition) for edition in editions]
    known = [(records.get(name, LIST_RECORD) if records else None) or {} for name in names]
    listed: list[dict[str, tuple[str, str]]] = [{} for _ in editions]
    state = _State(editions, None, outputs, trees, known)

    def data() -> Iterator[Rendered]:
        # In this process while the workers make the lists: these files are
        # large, and would cost more to send from a worker than to make.
        if editions:
            yield Rendered(0, data_files(outputs[0]), frozenset())
        if meanwhile is not None:
            meanwhile()

    for rendered in _run_all(state, list_tasks, workers if parallel else 1, meanwhile=data):
        pages[rendered.edition] |= rendered.pages
        listed[rendered.edition].update(rendered.listed)
        yield rendered
    for name, before, now in zip(names, known, listed, strict=True):
        if now != before and records is not None:
            records.put(name, LIST_RECORD, now)
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


def _edition_name(edition: Edition) -> str:
    return f"{edition.language.code} {edition.root_url}{' from disk' if edition.from_disk else ''}"


@dataclass(frozen=True, slots=True)
class _State:
    """What the tasks render from."""

    editions: Sequence[Edition]
    keep: Callable[[int, AgencyOutput], None] | None
    outputs: Sequence[Sequence[AgencyOutput]] = ()  # each edition's agencies
    trees: Sequence[Tree] = ()
    # Each edition's list pages as the last build left them (see `Rendered`).
    known: Sequence[Mapping[str, tuple[str, str]]] = ()


# Set before the workers start, so that forked workers inherit the model
# and the agencies' outputs rather than receive them through a pipe.
_STATE: _State | None = None


def _run_all(
    state: _State,
    tasks: list[Task],
    workers: int,
    meanwhile: Callable[[], Iterator[Rendered]] | None = None,
    *,
    compile_first: bool = False,
) -> Iterator[Rendered]:
    """The tasks' results, and what `meanwhile` gives, made in this process
    while the workers run. `compile_first`: compile every template here
    before the workers start, for tasks that would each compile most of
    them (the agencies, in every language), not for one list per worker."""
    global _STATE
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            yield from meanwhile()
        renderer = _Renderer(state)
        yield from (renderer.run(task) for task in tasks)
        return
    _STATE = state
    for environment in _environments(state.editions) if compile_first else ():
        # Compiled once here, and inherited by every worker.
        for name in environment.list_templates(extensions=["j2"]):
            environment.get_template(name)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.imap_unordered(_run_in_worker, tasks)
            if meanwhile is not None:
                yield from meanwhile()
            yield from results
    finally:
        _STATE = None


_WORKER: _Renderer | None = None
# The editions rendered last, with the Jinja2 environment of each (and the
# templates it compiled), kept from one part of the build to the next.
_PREPARED: tuple[Sequence[Edition], list[Environment]] | None = None


def _environments(editions: Sequence[Edition]) -> list[Environment]:
    global _PREPARED
    if _PREPARED is None or not _same(_PREPARED[0], editions):
        made = [
            make_environment(
                edition.messages,
                edition.root_url,
                prefix=edition.language.prefix,
                incomplete=edition.incomplete,
                from_disk=edition.from_disk,
            )
            for edition in editions
        ]
        _PREPARED = (editions, made)
    return _PREPARED[1]


def _same(these: Sequence[Edition], those: Sequence[Edition]) -> bool:
    return len(these) == len(those) and all(a is b for a, b in zip(these, those, strict=True))


def _run_in_worker(task: Task) -> Rendered:
    global _WORKER
    assert _STATE is not None
    if _WORKER is None:  # each pool forks new workers
        _WORKER = _Renderer(_STATE)
    return _WORKER.run(task)


class _Renderer:
    """Renders tasks of the editions, in each language's Jinja2 environment
    (see `_environments`, which keeps it and its compiled templates from one
    task, and one part of the build, to the next)."""

    def __init__(self, state: _State) -> None:
        self.state = state
        self.editions = state.editions
        self.languages = [e.language for e in state.editions]
        self._setting = languages_setting(self.languages)

    def run(self, task: Task) -> Rendered:
        if task.part == "agencies":
            return self._agencies(task)
        index = task.edition
        edition = self.editions[index]
        ordered = sorted(self.state.outputs[index], key=lambda output: output.order)
        listings = [output.listing.get() for output in ordered]
        pages = [page for part in LISTS.values() for page in part(listings, edition.messages)]
        rendered = self._render_lists(index, pages)
        rendered.files.update(edition_files(edition, listings))
        if index == 0:
            rendered.files[urls.SCORECARDS_CSV] = scorecards_csv(listings).encode("utf-8")
        agencies = [listing.current.agency for listing in listings]
        return replace(rendered, unindexed=unindexed(agencies, edition.messages))

    def _render_lists(self, index: int, pages: list[Page]) -> Rendered:
        """List pages, each left out (kept) when its inputs (the page, with
        the listings it shows) are those of an earlier build and the docs
        tree still holds what was rendered from them; rendered otherwise."""
        tree = self.state.trees[index] if self.state.trees else None
        before = self.state.known[index] if self.state.known else {}
        files: Files = {}
        kept: dict[str, str] = {}
        listed: dict[str, tuple[str, str]] = {}
        for page in pages:
            path = docs_path(page.url)
            key = self._page_key(index, page)
            known = before.get(page.url)
            known_version = known[1] if known is not None and known[0] == key else None
            if known_version and tree and is_current(tree.root, tree.manifest, path, known_version):
                kept[path] = known_version
                listed[page.url] = (key, known_version)
                continue
            content = self._render(index, [page])[path]
            files[path] = content
            listed[page.url] = (key, version(content))
        versions = {docs_path(url): entry[1] for url, entry in listed.items()}
        return Rendered(index, files, _urls(pages), versions=versions, kept=kept, listed=listed)

    def _page_key(self, index: int, page: Page) -> str:
        """Everything a list page is rendered from. The records of the
        listings in it stand for themselves by their sources (see
        generator/render/listing.py)."""
        edition = self.editions[index]
        return fingerprint(
            edition.language.code,
            edition.root_url,
            repr(edition.from_disk),
            self._setting,
            repr((page.url, page.template, page.title, page.description)),
            repr((page.searchable, page.filters, page.hide, page.context)),
        )

    def _agencies(self, task: Task) -> Rendered:
        edition = self.editions[task.edition]
        outputs = []
        every: Files = {}
        every_version: dict[str, str] = {}
        for agency in edition.site.agencies[task.start : task.stop]:
            pages = list(agency_pages(agency, edition.messages))
            files = self._render(task.edition, pages)
            data = None
            if task.edition == 0:
                contents = [plan_json(plan) for plan in agency.plans]
                files.update(agency_data_files(agency, contents, edition.root_url))
                data = agency_data(agency, edition.root_url, contents)
            listing = make_listing(agency, edition.messages)
            versions = {path: version(content) for path, content in files.items()}
            output = AgencyOutput(
                agency.id,
                agency_order(agency.current.agency.name, agency.id),
                files,
                versions,
                _urls(pages),
                Kept(listing),
                Kept(data),
            )
            if self.state.keep is not None:
                self.state.keep(task.edition, output)
            # The files go back once, to be written; the output without them.
            outputs.append(replace(output, files={}))
            every.update(files)
            every_version.update(versions)
        found = frozenset(url for output in outputs for url in output.pages)
        return Rendered(task.edition, every, found, tuple(outputs), versions=every_version)

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
        return _environments(self.editions)[index]


def _urls(pages: list[Page]) -> frozenset[str]:
    return frozenset(page.url for page in pages)


def edition_files(edition: Edition, listings: Sequence[Listing]) -> Files:
    """The files each language publishes for itself: its feed, the styles."""
    feed = atom_feed(listings, edition.site.today, edition.site_url, edition.messages)
    return {
        urls.FEED: feed.encode("utf-8"),
        urls.STYLESHEET: (STATIC_DIR / "plans.css").read_bytes(),
    }


def data_files(outputs: Sequence[AgencyOutput]) -> Files:
    """The language-neutral files about every plan (the data files and the
    schema), from each agency's part in the original language, but the
    scorecards (made with the lists); each plan's own are in
    `agency_data_files`."""
    ordered = sorted(outputs, key=lambda output: output.order)
    parts = [part for output in ordered if (part := output.data.get()) is not None]
    return {
        urls.PLANS_JSONL_GZ: plans_jsonl_gz(parts),
        urls.STANDARDS_CSV: standards_csv(parts).encode("utf-8"),
        urls.RESULTS_CSV: results_csv(parts).encode("utf-8"),
        **{urls.SCHEMAS[version]: path.read_bytes() for version, path in SCHEMA_FILES.items()},
    }


def agency_data_files(agency: AgencyPlans, contents: Sequence[str], site_url: str) -> Files:
    """The list of the agency's plans, each plan of the agency as JSON
    (`contents`, in the order of its plans), and as YAML for an example plan:
    published once, rendered (and cached) with the agency's pages in the
    original language."""
    files: Files = {urls.agency_json_url(agency.id): agency_json(agency, site_url).encode("utf-8")}
    for plan, content in zip(agency.plans, contents, strict=True):
        files[urls.plan_json_url(plan)] = content.encode("utf-8")
        if plan.example:
            files[urls.example_file_url(plan)] = plan.path.read_bytes()
    return files

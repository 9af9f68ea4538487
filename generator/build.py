"""Build the site: check every plan, then model -> render -> write a docs tree
per language, then `mkdocs build --strict` of each language (the original at
the root, each other under its prefix, es/) into one folder in the build
folder (build/.docs-tmp/), then each language's search index, and the folder
is then swapped in for site/.

If a plan has an error nothing is written and site/ is left as it was; if
MkDocs or the search index fails in any language, the half-built folder is
thrown away and site/ is left as it was too. One build at a time writes the
same docs tree and site (generator/lock.py), and each clears what a build
killed half-way left."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from generator.cache import AgencyCache, CachedAgency
from generator.check import CheckResult, check_discovered
from generator.diagnostics import Diagnostic, Report
from generator.engine import DEFAULT_ENGINE, engine_command, write_config
from generator.errors import BuildError
from generator.load.discover import Discovery, discover, display_path, is_translation
from generator.lock import exclusive
from generator.model import PlanRecords, build_models
from generator.model.translated import plans_in_language
from generator.render import AgencyOutput, Rendered, Tree, render_agencies, render_lists
from generator.render.languages import Edition
from generator.report.text import render_text
from generator.resources import REPO_DIR
from generator.search_index import BUNDLE, Indexing, index_sites
from generator.shared_files import written_through
from generator.site_config import (
    DEFAULT_DOCS_DIR,
    Language,
    language_docs_dir,
    site_config,
    site_languages,
)
from generator.site_state import (
    LanguageBuild,
    SiteState,
    build_setting,
    docs_sources,
    nav_pages,
    stage_dirty,
)
from generator.write import TreeWriter, WriteStats


@dataclass(frozen=True, slots=True)
class Generated:
    plans: int  # plan files, translations apart
    agencies: int  # on the site (an agency with only drafts is not, yet)
    files: int
    stats: WriteStats
    warnings: int
    pages: dict[str, int]  # pages per language code
    # The search filters each language's pages leave out of the index, by
    # language code (generator/render/agency_pages.py, `unindexed`).
    unindexed: dict[str, tuple[str, ...]] = field(default_factory=dict)


def generate_docs(
    paths: Sequence[Path], *, docs_dir: Path, today: date, from_disk: bool = False
) -> Generated:
    """Check the plans and write the docs tree of each language. Raises
    BuildError, with the checker's report, if any plan or translation has an
    error; then nothing is written. With `from_disk`, links to pages name
    their files, for a site opened from a folder (see `build_site`).

    An agency whose files (and the day, the site's languages and address,
    and the generator) are the same as in an earlier build is neither
    checked, modelled nor rendered again: its findings, its files and what
    the lists show of it come from the build cache (generator/cache.py).
    Holds the lock of `docs_dir` (generator/lock.py) while it works."""
    with exclusive([docs_dir]):
        return _generate_docs(paths, docs_dir=docs_dir, today=today, from_disk=from_disk)


def _generate_docs(
    paths: Sequence[Path], *, docs_dir: Path, today: date, from_disk: bool = False
) -> Generated:
    found = discover(list(paths), named_in_agency_folders=True)
    cache = AgencyCache(site_languages(), site_config().site_url, today, from_disk=from_disk)
    for _ in range(2):
        work = _Changes(cache, found, today, from_disk=from_disk)
        try:
            return _generate(found, cache, work, docs_dir=docs_dir, today=today)
        except _Unreadable as unreadable:
            for unit in unreadable.units:
                cache.forget(unit)  # a miss the next time round
    cache.on = False  # damaged again meanwhile: without it
    work = _Changes(cache, found, today, from_disk=from_disk)
    return _generate(found, cache, work, docs_dir=docs_dir, today=today)


class _Unreadable(Exception):
    """Cached agencies whose page files could not be read back (damaged,
    or removed meanwhile): they are forgotten and the docs generated again."""

    def __init__(self, units: list[list[Path]]) -> None:
        super().__init__(f"{len(units)} cached agencies could not be read")
        self.units = units


def _generate(
    found: Discovery, cache: AgencyCache, work: _Changes, *, docs_dir: Path, today: date
) -> Generated:
    files = found.files
    units = _units(files)
    keys = {name: cache.key(unit) for name, unit in units.items()}
    stored = {name: cache.read(units[name], key) if key else None for name, key in keys.items()}
    work.start({name: (units[name], keys[name]) for name, entry in stored.items() if entry is None})
    # While the changed agencies are checked, the others come from the cache.
    entries = {
        name: cache.load(units[name], keys[name], entry)
        for name, entry in stored.items()
        if entry is not None
    }
    del stored
    hits = {name: entry for name, entry in entries.items() if entry is not None}
    if len(hits) < len(entries):  # entries that could not be used after all
        work.start({name: (unit, keys[name]) for name, unit in units.items() if name not in hits})
    checked = work.result()
    report = Report(files=files, diagnostics=list(found.problems))
    for entry in hits.values():
        report.extend(entry.diagnostics)
    report.extend(checked.report.diagnostics)
    if report.errors:
        raise BuildError(
            "These plans have errors, so the site was not built:\n" + render_text(report).rstrip()
        )
    editions = build_editions(checked, today=today, records=work.records, from_disk=work.from_disk)
    records = cache.records("docs-trees")
    writers = [TreeWriter(language_docs_dir(docs_dir, e.language), records) for e in editions]
    outputs = _write_cached(writers, hits, units, keys, cache)
    fresh: dict[str, list[AgencyOutput | None]] = {}
    trees = [Tree(writer.root, writer.known) for writer in writers]
    for rendered in render_agencies(editions, keep=work.keep):
        _write(writers, rendered)
        for output in rendered.agencies:
            outputs[rendered.edition].append(output)
            fresh.setdefault(output.id, [None] * len(editions))[rendered.edition] = output
    pages = [sum(len(output.pages) for output in group) for group in outputs]

    def keep_agencies() -> None:
        fresh_units = {n: unit for n, unit in units.items() if n not in hits and keys[n]}
        findings = _findings(fresh_units, checked.report.diagnostics)
        for name, unit in fresh_units.items():
            # An agency with only drafts is not on the site yet: no outputs.
            made = tuple(fresh.get(name, [None] * len(editions)))
            cache.put(unit, keys[name], CachedAgency(findings[name], made))

    # The agencies are cached while the lists are made (this process would
    # otherwise wait): their entries stand for their own inputs, whatever
    # becomes of the lists.
    lists = cache.records("list-pages-known")
    unindexed: dict[str, tuple[str, ...]] = {}
    for rendered in render_lists(
        editions, outputs, trees=trees, records=lists, meanwhile=keep_agencies
    ):
        _write(writers, rendered)
        pages[rendered.edition] += len(rendered.pages)
        if rendered.unindexed:
            unindexed[editions[rendered.edition].language.code] = rendered.unindexed
    stats = [writer.finish() for writer in writers]
    return Generated(
        plans=len([f for f in files if not is_translation(f)]),
        agencies=len(outputs[0]),
        files=sum(len(writer.kept) for writer in writers),
        stats=WriteStats(
            written=sum(s.written for s in stats),
            unchanged=sum(s.unchanged for s in stats),
            deleted=sum(s.deleted for s in stats),
        ),
        warnings=len(report.warnings),
        pages={e.language.code: count for e, count in zip(editions, pages, strict=True)},
        unindexed=unindexed,
    )


class _Changes:
    """The check of the changed agencies' files (`start`, then `result`),
    the plans modelled as their checks come in, and the agencies' files
    kept in the build cache as they are rendered (`keep`)."""

    def __init__(
        self, cache: AgencyCache, found: Discovery, today: date, *, from_disk: bool = False
    ) -> None:
        self.cache = cache
        self.found = found
        self.today = today
        self.from_disk = from_disk
        self.changed: dict[str, tuple[list[Path], str]] = {}
        self.records: PlanRecords | None = None  # the checked plans' records, if made

    def start(self, changed: dict[str, tuple[list[Path], str]]) -> None:
        """Check the agencies `changed`: their files and keys."""
        self.changed = changed

    @property
    def files(self) -> list[Path]:
        return [path for unit, _key in self.changed.values() for path in unit]

    def keep(self, edition: int, output: AgencyOutput) -> None:
        unit, key = self.changed.get(output.id, ((), ""))
        if key:
            self.cache.put_files(unit, key, edition, output.files)

    def result(self) -> CheckResult:
        """The check of the changed agencies."""
        # The plans are modelled as their checks come in: this process
        # would otherwise wait for the workers, then model them alone.
        self.records = PlanRecords(self.today)
        found = self.found.only(self.files)
        return check_discovered(found, today=self.today, each=self.records.add)


def _write(writers: list[TreeWriter], rendered: Rendered) -> None:
    writer = writers[rendered.edition]
    writer.write(rendered.files, rendered.versions)
    for path, known_version in rendered.kept.items():
        if not writer.keep(path, known_version):
            raise BuildError(
                f"{writer.root / path} was changed by another program while the site was "
                "being built. Build again."
            )


def _write_cached(
    writers: list[TreeWriter],
    hits: dict[str, CachedAgency],
    units: dict[str, list[Path]],
    keys: dict[str, str],
    cache: AgencyCache,
) -> list[list[AgencyOutput]]:
    """The cached agencies' outputs, by edition, with their files kept in
    (or, where the docs tree no longer holds them, written to) each tree."""
    done: list[list[AgencyOutput]] = [[] for _ in writers]
    unreadable: list[list[Path]] = []
    for name, entry in hits.items():
        for index, output in enumerate(entry.outputs):
            if output is None:
                continue
            done[index].append(output)
            writer = writers[index]
            if all(writer.keep(path, known) for path, known in output.versions.items()):
                continue
            stored = cache.files(units[name], keys[name], index)
            if stored is None:
                unreadable.append(units[name])
                continue
            writer.write(stored, output.versions)
    if unreadable:
        raise _Unreadable(unreadable)
    return done


def _units(files: list[Path]) -> dict[str, list[Path]]:
    """The files of each agency: its folder's (the folder is named after the
    agency), in the order given."""
    units: dict[str, list[Path]] = {}
    for path in files:
        units.setdefault(path.parent.name, []).append(path)
    return units


def _findings(
    units: dict[str, list[Path]], diagnostics: list[Diagnostic]
) -> dict[str, list[Diagnostic]]:
    """The findings on each agency's files, in the order of `diagnostics`."""
    agency_of = {display_path(path): name for name, unit in units.items() for path in unit}
    found: dict[str, list[Diagnostic]] = {name: [] for name in units}
    for diagnostic in diagnostics:
        if diagnostic.file in agency_of:
            found[agency_of[diagnostic.file]].append(diagnostic)
    return found


def build_editions(
    checked: CheckResult,
    *,
    today: date,
    records: PlanRecords | None = None,
    from_disk: bool = False,
) -> list[Edition]:
    """The site's model in each of its languages, the original first: each
    plan translated where it has a translation into the language. `records`
    holds the records of some plans, made already. A plan left invalid by
    warnings alone (a TODO where a date belongs) is left out."""
    root_url = site_config().site_url
    languages = site_languages()
    valid = [plan for plan in checked.plans if plan.valid]
    chosen = [
        plans_in_language(language.code, valid, checked.translations) for language in languages
    ]
    sites = build_models([each.plans for each in chosen], today=today, records=records)
    return [
        Edition(language, site, root_url, each.incomplete, from_disk=from_disk)
        for language, site, each in zip(languages, sites, chosen, strict=True)
    ]


def build_site(
    paths: Sequence[Path],
    *,
    site_dir: Path,
    today: date,
    docs_dir: Path | None = None,
    from_disk: bool = False,
    engine: str = DEFAULT_ENGINE,
) -> str:
    """Build the whole site into `site_dir`; returns a one-line summary. With
    `from_disk`, every link to a page ends in index.html (MkDocs' own too),
    so that the site works opened from a folder, without a web server: the
    pull request's preview, downloaded and unzipped. `engine` names what
    builds the pages from the docs trees (generator/engine.py)."""
    started = time.perf_counter()
    docs_dir = docs_dir or DEFAULT_DOCS_DIR
    # One build at a time writes these docs and this site: the site is
    # always exactly one build's output.
    with exclusive([docs_dir, site_dir]):
        restore_interrupted(docs_dir, site_dir.resolve())
        generated = _generate_docs(paths, docs_dir=docs_dir, today=today, from_disk=from_disk)
        run_mkdocs_build(
            docs_dir, site_dir, from_disk=from_disk, engine=engine, unindexed=generated.unindexed
        )
    return _summary(generated, site_dir, time.perf_counter() - started)


def mkdocs_environment() -> dict[str, str]:
    """The environment MkDocs runs in: mkdocs-material's notice about
    MkDocs 2 is off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs_build(
    docs_dir: Path,
    site_dir: Path,
    *,
    from_disk: bool = False,
    engine: str = DEFAULT_ENGINE,
    unindexed: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """`mkdocs build --strict` of every language into a new folder beside
    `site_dir`, each from its whole configuration written beside its docs
    tree (generator/engine.py), then its search index
    (generator/search_index.py), and the
    new folder replaces `site_dir`. The languages build at the same time,
    each into a folder of its own, and the other languages' folders move
    under the original's (to es/) once all have been built and indexed. A
    warning (strict) or a failed index fails the build and leaves `site_dir`
    as it was. The new folders are
    made in `temporary_folder`, whose leftovers (of a build that was killed)
    are cleared first. `engine` builds instead of MkDocs, from the same
    configuration (generator/engine.py). `unindexed` names, by language
    code, the search filters its pages leave out of the index (`Generated`)."""
    with exclusive([docs_dir, site_dir]):
        restore_interrupted(docs_dir, site_dir.resolve())
        _run_mkdocs_build(
            docs_dir,
            site_dir.resolve(),
            from_disk=from_disk,
            engine=engine,
            unindexed=unindexed or {},
        )


def temporary_folder(docs_dir: Path, site_dir: Path) -> Path:
    """Where a build makes the new site before it swaps it in: a folder
    beside the docs tree (build/.docs-tmp/, inside the folder git ignores),
    or beside the site when the two are on different disks (a rename cannot
    cross disks)."""
    docs_parent, site_parent = docs_dir.resolve().parent, site_dir.resolve().parent
    site_parent.mkdir(parents=True, exist_ok=True)
    docs_parent.mkdir(parents=True, exist_ok=True)
    if docs_parent.stat().st_dev == site_parent.stat().st_dev:
        return docs_parent / f".{docs_dir.name}-tmp"
    return site_parent / f".{site_dir.name}-tmp"


# The site the last build replaced, kept in the build's folder for the next
# build to start from (generator/shared_files.py).
SPARE = "spare"
# The folders of a build in the build's folder: each language's new site,
# and the published site for the moment of the swap (`_swap_in`), between
# its two renames.
_NEW = "site-new-"
_OLD = "site-old-"


def restore_interrupted(docs_dir: Path, site_dir: Path) -> None:
    """Put back the published site if a build was stopped in the middle of
    its swap (`_swap_in`): after the published site was moved aside, before
    the new one took its place. Then `site_dir` is missing, the new site is
    still in the build's folder, and so is the published one, whole: it is
    the site again, as it was. (A site someone removed is not brought back:
    the build's folder then holds no new site beside an old one.)"""
    if site_dir.exists():
        return
    work = temporary_folder(docs_dir, site_dir)
    aside = sorted(work.glob(f"{_OLD}*"), key=lambda path: path.stat().st_mtime_ns)
    if aside and any(work.glob(f"{_NEW}*")):
        aside[-1].rename(site_dir)


def _clear_leftovers(work: Path, site_dir: Path) -> None:
    """Remove what builds killed before they finished left: their folders
    in `work` (but the spare site), and beside the site those of earlier
    versions of this program, which made them there."""
    work.mkdir(parents=True, exist_ok=True)
    for leftover in work.iterdir():
        if leftover.name != SPARE:
            shutil.rmtree(leftover, ignore_errors=True)
    for pattern in (f".{site_dir.name}-new-*", f".{site_dir.name}-old-*"):
        for leftover in site_dir.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def _spares(work: Path, languages: list[Language]) -> dict[str, Path]:
    """The spare site's folder of each language, by its code: the other
    languages' moved out of the first's."""
    spare = work / SPARE
    if not spare.is_dir():
        return {}
    found = {}
    for language in languages:
        inner = spare / language.prefix.strip("/")
        if language.prefix and inner.is_dir():
            found[language.code] = inner.rename(work / f"{SPARE}-{language.code}")
    for language in languages:
        if not language.prefix:
            found[language.code] = spare
    return found


def _run_mkdocs_build(
    docs_dir: Path,
    site_dir: Path,
    *,
    from_disk: bool,
    engine: str,
    unindexed: Mapping[str, Sequence[str]],
) -> None:
    work = temporary_folder(docs_dir, site_dir)
    _clear_leftovers(work, site_dir)
    languages = site_languages()
    state = SiteState(docs_dir, site_dir)
    last = state.take()
    folders = [Path(tempfile.mkdtemp(prefix=_NEW, dir=work)) for _ in languages]
    spares = _spares(work, languages)
    shared = False  # whether any language starts from the published site's files
    started = time.time_ns()
    builds: dict[str, LanguageBuild] = {}
    processes: list[subprocess.Popen[str]] = []
    try:
        for language, folder in zip(languages, folders, strict=True):
            docs = language_docs_dir(docs_dir, language)
            config = write_config(
                language,
                docs_dir=docs,
                site_dir=site_dir / language.prefix,
                from_disk=from_disk,
                unindexed=unindexed.get(language.code, ()),
            )
            build = LanguageBuild(build_setting(config, engine), docs_sources(docs))
            builds[language.code] = build
            spare = spares.pop(language.code, None)
            dirty = _stage_dirty(language, last.get(language.code), build, folder, config, spare)
            shared = shared or dirty
            if spare is not None and not dirty:
                shutil.rmtree(spare, ignore_errors=True)
            processes.append(_start_mkdocs(engine_command(engine, config, folder, dirty=dirty)))
        failures = [
            _failure(language, process)
            for language, process in zip(languages, processes, strict=True)
        ]
        built = [
            (language, folder)
            for language, folder, failed in zip(languages, folders, failures, strict=True)
            if not failed
        ]
        # Each language's search index, in parts: those made of the same
        # pages as the published site's are shared with it
        # (generator/search_index.py).
        indexings = [
            Indexing(
                language.code,
                folder,
                site_dir / language.prefix if language.code in last else None,
                last[language.code].search if language.code in last else {},
            )
            for language, folder in built
        ]
        fingerprints, failed = index_sites(indexings)
        failures += failed
        # Only a dirty build gives MkDocs shared files it could write.
        written = (
            [p for _, folder in built for p in written_through(folder, started)] if shared else []
        )
        if written:
            raise BuildError(
                f"The site could not be built, and files of the published site {site_dir}"
                " were changed while it was built. This is a bug in the tool, not in your"
                " plans: please report it. Build again: the next build makes every page"
                " afresh. The files changed: " + ", ".join(written[:10])
            )
        if any(failures):
            raise BuildError(
                f"The site could not be built; {site_dir} is unchanged.\n"
                + "\n".join(failure for failure in failures if failure)
            )
        staging = folders[0]
        for language, folder in zip(languages[1:], folders[1:], strict=True):
            folder.rename(staging / language.prefix)
        _swap_in(staging, site_dir, work, keep=shared)
        state.put(
            {code: replace(build, search=fingerprints[code]) for code, build in builds.items()}
        )
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def _stage_dirty(
    language: Language,
    last: LanguageBuild | None,
    build: LanguageBuild,
    folder: Path,
    config_file: Path,
    spare: Path | None,
) -> bool:
    """Whether `language` can be built dirty (generator/site_state.py); if
    so, its published pages are shared with `folder` to be built over,
    starting from the `spare` site's folder if there is one."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    published = Path(config["site_dir"])
    if last is None or last.setting != build.setting or not published.is_dir():
        return False
    others = [other.prefix.strip("/") for other in site_languages() if other.prefix]
    stage_dirty(
        published,
        folder,
        docs_dir=Path(config["docs_dir"]),
        removed=last.sources - build.sources,
        in_nav=nav_pages(config.get("nav")),
        skip=[*others, BUNDLE] if not language.prefix else [BUNDLE],
        directory_urls=bool(config["use_directory_urls"]),
        spare=spare,
    )
    return True


def _start_mkdocs(command: list[str]) -> subprocess.Popen[str]:
    """The engine's build of one language (`engine_command`), its output
    kept for the report of a failure."""
    return subprocess.Popen(
        command,
        cwd=REPO_DIR,
        env=mkdocs_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _failure(language: Language, process: subprocess.Popen[str]) -> str:
    """MkDocs' output if it failed for `language`, else ""."""
    output, _ = process.communicate()
    if process.returncode == 0:
        return ""
    return f"[{language.config_file.name}]\n{output.strip()}"


def _swap_in(new: Path, site_dir: Path, work: Path, *, keep: bool) -> None:
    """Replace `site_dir` by `new` with two renames on the same disk: the old
    site is served until the moment the new one takes its place. With
    `keep` (the new site shares most of its files with the old), the old
    site is the spare the next build starts from; else it is removed, as it
    would take as much disk as the site."""
    if not site_dir.exists():
        new.rename(site_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=_OLD, dir=work))
    old.rmdir()
    site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:  # an interrupt between the renames: the site as it was
        old.rename(site_dir)
        raise
    shutil.rmtree(work / SPARE, ignore_errors=True)
    if keep:
        old.rename(work / SPARE)
    else:
        shutil.rmtree(old, ignore_errors=True)


def _summary(generated: Generated, site_dir: Path, seconds: float) -> str:
    plans, agencies = generated.plans, generated.agencies
    pages = ", ".join(f"{count} in {code}" for code, count in generated.pages.items())
    text = (
        f"Built {site_dir} from {plans} plan{'s' if plans != 1 else ''} of "
        f"{agencies} agenc{'ies' if agencies != 1 else 'y'} "
        f"({generated.files} files, {generated.stats.written} changed; pages: {pages}) "
        f"in {seconds:.1f} s."
    )
    if generated.warnings:
        text += (
            f" The plans have {generated.warnings} warning{'s' if generated.warnings != 1 else ''}:"
            " run `python -m generator validate` to see them."
        )
    return text

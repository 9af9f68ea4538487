"""What the last build of a site was made from, so that the next build of
the same site renders again only the pages whose source changed (MkDocs'
`build --dirty`) instead of every page.

A dirty build starts from the published pages of a language (shared, not
copied: generator/shared_files.py) and lets MkDocs render the pages whose
Markdown is newer than their HTML (the docs tree rewrites only the files
whose bytes change, so an unchanged page keeps its older time). It is the
same site as a full build's only when nothing else that goes into every
page has changed. So a language is built dirty only when its last build,
recorded here, had

- the same configuration (its file and everything it reads from the
  environment), the same theme folder and the same versions of the engine,
  the theme and the search indexer: any of these shapes every page;
- the same docs folder, site folder and kind of links (from disk or not).

Whatever else the pages share is rendered again in every dirty build: the
pages in the navigation (MkDocs knows a page's title only once it has read
it, and every page shows the navigation's titles) and MkDocs' own pages
(404, sitemap). A page whose source was removed has its HTML removed.

The record is removed before a build changes anything and written after its
site is in place: a build that fails or is killed leaves none, and the next
build is a full one."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from mkdocs.structure.files import File

from generator.engine import HOOKS
from generator.resources import REPO_DIR
from generator.shared_files import sync_tree

# What shapes every page besides its own source: the libraries that render
# and index it, and the theme's folder.
_LIBRARIES = (
    "mkdocs",
    "properdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "pygments",
    "pagefind",
)
_THEME_DIR = REPO_DIR / "theme"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class LanguageBuild:
    """One language's part of a build: what it was made from (`setting`),
    the docs tree's files (relative paths) it was made of, and the
    fingerprint of each part of its search index, by the part's folder
    (generator/search_index.py)."""

    setting: str
    sources: frozenset[str]
    search: Mapping[str, str] = field(default_factory=dict)


@cache
def engine_fingerprint() -> str:
    """A hash of the engine's versions, the theme's files and the hooks
    MkDocs runs (generator/engine.py)."""
    digest = hashlib.sha256(f"state {_VERSION}".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    for path in sorted(_THEME_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(_THEME_DIR).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for hook in HOOKS:
        digest.update(hook.read_bytes())
    return digest.hexdigest()


def build_setting(config_file: Path, engine: str) -> str:
    """The fingerprint of what a language's pages are made with besides
    their sources: its whole configuration (generator/engine.py writes it,
    with the docs and site folders and the kind of links), the engine that
    reads it, the versions of the libraries and the theme's files."""
    digest = hashlib.sha256(engine_fingerprint().encode())
    digest.update(engine.encode() + b"\0")
    digest.update(config_file.read_bytes())
    return digest.hexdigest()


def docs_sources(docs_dir: Path) -> frozenset[str]:
    """The files of a docs tree, as paths relative to it."""
    return frozenset(
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()
    )


class SiteState:
    """The record of the last build of `site_dir` from `docs_dir`, kept
    beside the docs tree (in the folder git ignores, never published)."""

    def __init__(self, docs_dir: Path, site_dir: Path) -> None:
        self.docs_dir = docs_dir.resolve()
        self.site_dir = site_dir.resolve()
        self.path = self.docs_dir.parent / f".{self.docs_dir.name}-built.json"

    def take(self) -> dict[str, LanguageBuild]:
        """The last build's languages, by code; the record is removed, so
        that a build that does not finish leaves none."""
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = None
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        if not isinstance(found, dict) or found.get("site") != str(self.site_dir):
            return {}
        languages = found.get("languages")
        if not isinstance(languages, dict):
            return {}
        builds = {}
        for code, entry in languages.items():
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
                search = {str(k): str(v) for k, v in dict(entry.get("search", {})).items()}
                builds[code] = LanguageBuild(
                    str(entry["setting"]), frozenset(entry["sources"]), search
                )
        return builds

    def put(self, builds: Mapping[str, LanguageBuild]) -> None:
        """Record the build just swapped in."""
        record = {
            "site": str(self.site_dir),
            "languages": {
                code: {
                    "setting": build.setting,
                    "sources": sorted(build.sources),
                    "search": dict(build.search),
                }
                for code, build in builds.items()
            },
        }
        temporary = self.path.with_name(self.path.name + ".tmp")
        with contextlib.suppress(OSError):  # no record: the next build is full
            temporary.write_text(json.dumps(record), encoding="utf-8")
            temporary.replace(self.path)


def stage_dirty(
    published: Path,
    folder: Path,
    *,
    docs_dir: Path,
    removed: Iterable[str],
    in_nav: Iterable[str],
    skip: Iterable[str],
    directory_urls: bool,
    spare: Path | None = None,
) -> None:
    """Share a language's published pages (`published`, without the top
    folders `skip`: the other languages', the search index) with `folder`,
    the new build's, keeping their times, for MkDocs to build it dirty:
    hard links where they can be (generator/shared_files.py); a `spare`
    folder, an earlier site, becomes `folder` and is made the same as the
    published site. The HTML of the sources `removed` is left out, and so
    is that of the pages `in_nav`, which MkDocs then renders again."""
    if spare is not None:
        folder.rmdir()
        spare.rename(folder)
    sync_tree(published, folder, set(skip))
    for source in [*removed, *in_nav]:
        output = folder / _output_of(source, docs_dir, folder, directory_urls)
        with contextlib.suppress(FileNotFoundError):
            output.unlink()
        for parent in _parents(output.parent, folder):
            with contextlib.suppress(OSError):  # not empty: kept
                parent.rmdir()


def _output_of(source: str, docs_dir: Path, site_dir: Path, directory_urls: bool) -> str:
    """Where MkDocs writes the output of the docs file `source`."""
    return File(source, str(docs_dir), str(site_dir), directory_urls).dest_uri


def _parents(folder: Path, top: Path) -> Iterator[Path]:
    while folder != top and top in folder.parents:
        yield folder
        folder = folder.parent


def nav_pages(nav: object) -> list[str]:
    """The pages (docs paths) a MkDocs `nav` setting lists."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []

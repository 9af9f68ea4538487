"""Write the rendered files into the docs tree: the last step, and the only
one that touches the disk before MkDocs runs.

A file whose bytes did not change is left alone, so its modification time
tells `mkdocs serve` (and any other watcher) what really changed; files that
are no longer rendered are deleted, and so are folders left empty.

The writer remembers, in the build cache, the version (a hash of the bytes)
of each file it left in the tree with the file's size and modification
time: a later build that knows a file's version can keep the file without
rendering or reading it (`keep`), as long as nothing else touched it."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.cache import Store
from generator.errors import BuildError

# Marks a folder as a docs tree written by this module, which may therefore
# be cleaned. MkDocs leaves out files whose name starts with a dot.
MARKER = ".service-plans-docs"


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    deleted: int


def write_tree(files: Mapping[str, bytes], root: Path) -> WriteStats:
    """Make the folder `root` hold exactly `files` (paths relative to it)."""
    writer = TreeWriter(root)
    writer.write(files)
    return writer.finish()


class TreeWriter:
    """Write a docs tree in parts, as they are rendered (`write`), then delete
    what no part held (`finish`): the same result as `write_tree` of all the
    parts at once, without holding them all in memory."""

    def __init__(self, root: Path) -> None:
        _claim(root)
        self.root = root
        self.kept: set[PurePosixPath] = set()
        self.written = self.unchanged = 0
        self._store = Store("docs-trees")
        self._name = str(root.resolve())
        self.known: Manifest = self._store.get(self._name, _MANIFEST) or {}
        self._manifest: Manifest = {}

    def write(self, files: Mapping[str, bytes]) -> None:
        for relative, content in files.items():
            safe = _safe_relative(relative)
            self.kept.add(safe)
            path = self.root / safe
            if not (
                path.is_file()
                and path.stat().st_size == len(content)
                and path.read_bytes() == content
            ):
                _write_atomically(path, content)
                self.written += 1
            else:
                self.unchanged += 1
            stat = path.stat()
            self._manifest[relative] = (version(content), stat.st_size, stat.st_mtime_ns)

    def keep(self, relative: str, known: str) -> bool:
        """Keep the file at `relative` as it is if it holds version `known`
        (as this writer left it, untouched since); False if it may not."""
        if not is_current(self.root, self.known, relative, known):
            return False
        self.kept.add(_safe_relative(relative))
        self.unchanged += 1
        self._manifest[relative] = self.known[relative]
        return True

    def finish(self) -> WriteStats:
        deleted = _delete_stale(self.root, self.kept)
        self._store.put(self._name, _MANIFEST, self._manifest)
        return WriteStats(written=self.written, unchanged=self.unchanged, deleted=deleted)


# What the writer left in a tree: version, size and modification time by path.
Manifest = dict[str, tuple[str, int, int]]
_MANIFEST = "manifest-1"


def version(content: bytes) -> str:
    """A file's version: a hash of its bytes."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def is_current(root: Path, manifest: Manifest, relative: str, known: str) -> bool:
    """Whether the file at `relative` under `root` holds version `known`, as
    `manifest` recorded it and untouched since."""
    entry = manifest.get(relative)
    if entry is None or entry[0] != known:
        return False
    try:
        stat = (root / relative).stat()
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == entry[1:]


def _claim(root: Path) -> None:
    """Refuse to clean a folder this module did not create, such as a docs
    folder given by mistake."""
    marker = root / MARKER
    if root.exists() and any(root.iterdir()) and not marker.exists():
        raise BuildError(
            f"{root} is not empty and was not written by the generator; "
            "refusing to delete its files. Choose an empty folder."
        )
    root.mkdir(parents=True, exist_ok=True)
    marker.touch()


def _safe_relative(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BuildError(f"Refusing to write outside the docs tree: {relative!r}.")
    return path


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _delete_stale(root: Path, keep: set[PurePosixPath]) -> int:
    kept = {str(path) for path in keep}
    deleted = 0
    for folder, _, names in os.walk(root, topdown=False):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            if name != MARKER and prefix + name not in kept:
                (Path(folder) / name).unlink()
                deleted += 1
        if prefix and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    return deleted

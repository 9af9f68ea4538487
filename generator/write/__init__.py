"""Write the rendered files into the docs tree: the last step, and the only
one that touches the disk before MkDocs runs.

A file whose bytes did not change is left alone, so its modification time
tells `mkdocs serve` (and any other watcher) what really changed; files that
are no longer rendered are deleted, and so are folders left empty.

The writer can remember, in the `Records` the build gives it (the build
cache's), the version (a hash of the bytes) of each file it left in the
tree with the file's size and modification time: a later build that knows
a file's version can keep the file without rendering or reading it
(`keep`), as long as nothing else touched it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from generator.errors import BuildError

# Marks a folder as a docs tree written by this module, which may therefore
# be cleaned. MkDocs leaves out files whose name starts with a dot.
MARKER = ".service-plans-docs"


class Records(Protocol):
    """Where a stage keeps a record from one build to the next, each under a
    name with the key it was made with: the build gives one (its cache,
    generator/cache.py), or none, and then nothing is remembered."""

    def get(self, name: str, key: str) -> Any | None:
        """The record kept under `name` if it was kept with `key`, else None."""
        ...

    def put(self, name: str, key: str, value: Any) -> None: ...

    def remove(self, name: str) -> None: ...


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    deleted: int


def write_tree(
    files: Mapping[str, bytes], root: Path, records: Records | None = None
) -> WriteStats:
    """Make the folder `root` hold exactly `files` (paths relative to it);
    `records`, if given, keeps the writer's record of the tree."""
    writer = TreeWriter(root, records)
    writer.write(files)
    return writer.finish()


class TreeWriter:
    """Write a docs tree in parts, as they are rendered (`write`), then delete
    what no part held (`finish`): the same result as `write_tree` of all the
    parts at once, without holding them all in memory."""

    def __init__(self, root: Path, records: Records | None = None) -> None:
        _claim(root)
        self.root = root
        self.kept: set[str] = set()
        self.written = self.unchanged = 0
        self._records = records
        self._name = str(root.resolve())
        record = records.get(self._name, _MANIFEST) if records is not None else None
        self.known: Manifest = record.files if isinstance(record, TreeRecord) else {}
        # Whether the tree holds exactly what the last build left: then what
        # it no longer holds is known without walking it.
        self._listed = isinstance(record, TreeRecord) and _folders_unchanged(root, record)
        # Until `finish`, the tree is not as any record says.
        if records is not None:
            records.remove(self._name)
        self._manifest: Manifest = {}
        self._folders: set[str] = set()  # folders known to exist

    def write(self, files: Mapping[str, bytes], versions: Mapping[str, str] | None = None) -> None:
        """Write `files`; `versions` gives the version of some of them."""
        for relative, content in files.items():
            _safe_relative(relative)
            self.kept.add(relative)
            # os.path, not pathlib: this runs for every file of the tree.
            path = os.path.join(self.root, relative)  # noqa: PTH118
            if _holds(path, content):
                self.unchanged += 1
            else:
                self._write_atomically(path, content)
                self.written += 1
            stat = os.stat(path)  # noqa: PTH116
            known = versions.get(relative) if versions else None
            self._manifest[relative] = (known or version(content), stat.st_size, stat.st_mtime_ns)

    def _write_atomically(self, path: str, content: bytes) -> None:
        folder = os.path.dirname(path)  # noqa: PTH120
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103
            self._folders.add(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, path)  # noqa: PTH105
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)  # noqa: PTH108
            raise

    def keep(self, relative: str, known: str) -> bool:
        """Keep the file at `relative` as it is if it holds version `known`
        (as this writer left it, untouched since); False if it may not."""
        if not is_current(self.root, self.known, relative, known):
            return False
        _safe_relative(relative)
        self.kept.add(relative)
        self.unchanged += 1
        self._manifest[relative] = self.known[relative]
        return True

    def finish(self) -> WriteStats:
        if self._listed:
            deleted = _delete_listed(self.root, set(self.known) - self.kept)
        else:
            deleted = _delete_stale(self.root, self.kept)
        if self._records is not None:
            record = TreeRecord(self._manifest, _folder_times(self.root, self.kept))
            self._records.put(self._name, _MANIFEST, record)
        return WriteStats(written=self.written, unchanged=self.unchanged, deleted=deleted)


# What the writer left in a tree: version, size and modification time by path.
Manifest = dict[str, tuple[str, int, int]]
_MANIFEST = "manifest-2"


@dataclass(frozen=True, slots=True)
class TreeRecord:
    """A docs tree as the writer left it: its files, and the modification
    time of each of its folders (a file added or removed changes its
    folder's)."""

    files: Manifest
    folders: dict[str, int]


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
        # os.path, not pathlib: this runs for every file of the tree.
        stat = os.stat(os.path.join(root, relative))  # noqa: PTH116, PTH118
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == entry[1:]


def _folders(files: set[str]) -> set[str]:
    """The folders that hold `files`, up to the root ("")."""
    folders = {""}
    for relative in files:
        folder = relative.rpartition("/")[0]
        while folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    return folders


def _folder_times(root: Path, files: set[str]) -> dict[str, int]:
    times = {}
    for folder in _folders(files):
        try:
            times[folder] = os.stat(os.path.join(root, folder)).st_mtime_ns  # noqa: PTH116, PTH118
        except OSError:
            continue
    return times


def _folders_unchanged(root: Path, record: TreeRecord) -> bool:
    """Whether no file or folder was added to or removed from the tree since
    the record was made."""
    return bool(record.folders) and _folder_times(root, set(record.files)) == record.folders


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


def _safe_relative(relative: str) -> None:
    """A path inside the tree, written plainly (no empty, `.` or `..` part):
    the paths the writer keeps are compared as strings with those it finds."""
    if any(part in ("", ".", "..") for part in relative.split("/")):
        raise BuildError(
            f"Refusing to write {relative!r}: a file of the docs tree is named by a path "
            "relative to it, with no empty, '.' or '..' part."
        )


def _holds(path: str, content: bytes) -> bool:
    """Whether the file at `path` holds `content` already."""
    try:
        if os.stat(path).st_size != len(content):  # noqa: PTH116
            return False
        with open(path, "rb") as file:  # noqa: PTH123
            return file.read() == content
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def _delete_stale(root: Path, keep: set[str]) -> int:
    """Delete every file under `root` but `keep` (and the marker), walking
    the tree, and the folders left empty."""
    deleted = 0
    for folder, _, names in os.walk(root, topdown=False):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            if name != MARKER and prefix + name not in keep:
                (Path(folder) / name).unlink()
                deleted += 1
        if prefix and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    return deleted


def _delete_listed(root: Path, stale: set[str]) -> int:
    """Delete the files `stale` under `root`, and the folders left empty."""
    for relative in stale:
        (root / relative).unlink(missing_ok=True)
    for folder in sorted(_folders(stale) - {""}, key=len, reverse=True):
        path = root / folder
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return len(stale)

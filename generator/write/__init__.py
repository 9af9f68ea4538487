"""Write the rendered files into the docs tree: the last step, and the only
one that touches the disk before MkDocs runs.

A file whose bytes did not change is left alone, so its modification time
tells `mkdocs serve` (and any other watcher) what really changed; files that
are no longer rendered are deleted, and so are folders left empty."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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

    def write(self, files: Mapping[str, bytes]) -> None:
        for relative, content in files.items():
            safe = _safe_relative(relative)
            self.kept.add(safe)
            path = self.root / safe
            if (
                path.is_file()
                and path.stat().st_size == len(content)
                and path.read_bytes() == content
            ):
                self.unchanged += 1
                continue
            _write_atomically(path, content)
            self.written += 1

    def finish(self) -> WriteStats:
        deleted = _delete_stale(self.root, self.kept)
        return WriteStats(written=self.written, unchanged=self.unchanged, deleted=deleted)


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
    deleted = 0
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        if path.is_file() and relative not in keep and path.name != MARKER:
            path.unlink()
            deleted += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return deleted

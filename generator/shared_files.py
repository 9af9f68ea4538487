"""Files a new site shares with the published one, until it replaces it.

A build after a small change starts from the published site's files
(generator/site_state.py) and from the parts of its search index that did
not change (generator/search_index.py). It takes them as hard links when
the two folders are on one disk: at 1,000 plans a copy of the site's
340 MB was most of an edit's time. A hard link is one file under two
names, so writing it would change the published site before its time.
Nothing writes it: MkDocs is given a hook (generator/unshare_hook.py) that
removes the new site's name of a shared file before MkDocs writes that
file, so each file MkDocs writes is a new one; Pagefind writes only into
folders of its own. `written_through` checks, after the engine and before
the new site replaces the old, that no shared file was written.

Making a folder for each of the site's pages costs more than linking its
files (at 1,000 plans, 5,100 folders took 2 to 4 s on the disk measured), so
the site a build replaces is kept as the next build's spare
(generator/build.py) and `sync_tree` makes it the published site again,
changing only what differs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

# MkDocs' hook, named in every configuration the generator writes.
UNSHARE_HOOK = Path(__file__).with_name("unshare_hook.py")


def link_or_copy(source: str, target: str) -> None:
    """A hard link to `source`, or a copy with its times where the two
    folders are on different disks or links are not allowed."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def written_through(folder: Path, since_ns: int) -> list[str]:
    """The files of `folder` that have another name and were written since
    `since_ns` (a time in nanoseconds): a file shared with the published
    site that something wrote in place, changing the published site too.
    A file the build wrote itself has one name."""
    found = []
    for where, _, names in os.walk(folder):
        for name in names:
            path = Path(where, name)
            status = path.lstat()
            if status.st_nlink > 1 and status.st_mtime_ns >= since_ns:
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def sync_tree(source: Path, target: Path, skip: Collection[str] = ()) -> None:
    """Make `target` (made if missing) hold `source`'s files, but its top
    entries `skip`, each shared with `source` (`link_or_copy`): a file
    already shared (or a copy of the same size and time, where links cannot
    be made) is kept, any other is replaced, and what `source` does not
    have is removed, whatever `target` held before."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {entry.name: entry for entry in os.scandir(source) if entry.name not in skip}
    for entry in os.scandir(target):
        want = wanted.get(entry.name)
        if want is None or want.is_dir(follow_symlinks=False) != entry.is_dir(
            follow_symlinks=False
        ):
            _remove(entry)
    for name, want in wanted.items():
        destination = target / name
        if want.is_dir(follow_symlinks=False):
            sync_tree(Path(want.path), destination)
            continue
        try:
            if _same(want.stat(follow_symlinks=False), destination.lstat()):
                continue
            destination.unlink()
        except FileNotFoundError:
            pass
        link_or_copy(want.path, str(destination))


def _same(source: os.stat_result, target: os.stat_result) -> bool:
    if (source.st_ino, source.st_dev) == (target.st_ino, target.st_dev):
        return True
    return target.st_nlink == 1 and (source.st_size, source.st_mtime_ns) == (
        target.st_size,
        target.st_mtime_ns,
    )


def _remove(entry: os.DirEntry[str]) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        Path(entry.path).unlink()

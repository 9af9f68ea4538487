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
the new site replaces the old, that no shared file was written."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
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


def share_tree(
    source: Path,
    target: Path,
    ignore: Callable[[str, list[str]], Iterable[str]] | None = None,
) -> None:
    """`source`'s files in `target`, each shared (`link_or_copy`)."""
    shutil.copytree(source, target, dirs_exist_ok=True, ignore=ignore, copy_function=link_or_copy)


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

"""One build at a time over the same folders. A build writes a docs tree
(build/docs/ and one beside it per other language), works in a folder beside
it, and swaps a new site in; two builds doing so at once would publish a mix
of both. So a build holds an exclusive lock on each folder it writes (a lock
file beside it, `.docs.lock`, `.site.lock`), and a second build waits for
the first to finish, saying so. The locks are the operating system's (the
`filelock` package): a build that is killed holds them no more.

The build cache needs no lock of its own: its entries are named after the
folders they come from, which the lock covers, and each is written whole
(generator/cache.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.load.discover import display_path


def lock_file(folder: Path) -> Path:
    """The lock file of `folder`: beside it, hidden."""
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def exclusive(folders: Sequence[Path]) -> Iterator[None]:
    """Hold the lock of every folder in `folders` (always in the same
    order, so two builds cannot each wait for the other), waiting for each
    with a message on stderr while another build holds it. A process may
    take a lock it holds already."""
    with ExitStack() as held:
        for folder in sorted({Path(folder).resolve() for folder in folders}):
            folder.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(lock_file(folder), is_singleton=True)
            try:
                lock.acquire(blocking=False)
            except Timeout:
                print(
                    f"Another build is writing {display_path(folder)}: waiting for it to "
                    f"finish (lock file {display_path(lock_file(folder))}).",
                    file=sys.stderr,
                    flush=True,
                )
                lock.acquire()
            held.callback(lock.release)
        yield

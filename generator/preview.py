"""`preview`: build the whole site (every language, with its search index),
serve it over HTTP, and build it again whenever a plan (or a template)
changes.

Pagefind's search runs only over HTTP (its browser script fetches the
index), so the preview serves the built site itself, not MkDocs' own
server of the docs tree. A build swaps the new site in at once, so the
server always shows a whole site; a plan that stops being valid is
reported here and the last good site stays on screen. The build cache
(generator/cache.py) makes each build after an edit check and render only
what changed; MkDocs and Pagefind then run again over the whole site.
Nothing in the build depends on this module."""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.build import build_site
from generator.engine import DEFAULT_ENGINE
from generator.errors import BuildError
from generator.load.discover import find_plan_files
from generator.render.environment import STATIC_DIR, TEMPLATES_DIR
from generator.render.messages import CATALOGUE_DIR
from generator.resources import REPO_DIR
from generator.site_config import DEFAULT_DOCS_DIR

Snapshot = dict[Path, tuple[int, int]]
DEFAULT_ADDRESS = "127.0.0.1:8000"
DEFAULT_SITE_DIR = REPO_DIR / "site"
THEME_DIR = REPO_DIR / "theme"


def preview(
    paths: Sequence[Path],
    *,
    today: date,
    dev_addr: str | None = None,
    interval: float = 1.0,
    site_dir: Path = DEFAULT_SITE_DIR,
    engine: str = DEFAULT_ENGINE,
) -> int:
    """Serve the site until interrupted (Ctrl-C); returns the exit status.
    `engine` builds the pages (generator/engine.py), each time."""
    print(
        build_site(paths, site_dir=site_dir, today=today, docs_dir=DEFAULT_DOCS_DIR, engine=engine)
    )
    with serve(site_dir, dev_addr or DEFAULT_ADDRESS) as address:
        print(f"Serving {site_dir} at http://{address}/ (Ctrl-C stops).")
        with suppress(KeyboardInterrupt):
            watch(
                paths,
                today=today,
                alive=lambda: True,
                interval=interval,
                site_dir=site_dir,
                engine=engine,
            )
    return 0


@contextmanager
def serve(site_dir: Path, address: str) -> Iterator[str]:
    """Serve `site_dir` over HTTP at `address` (HOST:PORT; port 0 picks a
    free one) in a background thread; yields the address it listens on."""
    host, _, port = address.rpartition(":")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{server.server_address[0]}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """One line per request would drown the build's own messages."""


def watch(
    paths: Sequence[Path],
    *,
    today: date,
    alive: Callable[[], bool],
    interval: float,
    site_dir: Path = DEFAULT_SITE_DIR,
    docs_dir: Path = DEFAULT_DOCS_DIR,
    engine: str = DEFAULT_ENGINE,
) -> None:
    """Build again each time the watched files change, for as long as
    `alive()` is true."""
    before = snapshot(paths)
    while alive():
        time.sleep(interval)
        after = snapshot(paths)
        if after != before:
            before = after
            rebuild(paths, today=today, site_dir=site_dir, docs_dir=docs_dir, engine=engine)


def rebuild(
    paths: Sequence[Path],
    *,
    today: date,
    site_dir: Path,
    docs_dir: Path,
    engine: str = DEFAULT_ENGINE,
) -> bool:
    """Build again; on an error print the report and keep the last site."""
    try:
        summary = build_site(
            paths, site_dir=site_dir, today=today, docs_dir=docs_dir, engine=engine
        )
    except BuildError as error:
        print(f"error: {error}\nThe preview keeps showing the last valid site.", file=sys.stderr)
        return False
    print(summary)
    return True


def snapshot(paths: Sequence[Path]) -> Snapshot:
    """Size and modification time of every plan, template and theme file."""
    files = list(find_plan_files(list(paths)))
    for folder in (TEMPLATES_DIR, CATALOGUE_DIR, STATIC_DIR, THEME_DIR):
        files.extend(p for p in folder.rglob("*") if p.is_file())
    state: Snapshot = {}
    for file in files:
        try:
            stat = file.stat()
        except FileNotFoundError:
            continue
        state[file] = (stat.st_mtime_ns, stat.st_size)
    return state

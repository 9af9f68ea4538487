"""`python -m generator.dirty_build ENGINE build --dirty [options]`: the
engine's own command line (MkDocs', or ProperDocs', its fork), run by the
build (generator/build.py) when only some pages' sources changed
(generator/site_state.py).

The engine logs a notice on every dirty build, as a warning: a dirty build
may show a stale navigation. In strict mode that warning alone would fail
the build, so this filters out that one notice and lets the engine's
command line do the rest. The build makes a dirty build only where it
gives the same pages as a full one: it renders again every page of the
navigation, and it does a full build whenever the configuration, the theme
or the engine changed (tests/site/test_incremental.py compares the two,
file by file)."""

from __future__ import annotations

import importlib
import logging
import sys

_NOTICE = "A 'dirty' build is being performed"


class _DirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_NOTICE)


def main(engine: str, arguments: list[str]) -> None:
    logging.getLogger(f"{engine}.commands.build").addFilter(_DirtyNotice())
    cli = importlib.import_module(f"{engine}.__main__").cli
    cli(arguments, prog_name=engine)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

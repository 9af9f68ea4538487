"""Which files to check: every plan under the folders given, or the files named.

A plan is `NAME.yaml` (or `.yml`); a translation of it is `NAME.LANG.yaml`
beside it, such as `2026.es.yaml`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from generator.errors import UsageError

SUFFIXES = (".yaml", ".yml")


def find_plan_files(paths: list[Path]) -> list[Path]:
    """Plan and translation files named by `paths` (files, or folders searched
    recursively, leaving out names that start with a dot), in a stable order.
    Raises UsageError for a path that does not exist."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_plan_files_under(path))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder.")
    unique = list(dict.fromkeys(found))
    return unique


def _plan_files_under(folder: Path) -> list[Path]:
    """The plan files under `folder`, sorted by their parts (os.walk, as
    pathlib's globbing builds a path object for every file it meets)."""
    found: list[tuple[list[str], str]] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(parent, folder)
        parts = [] if relative == "." else relative.split(os.sep)  # noqa: PTH206
        for name in names:
            if name.endswith(SUFFIXES) and not name.startswith("."):
                full = os.path.join(parent, name)  # noqa: PTH118 - see the docstring
                if os.path.isfile(full):  # noqa: PTH113
                    found.append(([*parts, name], full))
    found.sort(key=lambda item: item[0])
    return [Path(full) for _, full in found]


def is_translation(path: Path) -> bool:
    """True for `NAME.LANG.yaml` files, which hold a plan's text in another language."""
    return len(path.name.split(".")) == 3


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the current folder when
    inside it, absolute otherwise."""
    full = os.path.realpath(path)
    here = _real(os.getcwd()).rstrip(os.sep)  # noqa: PTH109 - called for every file
    if full == here:
        return "."
    return full[len(here) + 1 :] if full.startswith(here + os.sep) else full


@lru_cache(maxsize=8)
def _real(folder: str) -> str:
    return os.path.realpath(folder)

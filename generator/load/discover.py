"""Which files to check: every plan under the folders given, or the files named.

A plan is `NAME.yaml` (or `.yml`); a translation of it is `NAME.LANG.yaml`
beside it, such as `2026.es.yaml`."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import UsageError

SUFFIXES = (".yaml", ".yml")


def find_plan_files(paths: list[Path]) -> list[Path]:
    """Plan and translation files named by `paths` (files, or folders searched
    recursively), in a stable order. Raises UsageError for a path that does not
    exist."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                candidate
                for candidate in sorted(path.rglob("*"))
                if candidate.suffix in SUFFIXES
                and candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder.")
    unique = list(dict.fromkeys(found))
    return unique


def is_translation(path: Path) -> bool:
    """True for `NAME.LANG.yaml` files, which hold a plan's text in another language."""
    return len(path.name.split(".")) == 3


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the current folder when
    inside it, absolute otherwise."""
    full = os.path.realpath(path)
    here = os.path.realpath(Path.cwd()).rstrip(os.sep)
    if full == here:
        return "."
    return full[len(here) + 1 :] if full.startswith(here + os.sep) else full

"""Golden files: the Markdown rendered for each example plan's page, as it is
written into the docs tree, in English and (under es/) in Spanish, kept under
tests/site/golden/. A change to a template, a message catalogue, an example
plan or its translation shows up here as a diff to review.

Refresh them after an intended change with one command:

    UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/site

Every example plan has a golden file and every golden file an example plan."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from generator.build import build_editions
from generator.check import check_paths
from generator.render import render_all
from tests.site.conftest import PLANS, TODAY

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@cache
def rendered() -> dict[str, str]:
    """Path under golden/ -> Markdown, for every page of every example plan,
    in every language (the original's at the top, the others under es/)."""
    editions = build_editions(check_paths([PLANS], today=TODAY), today=TODAY)
    pages = {}
    for edition, files in zip(editions, render_all(editions), strict=True):
        for path, content in files.items():
            if path.startswith("agencies/") and path != "agencies/index.md":
                name = edition.language.prefix + path.removeprefix("agencies/")
                pages[name] = content.decode("utf-8")
    return pages


def _names() -> list[str]:
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    return sorted(set(rendered()) | on_disk)


@pytest.mark.parametrize("name", _names())
def test_page_matches_its_golden_file(name: str) -> None:
    golden = GOLDEN / name
    text = rendered().get(name)
    if UPDATE:
        if text is None:
            golden.unlink()
        else:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        return
    assert text is not None, f"{golden} has no example plan any more: run UPDATE_GOLDENS=1"
    assert golden.is_file(), f"no golden file for {name}: run UPDATE_GOLDENS=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, run "
        "UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/site"
    )

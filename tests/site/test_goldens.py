"""Golden files: the Markdown rendered for each example plan's page, as it is
written into the docs tree, kept under tests/site/golden/. A change to a
template, the message catalogue or an example plan shows up here as a diff
to review.

Refresh them after an intended change with one command:

    UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/site

Every example plan has a golden file and every golden file an example plan."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from generator.check import check_paths
from generator.model import build_model
from generator.render.agency_pages import agency_pages
from generator.render.environment import make_environment
from generator.render.messages import load_messages
from generator.render.page import render_page
from generator.site_config import site_config
from tests.site.conftest import PLANS, TODAY

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@cache
def rendered() -> dict[str, str]:
    """Path under golden/ -> Markdown, for every page of every example plan."""
    checked = check_paths([PLANS], today=TODAY)
    site = build_model(checked.plans, today=TODAY)
    config = site_config()
    messages = load_messages(config.language)
    env = make_environment(messages, config.site_url)
    pages = {}
    for agency in site.agencies:
        for page in agency_pages(agency, messages, config.site_url):
            path, text = render_page(env, page)
            pages[path.removeprefix("agencies/")] = text
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

"""A list page is rendered again only when its fingerprint changes, and the
fingerprint stands for each listing in it by the listing's `source`, which
leaves out its promises and plans (they have records and sources of their
own). So no page that holds listings may show a listing's promises or
plans: rendered from listings stripped of both, every such page is the
same."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.build import build_editions
from generator.pickled import Kept
from generator.check import check_paths
from generator.render import AgencyOutput, render_lists
from generator.render.listing import Listing, make_listing
from tests.site.conftest import FIXTURE_PLANS, PLANS, TODAY


def _outputs(listings: list[Listing]) -> list[AgencyOutput]:
    return [
        AgencyOutput(x.id, (x.row.name, x.id), {}, {}, frozenset(), Kept(x), Kept(None))
        for x in listings
    ]


def test_pages_that_hold_listings_never_show_their_promises_or_plans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    checked = check_paths([PLANS, FIXTURE_PLANS], today=TODAY, jobs=1)
    editions = build_editions(checked, today=TODAY)
    for index, edition in enumerate(editions):
        listings = [make_listing(agency, edition.messages) for agency in edition.site.agencies]
        stripped = [replace(x, promises=(), plans=()) for x in listings]
        assert all(repr(a) == repr(b) for a, b in zip(listings, stripped, strict=True))
        rendered = []
        for each in (listings, stripped):
            outputs = [[] for _ in editions]
            outputs[index] = _outputs(each)
            files = {}
            for part in render_lists(editions[index : index + 1], outputs[index : index + 1]):
                files.update(part.files)
            rendered.append(files)
        holding = [
            path
            for path in rendered[0]
            if path.startswith(("response-times/", "complaints/", "scoreboard/"))
        ]
        assert holding
        for path in holding:
            assert rendered[0][path] == rendered[1][path], path

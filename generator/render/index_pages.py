"""The pages that help a citizen find an agency: the home page, agencies from
A to Z, by level of government and by place. Each agency appears as one row
of a table, and the lists are split into pages of a bounded size: neither
the pages nor the navigation grow with the number of agencies."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from markupsafe import Markup

from generator.render import urls
from generator.render.listing import AgencyRow, Listing, total_tally
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.paging import Slice, grouped, paginate
from generator.render.results import tally_text
from generator.render.vocabulary import levels

# Up to this many agencies, the home page lists them all.
HOME_LIST_LIMIT = 25


def index_pages(listings: Sequence[Listing], messages: Messages) -> Iterator[Page]:
    rows = [listing.row for listing in listings]
    tally = total_tally(listings)
    by_level = [row for _level, group in _by_level(rows) for row in group]
    yield Page(
        url=urls.HOME,
        template="pages/home.md.j2",
        title=messages("pages.home.title"),
        description=messages("home.lead"),
        context={
            "agency_count": len(listings),
            "tally": tally,
            "tally_sentence": tally_text(tally, messages, "plans"),
            "levels": [(level, len(group)) for level, group in _by_level(rows)],
            "agencies": rows if len(rows) <= HOME_LIST_LIMIT else [],
        },
    )
    yield from _list_pages(
        paginate(urls.AGENCIES, rows, rest_url=urls.AGENCIES_MORE),
        _letter,
        "letter",
        template="pages/agencies.md.j2",
        title=messages("pages.agencies.title"),
        count=len(rows),
    )
    yield from _list_pages(
        paginate(urls.LEVELS, by_level),
        lambda row: row.level,
        "level",
        template="pages/levels.md.j2",
        title=messages("pages.levels.title"),
    )
    yield from _list_pages(
        paginate(urls.PLACES, _by_place(rows)),
        lambda row: row.place,
        "place",
        template="pages/places.md.j2",
        title=messages("pages.places.title"),
    )


def _list_pages(
    slices: list[Slice[AgencyRow]],
    key: Callable[[AgencyRow], str],
    anchor: str,
    *,
    template: str,
    title: Markup,
    **context: Any,
) -> Iterator[Page]:
    """A list of agencies under headings (letters, levels, places), split
    into pages; every page links to where each heading starts."""
    pages, jumps = grouped(slices, key, anchor)
    for part, groups in zip(slices, pages, strict=True):
        yield Page(
            url=part.url,
            template=template,
            title=title,
            searchable=part.number == 1,
            # The rows are in the groups (once: see directory_pages).
            context={"slice": replace(part, rows=()), "groups": groups, "jumps": jumps, **context},
        )


def _letter(row: AgencyRow) -> str:
    first = row.name.strip()[:1].upper()
    return first if first.isalpha() else "#"


def _by_level(rows: list[AgencyRow]) -> list[tuple[str, list[AgencyRow]]]:
    return [
        (level, group) for level in levels() if (group := [r for r in rows if r.level == level])
    ]


def _by_place(rows: list[AgencyRow]) -> list[AgencyRow]:
    return sorted(rows, key=lambda r: (r.place.casefold(), r.name.casefold()))

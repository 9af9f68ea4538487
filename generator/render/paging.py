"""Long lists split into pages of a bounded size, so that no page of the
site grows without limit as agencies join: the first page at the list's
address, the next ones at ADDRESS2/, ADDRESS3/... (or under another address
where the list's own folder holds other pages, as agencies/ does)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from generator.render.page import Page

T = TypeVar("T")

# Rows on one page of a list of agencies (about 300 bytes each) or of
# promises (about 450): with the theme's 30 KB, well under 100 KB of HTML.
PAGE_SIZE = 100
# Pages the pager links on each side of the current one, beside the first
# and the last: a pager that linked every page would grow with the list,
# on every one of its pages (a list of 500 pages made each 116 KB).
WINDOW = 2


@dataclass(frozen=True, slots=True)
class Slice(Generic[T]):
    url: str
    number: int
    rows: Sequence[T]
    urls: tuple[str, ...]  # every page of the list, first to last

    def links(self) -> list[tuple[int, str] | None]:
        """The pages the pager links to, by number and address: the first,
        the last and WINDOW on each side of this one; None where pages are
        left out between two of them (a gap of one page shows that page)."""
        last = len(self.urls)
        near = range(max(1, self.number - WINDOW), min(last, self.number + WINDOW) + 1)
        shown = sorted({1, last, *near})
        links: list[tuple[int, str] | None] = []
        before = 1
        for number in shown:
            if number - before == 2:
                links.append((before + 1, self.urls[before]))
            elif number - before > 2:
                links.append(None)
            links.append((number, self.urls[number - 1]))
            before = number
        return links


@dataclass(frozen=True, slots=True)
class Group(Generic[T]):
    """The rows of one page that share a heading (a letter, a level)."""

    label: str
    anchor: str  # the id of its heading, the same on every page of the list
    rows: list[T]


@dataclass(frozen=True, slots=True)
class Jump:
    """A link to where a group starts, from any page of the list."""

    label: str
    url: str  # the page's address with the group's anchor


def paginate(
    base_url: str, rows: Sequence[T], size: int = PAGE_SIZE, rest_url: str | None = None
) -> list[Slice[T]]:
    """The pages of `rows`; one (possibly empty) page when there are few.
    The first page is at `base_url`, page N at `{rest_url or base_url}N/`."""
    count = max(1, -(-len(rows) // size))
    rest = rest_url or base_url
    addresses = tuple(base_url if n == 1 else f"{rest}{n}/" for n in range(1, count + 1))
    return [
        Slice(addresses[n], n + 1, rows[n * size : (n + 1) * size], addresses) for n in range(count)
    ]


def paged(
    base_url: str, rows: Sequence[Any], size: int, *, template: str, title: Markup
) -> Iterator[Page]:
    """The pages of a list whose template shows `slice` (its rows and the
    pager); only the first page is in the search index."""
    for part in paginate(base_url, rows, size):
        yield Page(
            url=part.url,
            template=template,
            title=title,
            searchable=part.number == 1,
            context={"slice": part},
        )


def grouped(
    slices: Sequence[Slice[T]], key: Callable[[T], str], anchor: str
) -> tuple[list[list[Group[T]]], list[Jump]]:
    """Each page's rows grouped by `key` (rows already in group order), and
    one jump per group to the page where it starts. A group that runs over
    two pages has its heading on both."""
    anchors: dict[str, str] = {}
    pages: list[list[Group[T]]] = []
    jumps: list[Jump] = []
    for part in slices:
        groups: list[Group[T]] = []
        for row in part.rows:
            label = key(row)
            if groups and groups[-1].label == label:
                groups[-1].rows.append(row)
                continue
            if label not in anchors:
                anchors[label] = f"{anchor}-{len(anchors) + 1}"
                jumps.append(Jump(label, f"{part.url}#{anchors[label]}"))
            groups.append(Group(label, anchors[label], [row]))
        pages.append(groups)
    return pages, jumps

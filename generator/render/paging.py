"""Long lists split into pages of a bounded size, so that no page of the
site grows without limit as agencies join: the first page at the list's
address, the next ones at ADDRESS2/, ADDRESS3/..."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Rows of a directory table on one page: a few hundred kilobytes at most.
PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class Slice(Generic[T]):
    url: str
    number: int
    rows: Sequence[T]
    urls: tuple[str, ...]  # every page of the list, first to last


def paginate(base_url: str, rows: Sequence[T], size: int = PAGE_SIZE) -> list[Slice[T]]:
    """The pages of `rows`; one (possibly empty) page when there are few."""
    count = max(1, -(-len(rows) // size))
    addresses = tuple(base_url if n == 1 else f"{base_url}{n}/" for n in range(1, count + 1))
    return [
        Slice(addresses[n], n + 1, rows[n * size : (n + 1) * size], addresses) for n in range(count)
    ]

"""The scoreboard: for each agency's plan in force, how far it meets the
requirement frameworks it answers to, the share of its promises met in the
latest results, and whether it is kept up to date. Sortable without
JavaScript: each order is its own page, rendered on the server, and long
lists are split into pages of bounded size. The same figures are published as
data/scorecards.csv."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from generator.model import Tally
from generator.render import urls
from generator.render.listing import FrameworkScore, Listing
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.paging import paginate
from generator.render.spreadsheet import csv_text

AGENCIES_PER_PAGE = 100
FRESHNESS_ORDER = {"out-of-date": 0, "unknown": 1, "current": 2, "not-judged": 3}


@dataclass(frozen=True, slots=True)
class ScoreRow:
    agency: Listing
    coverage: tuple[FrameworkScore, ...]
    tally: Tally

    @property
    def requirements_share(self) -> float | None:
        total = sum(c.total for c in self.coverage)
        return 100 * sum(c.met for c in self.coverage) / total if total else None


@dataclass(frozen=True, slots=True)
class Ordering:
    key: str  # the path segment under scoreboard/, "" for the default
    sort: Callable[[ScoreRow], tuple[object, ...]]


def _name(row: ScoreRow) -> tuple[object, ...]:
    return (row.agency.current.agency.name.casefold(), row.agency.id)


ORDERINGS = (
    Ordering("", _name),
    Ordering("requirements", lambda r: (-(r.requirements_share or -1), *_name(r))),
    Ordering("promises-kept", lambda r: (-(r.tally.share_met or -1), *_name(r))),
    Ordering(
        "up-to-date",
        lambda r: (FRESHNESS_ORDER[r.agency.current.freshness.status], *_name(r)),
    ),
)


def score_rows(listings: Sequence[Listing]) -> list[ScoreRow]:
    return [ScoreRow(listing, listing.scores, listing.tally) for listing in listings]


def scoreboard_pages(listings: Sequence[Listing], messages: Messages) -> Iterator[Page]:
    rows = score_rows(listings)
    for ordering in ORDERINGS:
        base = urls.SCOREBOARD + (f"{ordering.key}/" if ordering.key else "")
        ordered = sorted(rows, key=ordering.sort)
        for part in paginate(base, ordered, AGENCIES_PER_PAGE):
            yield Page(
                url=part.url,
                template="pages/scoreboard.md.j2",
                title=messages("pages.scoreboard.title"),
                searchable=not ordering.key and part.number == 1,
                context={
                    "slice": part,
                    "ordering": ordering.key,
                    "orderings": [(o.key, _order_url(o)) for o in ORDERINGS],
                },
            )


def _order_url(ordering: Ordering) -> str:
    return urls.SCOREBOARD + (f"{ordering.key}/" if ordering.key else "")


SCORECARD_COLUMNS = (
    "agency_id",
    "agency_name",
    "plan",
    "framework",
    "requirements_met",
    "requirements_total",
    "requirements_not_met",
    "promises_measured",
    "promises_met",
    "share_of_promises_met",
    "up_to_date",
    "latest_results_period",
    "next_results_due",
)


def scorecards_csv(listings: Sequence[Listing]) -> str:
    """One row per plan in force and framework it answers to (one row with an
    empty framework for a plan that answers to none)."""
    rows = [row for score in score_rows(listings) for row in _csv_rows(score)]
    return csv_text([SCORECARD_COLUMNS, *rows])


def _csv_rows(row: ScoreRow) -> Iterator[list[object]]:
    plan, tally = row.agency.current, row.tally
    fresh = plan.freshness
    share = f"{tally.share_met:.1f}" if tally.share_met is not None else ""
    tail = [
        tally.measured,
        tally.met,
        share,
        fresh.status,
        fresh.latest_period or "",
        fresh.next_due.isoformat() if fresh.next_due else "",
    ]
    if not row.coverage:
        yield [plan.agency.id, plan.agency.name, plan.key, "", "", "", "", *tail]
    for cover in row.coverage:
        missed = " ".join(cover.missed)
        yield [
            plan.agency.id,
            plan.agency.name,
            plan.key,
            cover.id,
            cover.met,
            cover.total,
            missed,
            *tail,
        ]

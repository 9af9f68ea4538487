"""The pages that help a citizen find an agency: the home page, agencies from
A to Z, by level of government and by place. Each agency appears as one row
of a table: the pages grow with the number of agencies, the navigation does
not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from generator.model import AgencyPlans, Site, Tally
from generator.render import urls
from generator.render.languages import lang_attr
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.results import tally_text
from generator.render.vocabulary import levels

# Up to this many agencies, the home page lists them all.
HOME_LIST_LIMIT = 25


@dataclass(frozen=True, slots=True)
class AgencyRow:
    name: str
    level: str
    place: str
    url: str
    example: bool
    tally_short: Markup
    lang: Markup  # ` lang="en"` when the agency's text is in another language


def agency_row(agency: AgencyPlans, messages: Messages) -> AgencyRow:
    plan = agency.current
    tally = Tally.of(plan.standards)
    return AgencyRow(
        name=plan.agency.name,
        level=plan.agency.level,
        place=plan.agency.jurisdiction,
        url=urls.agency_url(agency.id),
        example=plan.example,
        tally_short=messages("lists.tally", count=tally.met, measured=tally.measured)
        if tally.measured
        else messages("lists.no_results", count=tally.total),
        lang=lang_attr(plan.language, messages.language),
    )


def index_pages(site: Site, messages: Messages) -> Iterator[Page]:
    rows = [agency_row(agency, messages) for agency in site.agencies]
    yield Page(
        url=urls.HOME,
        template="pages/home.md.j2",
        title=messages("pages.home.title"),
        description=messages("home.lead"),
        context={
            "site": site,
            "tally_sentence": tally_text(site.tally, messages),
            "levels": [(level, len(group)) for level, group in _by_level(rows)],
            "agencies": rows if len(rows) <= HOME_LIST_LIMIT else [],
        },
    )
    yield Page(
        url=urls.AGENCIES,
        template="pages/agencies.md.j2",
        title=messages("pages.agencies.title"),
        context={"count": len(rows), "letters": _by_letter(rows)},
    )
    yield Page(
        url=urls.LEVELS,
        template="pages/levels.md.j2",
        title=messages("pages.levels.title"),
        context={"groups": _by_level(rows)},
    )
    yield Page(
        url=urls.PLACES,
        template="pages/places.md.j2",
        title=messages("pages.places.title"),
        context={"groups": _by_place(rows)},
    )


def _by_letter(rows: list[AgencyRow]) -> list[tuple[str, list[AgencyRow]]]:
    return [(letter, list(group)) for letter, group in groupby(rows, key=_letter)]


def _letter(row: AgencyRow) -> str:
    first = row.name.strip()[:1].upper()
    return first if first.isalpha() else "#"


def _by_level(rows: list[AgencyRow]) -> list[tuple[str, list[AgencyRow]]]:
    return [
        (level, group) for level in levels() if (group := [r for r in rows if r.level == level])
    ]


def _by_place(rows: list[AgencyRow]) -> list[tuple[str, list[AgencyRow]]]:
    ordered = sorted(rows, key=lambda r: (r.place.casefold(), r.name.casefold()))
    return [(place, list(group)) for place, group in groupby(ordered, key=lambda r: r.place)]

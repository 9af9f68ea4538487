"""Directories across agencies, from their current plans: every promise (by
type of service, and one page per kind of channel), every response time for
requests, and how to complain to each agency."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import AgencyPlans, Site
from generator.model.records import Standard
from generator.render import urls
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.results import ResultsView, view_results
from generator.render.vocabulary import categories

# The group of promises that name no service; not a value of the format.
AGENCY_WIDE = "agency-wide"


@dataclass(frozen=True, slots=True)
class PromiseListRow:
    agency_name: str
    url: str
    standard: Standard
    view: ResultsView
    channel_types: tuple[str, ...]


def directory_pages(site: Site, messages: Messages) -> Iterator[Page]:
    rows = list(_promise_rows(site.agencies, messages))
    channel_counts = Counter(kind for row in rows for kind in row.channel_types)
    channel_filters = sorted(channel_counts.items(), key=lambda item: (-item[1], item[0]))
    yield Page(
        url=urls.PROMISES,
        template="pages/promises.md.j2",
        title=messages("pages.promises.title"),
        context={
            "title": messages("pages.promises.title"),
            "intro": messages("pages.promises.intro", count=len(rows)),
            "groups": _by_category(rows),
            "channel_filters": channel_filters,
            "agency_wide": AGENCY_WIDE,
        },
    )
    for kind, count in channel_filters:
        label = messages.label("channel_type", kind)
        yield Page(
            url=urls.channel_promises_url(kind),
            template="pages/promises.md.j2",
            title=messages("pages.channel_promises.title", channel=label),
            # The same promises are indexed from the page of all promises.
            searchable=False,
            context={
                "title": messages("pages.channel_promises.title", channel=label),
                "intro": messages("pages.channel_promises.intro", count=count, channel=label),
                "groups": _by_category([r for r in rows if kind in r.channel_types]),
                "channel_filters": [],
                "agency_wide": AGENCY_WIDE,
            },
        )
    yield Page(
        url=urls.RESPONSE_TIMES,
        template="pages/response_times.md.j2",
        title=messages("pages.response_times.title"),
        context={
            "rows": [
                (agency, agency.current, urls.agency_url(agency.id))
                for agency in site.agencies
                if agency.current.service_levels
            ]
        },
    )
    yield Page(
        url=urls.COMPLAINTS,
        template="pages/complaints.md.j2",
        title=messages("pages.complaints.title"),
        context={"site": site},
    )


def _promise_rows(
    agencies: tuple[AgencyPlans, ...], messages: Messages
) -> Iterator[PromiseListRow]:
    for agency in agencies:
        plan = agency.current
        for standard in plan.standards:
            yield PromiseListRow(
                agency_name=plan.agency.name,
                url=urls.agency_url(agency.id),
                standard=standard,
                view=view_results(standard, messages),
                channel_types=tuple(dict.fromkeys(c.type for c in standard.channels)),
            )


def _by_category(rows: list[PromiseListRow]) -> list[tuple[str, list[PromiseListRow]]]:
    """Rows by the type of their service, in the schema's order; promises
    about everything an agency does come last."""
    return [
        (category, group)
        for category in (*categories(), AGENCY_WIDE)
        if (group := [r for r in rows if _category(r.standard) == category])
    ]


def _category(standard: Standard) -> str:
    return standard.service.category if standard.service else AGENCY_WIDE

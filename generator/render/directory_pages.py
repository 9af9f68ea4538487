"""Directories across agencies, from their current plans: every promise (by
type of service, and one page per kind of channel), every response time for
requests, and how to complain to each agency."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from markupsafe import Markup

from generator.render import urls
from generator.render.listing import AGENCY_WIDE, UNCLASSIFIED, Listing, PromiseListRow
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.paging import PAGE_SIZE, paged, paginate
from generator.render.vocabulary import categories

# Agencies on one page of the response-time directory (about 2.7 KB of
# HTML each) and of the complaint directory (about 2.9 KB of Markdown each,
# with how and where to give other feedback: a page stays under its budget).
RESPONSE_TIMES_PER_PAGE = 20
COMPLAINTS_PER_PAGE = 20


def directory_pages(listings: Sequence[Listing], messages: Messages) -> Iterator[Page]:
    rows = [row for listing in listings for row in listing.promises]
    yield from promise_pages(rows, messages)
    with_levels = [listing for listing in listings if listing.current.has_service_levels]
    yield from paged(
        urls.RESPONSE_TIMES,
        with_levels,
        RESPONSE_TIMES_PER_PAGE,
        template="pages/response_times.md.j2",
        title=messages("pages.response_times.title"),
    )
    with_complaints = [listing for listing in listings if listing.current.complaints is not None]
    yield from paged(
        urls.COMPLAINTS,
        with_complaints,
        COMPLAINTS_PER_PAGE,
        template="pages/complaints.md.j2",
        title=messages("pages.complaints.title"),
    )


def promise_pages(rows: list[PromiseListRow], messages: Messages) -> Iterator[Page]:
    """Every promise: an overview with the filters (and the whole list when it
    is short), then paged lists by type of service and by kind of channel."""
    by_category = _by_category(rows)
    channel_counts = Counter(kind for row in rows for kind in row.channel_types)
    by_channel = sorted(channel_counts.items(), key=lambda item: (-item[1], item[0]))
    yield Page(
        url=urls.PROMISES,
        template="pages/promises.md.j2",
        title=messages("pages.promises.title"),
        context={
            "intro": messages("pages.promises.intro", count=len(rows)),
            "categories": [(category, len(group)) for category, group in by_category],
            "channels": by_channel,
            "groups": by_category if len(rows) <= PAGE_SIZE else [],
            "agency_wide": AGENCY_WIDE,
        },
    )
    for category, group in by_category:
        label = _category_label(category, messages)
        title = messages("pages.category_promises.title", category=label)
        intro = messages("pages.category_promises.intro", count=len(group), category=label)
        yield from _promise_list(urls.category_promises_url(category), title, intro, group)
    by_kind: dict[str, list[PromiseListRow]] = {kind: [] for kind, _count in by_channel}
    for row in rows:
        for kind in row.channel_types:
            by_kind[kind].append(row)
    for kind, _count in by_channel:
        label = messages.label("channel_type", kind)
        group = by_kind[kind]
        title = messages("pages.channel_promises.title", channel=label)
        intro = messages("pages.channel_promises.intro", count=len(group), channel=label)
        yield from _promise_list(urls.channel_promises_url(kind), title, intro, group)


def _promise_list(
    url: str, title: Markup, intro: Markup, rows: list[PromiseListRow]
) -> Iterator[Page]:
    for part in paginate(url, rows):
        yield Page(
            url=part.url,
            template="pages/promise_list.md.j2",
            title=title,
            # The promises are searchable on their agencies' pages.
            searchable=False,
            context={
                "title": title,
                "intro": intro,
                # The rows are in the groups (once: the page's fingerprint
                # is worked out from its context).
                "slice": replace(part, rows=()),
                "groups": _by_category(list(part.rows)),
                "agency_wide": AGENCY_WIDE,
            },
        )


def _category_label(category: str, messages: Messages) -> Markup:
    if category == AGENCY_WIDE:
        return messages("pages.promises.agency_wide")
    if category == UNCLASSIFIED:
        return messages("pages.promises.unclassified")
    return messages.label("category", category)


def _by_category(rows: list[PromiseListRow]) -> list[tuple[str, list[PromiseListRow]]]:
    """Rows by the type of their service, in the schema's order; services
    whose plan gives no type, then promises about everything an agency does,
    come last."""
    groups: dict[str, list[PromiseListRow]] = {}
    for row in rows:
        groups.setdefault(row.category, []).append(row)
    return [
        (category, group)
        for category in (*categories(), UNCLASSIFIED, AGENCY_WIDE)
        if (group := groups.get(category))
    ]

"""The pages for agencies: how to publish a plan, the format reference (from
the schema), the example plans, and the data files with their columns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.render import urls
from generator.render.data import (
    AGENCY_JSON_FIELDS,
    PLANS_JSONL_FIELDS,
    RESULT_COLUMNS,
    STANDARD_COLUMNS,
)
from generator.render.feed import FEED_ENTRIES
from generator.render.listing import Listing
from generator.render.messages import Messages
from generator.render.page import Page
from generator.render.paging import paged, paginate
from generator.render.reference import schema_records
from generator.render.scoreboard import SCORECARD_COLUMNS
from generator.resources import plan_schema


@dataclass(frozen=True, slots=True)
class DataFile:
    key: str
    name: str
    url: str | None  # None for a family of files, such as one per plan
    columns: tuple[str, ...] = ()


# Example plans listed on one page (about 700 bytes each).
EXAMPLES_PER_PAGE = 60
# Kinds of record described on one page of the format reference (about 1.5 KB
# each).
RECORDS_PER_PAGE = 20

DATA_FILES = (
    DataFile("plans_jsonl_gz", urls.PLANS_JSONL_GZ, urls.PLANS_JSONL_GZ, PLANS_JSONL_FIELDS),
    DataFile("agency_json", urls.agency_json_url("AGENCY"), None, AGENCY_JSON_FIELDS),
    DataFile("plan_json", f"{urls.DATA}plans/AGENCY/PLAN.json", None),
    DataFile(
        "standards_csv",
        urls.STANDARDS_CSV,
        urls.STANDARDS_CSV,
        tuple(name for name, _ in STANDARD_COLUMNS),
    ),
    DataFile(
        "results_csv", urls.RESULTS_CSV, urls.RESULTS_CSV, tuple(name for name, _ in RESULT_COLUMNS)
    ),
    DataFile("scorecards_csv", urls.SCORECARDS_CSV, urls.SCORECARDS_CSV, SCORECARD_COLUMNS),
    DataFile("schema", urls.SCHEMA, urls.SCHEMA),
    DataFile("feed", urls.FEED, urls.FEED),
)


def guide_pages(listings: Sequence[Listing], messages: Messages) -> Iterator[Page]:
    schema = plan_schema()
    yield Page(
        url=urls.PUBLISH, template="pages/publish.md.j2", title=messages("pages.publish.title")
    )
    records = schema_records(schema)
    parts = paginate(urls.REFERENCE, records, RECORDS_PER_PAGE)
    record_url = {record.name: part.url for part in parts for record in part.rows}
    for part in parts:
        yield Page(
            url=part.url,
            template="pages/reference.md.j2",
            title=messages("pages.reference.title"),
            context={
                "slice": part,
                "records": part.rows,
                "contents": records,
                "record_url": record_url,
                "schema_description": schema.get("description", ""),
                "version": urls.SCHEMA.split("/")[1],
            },
        )
    examples = [plan for listing in listings for plan in listing.plans if plan.example]
    yield from paged(
        urls.EXAMPLES,
        examples,
        EXAMPLES_PER_PAGE,
        template="pages/examples.md.j2",
        title=messages("pages.examples.title"),
    )
    yield Page(
        url=urls.DATA,
        template="pages/data.md.j2",
        title=messages("pages.data.title"),
        context={"files": DATA_FILES, "feed_entries": FEED_ENTRIES},
    )

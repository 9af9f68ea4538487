"""Where every page and data file lives, as a URL relative to the site root.

Published addresses never change once out: an agency's page is
agencies/AGENCY/, each earlier plan and each draft stays at
agencies/AGENCY/PLAN/, the data of each plan at data/plans/AGENCY/PLAN.json,
and the list of an agency's plans at data/agencies/AGENCY.json.
Links between pages are written relative, so the site works under any path
and in `mkdocs serve`; a build for a folder on disk (the pull request's
preview) links each page by its file, `agencies/AGENCY/index.html`.

Each language has every page, under its prefix (es/agencies/AGENCY/); the
feed and the stylesheet too. The other files (the data, the schema, the
example plans) are language-neutral and published once, at the site's root:
every language's pages link there."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model import AgencyPlans, Plan

HOME = ""
AGENCIES = "agencies/"
# The later pages of the A to Z list: under agencies/ they could meet an
# agency whose id is a number.
AGENCIES_MORE = "a-z/"
LEVELS = "levels/"
PLACES = "places/"
PROMISES = "promises/"
RESPONSE_TIMES = "response-times/"
COMPLAINTS = "complaints/"
SCOREBOARD = "scoreboard/"
PUBLISH = "publish/"
REFERENCE = "reference/"
EXAMPLES = "examples/"
DATA = "data/"
# The plan format's schema, at an address of its version that never changes:
# the current version's, and each earlier one's.
SCHEMA = "schema/2/plan.schema.json"
SCHEMAS = {"2.0": SCHEMA, "1.0": "schema/1/plan.schema.json"}
FEED = "feed.xml"
# Every plan, one JSON document a line, gzip-compressed: at 10,000 plans a
# single JSON file would be some 200 MB.
PLANS_JSONL_GZ = "data/plans.jsonl.gz"
STANDARDS_CSV = "data/standards.csv"
RESULTS_CSV = "data/results.csv"
SCORECARDS_CSV = "data/scorecards.csv"
STYLESHEET = "assets/stylesheets/plans.css"
# The files each language publishes for itself; every other file is shared.
PER_LANGUAGE_FILES = (FEED, STYLESHEET)

_UNSAFE = re.compile(r"[^a-z0-9-]+")


def segment(key: str) -> str:
    """A plan's key (its file name, such as 2026) as a path segment."""
    return _UNSAFE.sub("-", key.lower()).strip("-") or "plan"


def agency_url(agency_id: str) -> str:
    return f"{AGENCIES}{agency_id}/"


def plan_url(agency: AgencyPlans, plan: Plan) -> str:
    """The current plan is the agency's page; every other plan has its own."""
    if plan is agency.current:
        return agency_url(agency.id)
    return archived_plan_url(plan)


def archived_plan_url(plan: Plan) -> str:
    return f"{agency_url(plan.agency.id)}{segment(plan.key)}/"


def plan_json_url(plan: Plan) -> str:
    return f"{DATA}plans/{plan.agency.id}/{segment(plan.key)}.json"


def agency_json_url(agency_id: str) -> str:
    return f"{DATA}agencies/{agency_id}.json"


def example_file_url(plan: Plan) -> str:
    return f"{EXAMPLES}{plan.agency.id}/{segment(plan.key)}.yaml"


def channel_promises_url(channel_type: str) -> str:
    return f"{PROMISES}channels/{channel_type}/"


def category_promises_url(category: str) -> str:
    return f"{PROMISES}services/{category}/"


def docs_path(url: str) -> str:
    """The Markdown file in the docs tree that MkDocs publishes at `url`."""
    return f"{url}index.md" if url.endswith("/") or url == HOME else url


def relative(here: str, target: str) -> str:
    """A link from the page at `here` to `target` (both site-relative URLs).
    A fragment (`#section`) is kept."""
    path, hash_mark, fragment = target.partition("#")
    if hash_mark and path == here:
        return hash_mark + fragment
    link = _relpath(path, here)
    if path.endswith("/") or path == HOME:
        link = "./" if link == "." else link + "/"
    return link + hash_mark + fragment


def as_file(link: str) -> str:
    """A relative link to a page (`../agencies/x/`, `./#top`) as a link to its
    file (`../agencies/x/index.html`), which a browser opens from a folder on
    disk without a web server. Links to files and within a page stay."""
    path, hash_mark, fragment = link.partition("#")
    if path.endswith("/"):
        return f"{path}index.html{hash_mark}{fragment}"
    return link


@lru_cache(maxsize=65536)
def _relpath(path: str, here: str) -> str:
    """posixpath.relpath for the site's URLs (no `.` or `..` segments), which
    a large site asks for hundreds of thousands of times."""
    to, start = _segments(path), _segments(here)
    common = 0
    for a, b in zip(to, start, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + list(to[common:])) or "."


def _segments(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def is_shared(target: str) -> bool:
    """Whether `target` is a language-neutral file, published once at the
    site's root (data/plans.jsonl.gz), rather than a page (or a file) that each
    language publishes under its own prefix."""
    path = target.partition("#")[0]
    return not (path == HOME or path.endswith("/") or path in PER_LANGUAGE_FILES)

"""What the pages about many agencies show of one agency, in one language:
its row in the lists of agencies, its promises in the directories, its
response times and complaints, its scores, and a few words on each of its
plans for the feed and the examples.

A `Listing` is worked out from the agency's model when its pages are
rendered, and kept with them in the build cache: the lists are then made
from listings alone, so that a build after a one-plan change does not read,
model or render the other agencies again.

Each record carries a `source`, a hash of what it holds, which stands for it
where a list page's inputs are compared between builds (its repr is its
source): a page is rendered again only when what it shows changed. A
listing's source covers everything in it but its promises and plans, which
have records (and sources) of their own: a page that shows them shows those
records, never reaches them through the listing."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.check.freshness import Freshness
from generator.model import AgencyPlans, Plan, Tally
from generator.model.records import Agency, ServiceLevel, Standard, Status
from generator.model.section_records import Complaints, Feedback
from generator.periods import LooseDate
from generator.pickled import Kept, pickle_by_fields, pickled_source
from generator.render import urls
from generator.render.languages import lang_attr
from generator.render.messages import Messages
from generator.render.results import latest_short


def _repr(record: Any) -> str:
    return f"{type(record).__name__}({record.source!r})"


def _source(*values: object) -> str:
    """The hash of `values` (strings, numbers, tuples of them: their repr is
    the same in every process)."""
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True, repr=False)
class AgencyRow:
    """The agency in the lists from A to Z, by level and by place."""

    name: str
    level: str
    place: str
    url: str
    example: bool
    tally_short: Markup
    lang: Markup  # ` lang="en"` when the agency's text is in another language
    source: str  # see the module

    __repr__ = _repr


@dataclass(frozen=True, slots=True, repr=False)
class PromiseListRow:
    """One promise in the directories of promises."""

    agency_name: str
    url: str  # the agency's page
    id: str
    promise: str
    status: Status
    category: str  # the type of its service, or AGENCY_WIDE
    latest: Markup  # "91.2% (Q3 2026)", or "" without a result
    channel_types: tuple[str, ...]
    lang: Markup
    source: str

    __repr__ = _repr


@dataclass(frozen=True, slots=True)
class FrameworkScore:
    """How far the plan in force meets one framework."""

    id: str
    short_title: str
    met: int
    total: int
    missed: tuple[str, ...]  # the ids of the requirements not met


@dataclass(frozen=True, slots=True)
class Details:
    """What the directories of response times and of complaints show."""

    service_levels: tuple[ServiceLevel, ...]
    complaints: Complaints | None
    feedback: tuple[Feedback, ...]


@dataclass(frozen=True, slots=True)
class CurrentPlan:
    """The parts of the plan in force that the directories and the
    scoreboard show."""

    key: str
    agency: Agency
    language: str
    example: bool
    has_service_levels: bool
    details: Kept[Details]
    freshness: Freshness

    @property
    def service_levels(self) -> tuple[ServiceLevel, ...]:
        return self.details.get().service_levels

    @property
    def complaints(self) -> Complaints | None:
        return self.details.get().complaints

    @property
    def feedback(self) -> tuple[Feedback, ...]:
        return self.details.get().feedback


@dataclass(frozen=True, slots=True, repr=False)
class PlanSummary:
    """A plan (in force, past or draft) in the feed and the examples."""

    agency: Agency
    key: str
    title: str
    status: str
    language: str
    example: bool
    summary: str | None
    published: LooseDate | None
    last_changed: LooseDate | None
    url: str  # its page
    source: str

    __repr__ = _repr


# The group of promises that name no service, and of those whose service has
# no type in its plan; neither is a value of the format.
AGENCY_WIDE = "agency-wide"
UNCLASSIFIED = "unclassified"


@dataclass(frozen=True, slots=True, repr=False)
class Listing:
    id: str
    current: CurrentPlan
    row: AgencyRow
    tally: Tally
    promises: tuple[PromiseListRow, ...]
    scores: tuple[FrameworkScore, ...]
    plans: tuple[PlanSummary, ...]
    source: str  # all but the promises and plans (see the module)

    __repr__ = _repr


def make_listing(agency: AgencyPlans, messages: Messages) -> Listing:
    plan = agency.current
    lang = lang_attr(plan.language, messages.language)
    tally = Tally.of(plan.standards)
    url = urls.agency_url(agency.id)
    current = CurrentPlan(
        key=plan.key,
        agency=plan.agency,
        language=plan.language,
        example=plan.example,
        has_service_levels=bool(plan.service_levels),
        details=Kept(Details(plan.service_levels, plan.complaints, plan.feedback)),
        freshness=plan.freshness,
    )
    row = _agency_row(plan.agency, url, plan.example, tally, messages, lang)
    scores = tuple(
        FrameworkScore(
            id=cover.framework.id,
            short_title=cover.framework.short_title,
            met=cover.met,
            total=cover.total,
            missed=tuple(r.requirement.id for r in cover.results if not r.met),
        )
        for cover in plan.coverage
    )
    return Listing(
        id=agency.id,
        current=current,
        row=row,
        tally=tally,
        promises=tuple(
            _promise_row(plan.agency.name, url, s, messages, lang) for s in plan.standards
        ),
        scores=scores,
        plans=tuple(_plan_summary(urls.plan_url(agency, each), each) for each in agency.plans),
        # The details are pickled once, for the cache, and hashed as they are.
        source=pickled_source((agency.id, current, row.source, tally, scores)),
    )


def _agency_row(
    agency: Agency, url: str, example: bool, tally: Tally, messages: Messages, lang: Markup
) -> AgencyRow:
    if tally.measured:
        tally_short = messages("lists.tally", count=tally.measured, met=tally.met)
    elif tally.measurable:
        tally_short = messages("lists.no_results_in_period")
    else:
        tally_short = messages("lists.none_measurable", count=tally.total)
    values = (agency.name, agency.level, agency.jurisdiction, url, example, tally_short, lang)
    return AgencyRow(*values, source=_source(*map(str, values)))


def _promise_row(
    agency_name: str, url: str, standard: Standard, messages: Messages, lang: Markup
) -> PromiseListRow:
    category = (standard.service.category or UNCLASSIFIED) if standard.service else AGENCY_WIDE
    latest = latest_short(standard, messages, lang)
    channel_types = tuple(dict.fromkeys(c.type for c in standard.channels))
    return PromiseListRow(
        agency_name=agency_name,
        url=url,
        id=standard.id,
        promise=standard.promise,
        status=standard.status,
        category=category,
        latest=latest,
        channel_types=channel_types,
        lang=lang,
        source=_source(
            agency_name,
            url,
            standard.id,
            standard.promise,
            standard.status.value,
            category,
            str(latest),
            channel_types,
            str(lang),
        ),
    )


def _plan_summary(url: str, plan: Plan) -> PlanSummary:
    values = (
        plan.key,
        plan.title,
        plan.status,
        plan.language,
        plan.example,
        plan.summary,
        str(plan.published),
        str(plan.last_changed),
        url,
    )
    return PlanSummary(
        agency=plan.agency,
        key=plan.key,
        title=plan.title,
        status=plan.status,
        language=plan.language,
        example=plan.example,
        summary=plan.summary,
        published=plan.published,
        last_changed=plan.last_changed,
        url=url,
        source=_source(repr(plan.agency), *values),
    )


def total_tally(listings: Sequence[Listing]) -> Tally:
    """The statuses of every promise in force, over all agencies."""
    return Tally(
        met=sum(x.tally.met for x in listings),
        not_met=sum(x.tally.not_met for x in listings),
        no_data=sum(x.tally.no_data for x in listings),
        no_target=sum(x.tally.no_target for x in listings),
        unclear=sum(x.tally.unclear for x in listings),
    )


# Pickled by their fields, as the model's records are (see generator/cache.py).
pickle_by_fields(vars())

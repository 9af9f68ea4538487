"""What the pages about many agencies show of one agency, in one language:
its row in the lists of agencies, its promises in the directories, its
response times and complaints, its scores, and a few words on each of its
plans for the feed and the examples.

A `Listing` is worked out from the agency's model when its pages are
rendered, and kept with them in the build cache: the lists are then made
from listings alone, so that a build after a one-plan change does not read,
model or render the other agencies again. It holds only small records, and
everything in it follows from the agency's files, the day, the language and
the generator: its `key` (the agency's cache fingerprint) stands for all of
it where a list page's inputs are compared between builds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from markupsafe import Markup

from generator.cache import Kept
from generator.check.freshness import Freshness
from generator.model import AgencyPlans, Tally
from generator.model.records import Agency, ServiceLevel, Status
from generator.model.section_records import Complaints, Feedback
from generator.render import urls
from generator.render.languages import lang_attr
from generator.render.messages import Messages
from generator.render.results import latest_short


def _repr(record: object) -> str:
    """A record's repr: its `source` when it has one (everything else in it
    follows from that), else all its fields."""
    source = getattr(record, "source", "")
    if source:
        return f"{type(record).__name__}({source!r})"
    values = ", ".join(f"{f.name}={getattr(record, f.name)!r}" for f in fields(record))  # type: ignore[arg-type]
    return f"{type(record).__name__}({values})"


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
    source: str  # the agency's cache fingerprint, "" without one

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
    source: str  # the agency's cache fingerprint and the promise's id, or ""

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
    complaints: Complaints
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
    def complaints(self) -> Complaints:
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
    summary: str
    published: date
    last_changed: date
    url: str  # its page
    source: str  # the agency's cache fingerprint and the plan's key, or ""

    __repr__ = _repr


# The group of promises that name no service; not a value of the format.
AGENCY_WIDE = "agency-wide"


@dataclass(frozen=True, slots=True, repr=False)
class Listing:
    id: str
    key: str  # the agency's cache fingerprint in this language, "" without one
    current: CurrentPlan
    row: AgencyRow
    tally: Tally
    promises: tuple[PromiseListRow, ...]
    scores: tuple[FrameworkScore, ...]
    plans: tuple[PlanSummary, ...]

    def __repr__(self) -> str:
        # Everything in a listing follows from its key (see the module).
        if self.key:
            return f"Listing({self.id!r}, {self.key!r})"
        fields = (self.current, self.row, self.tally, self.promises, self.scores, self.plans)
        return f"Listing({self.id!r}, {', '.join(map(repr, fields))})"


def make_listing(agency: AgencyPlans, messages: Messages, key: str = "") -> Listing:
    plan = agency.current
    lang = lang_attr(plan.language, messages.language)
    tally = Tally.of(plan.standards)
    return Listing(
        id=agency.id,
        key=key,
        current=CurrentPlan(
            key=plan.key,
            agency=plan.agency,
            language=plan.language,
            example=plan.example,
            has_service_levels=bool(plan.service_levels),
            details=Kept(Details(plan.service_levels, plan.complaints, plan.feedback)),
            freshness=plan.freshness,
        ),
        row=AgencyRow(
            name=plan.agency.name,
            level=plan.agency.level,
            place=plan.agency.jurisdiction,
            url=urls.agency_url(agency.id),
            example=plan.example,
            tally_short=messages("lists.tally", count=tally.met, measured=tally.measured)
            if tally.measured
            else messages("lists.no_results", count=tally.total),
            lang=lang,
            source=key,
        ),
        tally=tally,
        promises=tuple(
            PromiseListRow(
                agency_name=plan.agency.name,
                url=urls.agency_url(agency.id),
                id=standard.id,
                promise=standard.promise,
                status=standard.status,
                category=standard.service.category if standard.service else AGENCY_WIDE,
                latest=latest_short(standard, messages),
                channel_types=tuple(dict.fromkeys(c.type for c in standard.channels)),
                lang=lang,
                source=f"{key} {standard.id}" if key else "",
            )
            for standard in plan.standards
        ),
        scores=tuple(
            FrameworkScore(
                id=cover.framework.id,
                short_title=cover.framework.short_title,
                met=cover.met,
                total=cover.total,
                missed=tuple(r.requirement.id for r in cover.results if not r.met),
            )
            for cover in plan.coverage
        ),
        plans=tuple(
            PlanSummary(
                agency=each.agency,
                key=each.key,
                title=each.title,
                status=each.status,
                language=each.language,
                example=each.example,
                summary=each.summary,
                published=each.published,
                last_changed=each.last_changed,
                url=urls.plan_url(agency, each),
                source=f"{key} {each.key}" if key else "",
            )
            for each in agency.plans
        ),
    )


def total_tally(listings: Sequence[Listing]) -> Tally:
    """The statuses of every promise in force, over all agencies."""
    return Tally(
        met=sum(x.tally.met for x in listings),
        not_met=sum(x.tally.not_met for x in listings),
        no_data=sum(x.tally.no_data for x in listings),
        no_target=sum(x.tally.no_target for x in listings),
    )

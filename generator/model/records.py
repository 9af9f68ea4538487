"""The records of one plan, as typed, immutable values.

They mirror the plan format (schema/plan.schema.json) with the references
resolved: a service holds its `Channel`s, not their ids. Optional fields are
None or empty, never missing, so templates can ask `if channel.phone`; a
field the plan leaves out stays None, so that a page can say the plan is
silent instead of showing anything in its place. Plans in format 1.0 read
into the same records: 2.0 only adds to what a plan can say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check.freshness import NOT_JUDGED, Freshness
from generator.model.status import Status
from generator.periods import LooseDate, Period

if TYPE_CHECKING:
    from generator.check.frameworks import Coverage
    from generator.model.section_records import (
        Benchmark,
        CombinedResult,
        Complaints,
        Feedback,
        Initiative,
        ServiceEnvironment,
        Survey,
    )

Number = int | float


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was published, so that a reader can check it."""

    title: str
    url: str | None = None
    publisher: str | None = None
    date: LooseDate | None = None
    locator: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    """A time, or a range of times (`value_from` to `value`), for every case
    or for a `share` of them."""

    value: Number
    unit: str
    value_from: Number | None = None
    share: Number | None = None
    statistic: str | None = None
    conditions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str | None
    email: str | None
    address: str | None
    url: str | None
    fax: str | None = None


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    short_name: str | None
    level: str
    jurisdiction: str
    parent: str | None
    website: str | None
    description: str | None
    officer: Person | None
    contact: Contact | None
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    type: str
    name: str
    description: str | None
    address: str | None
    hours: str | None
    phone: str | None
    email: str | None
    url: str | None
    languages: tuple[str, ...]
    accessibility: tuple[str, ...]
    accessibility_notes: str | None
    fax: str | None = None
    directions: str | None = None


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name: str
    category: str | None
    description: str | None
    customers: tuple[Customer, ...]
    channels: tuple[Channel, ...]
    url: str | None


@dataclass(frozen=True, slots=True)
class Measurement:
    source: str | None
    frequency: str | None
    method: str | None


@dataclass(frozen=True, slots=True)
class Revision:
    date: LooseDate
    reason: str


@dataclass(frozen=True, slots=True)
class Volume:
    count: int
    what: str


@dataclass(frozen=True, slots=True)
class Result:
    """One period's result, as the source gives it, with its status against
    its target. `in_period` is False for a result of a period before the
    plan's: it is shown, marked as earlier, and never counted as kept."""

    period: str
    value: Number | None
    share_met: Number | None
    cases: int | None
    note: str | None
    revised: Revision | None
    status: Status
    span: Period | None = None
    value_from: Number | None = None
    share_met_from: Number | None = None
    met: bool | None = None  # as the source says, where it says
    volume: Volume | None = None
    source: Source | None = None
    in_period: bool = True

    @property
    def figure(self) -> Number | None:
        """The number compared with the target: share_met when there is one,
        else value."""
        return self.share_met if self.share_met is not None else self.value


@dataclass(frozen=True, slots=True)
class Target:
    """The measurable part of a promise, or of one part of it (`id` and
    `name` then say which). `value` is the number promised, or the upper end
    of a range from `value_from`."""

    metric: str | None
    comparator: str | None
    value: Number
    unit: str
    scale_max: Number | None
    share: Number | None
    change_reason: str | None
    value_from: Number | None = None
    statistic: str | None = None  # as the plan says: every-case, share, average, median
    conditions: tuple[str, ...] = ()
    id: str | None = None
    name: str | None = None
    channels: tuple[Channel, ...] = ()
    results: tuple[Result, ...] = ()

    @property
    def kind(self) -> str | None:
        """What the number promises: the plan's statistic, or a share when
        it gives one (None when the plan does not say)."""
        return self.statistic or ("share" if self.share is not None else None)

    @property
    def latest(self) -> Result | None:
        """The latest result of the plan's period."""
        return _latest(self.results)

    @property
    def status(self) -> Status:
        latest = self.latest
        return latest.status if latest else Status.NO_DATA


def _latest(results: tuple[Result, ...]) -> Result | None:
    current = [result for result in results if result.in_period]
    return current[-1] if current else None


@dataclass(frozen=True, slots=True)
class Standard:
    """A promise. `service` is None for a promise about everything the agency
    does (such as courtesy). `channels` are the channels it covers: the ones
    it names, or when it names none (`all_channels`) every channel of its
    service, or of the agency. `targets` holds its one target, or each of
    its parts' (`tiered`); `overall` the results that cover every part."""

    id: str
    promise: str
    service: Service | None
    channels: tuple[Channel, ...]
    all_channels: bool
    targets: tuple[Target, ...]
    measurement: Measurement | None
    overall: tuple[Result, ...] = ()
    tiered: bool = False
    conditions: tuple[str, ...] = ()
    source: Source | None = None

    @property
    def target(self) -> Target | None:
        """The promise's one target (None without one, or with several parts)."""
        return self.targets[0] if self.targets and not self.tiered else None

    @property
    def results(self) -> tuple[Result, ...]:
        """The results of its one target, or those that cover every part."""
        return self.targets[0].results if self.target else self.overall

    @property
    def latest(self) -> Result | None:
        """The latest result of the plan's period."""
        return _latest(self.results)

    @property
    def earlier(self) -> tuple[Result, ...]:
        """Results of periods before the plan's, of every part."""
        every = [*self.overall, *(r for t in self.targets for r in t.results)]
        return tuple(result for result in every if not result.in_period)

    @property
    def status(self) -> Status:
        """Whether the promise was kept in the latest results of the plan's
        period: every part of it, for a promise of several parts."""
        if not self.targets:
            return Status.NO_TARGET
        if not self.tiered:
            return self.targets[0].status
        statuses = {target.status for target in self.targets}
        if Status.NOT_MET in statuses:
            return Status.NOT_MET
        if statuses == {Status.MET}:
            return Status.MET
        if Status.UNCLEAR in statuses:
            return Status.UNCLEAR
        overall = _latest(self.overall)
        if overall is None or overall.status is Status.UNCLEAR:
            return Status.NO_DATA
        return overall.status


@dataclass(frozen=True, slots=True)
class ServiceLevelResult:
    period: str
    requests: int | None
    status_met: Number | None
    resolution_met: Number | None
    note: str | None
    revised: Revision | None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class ServiceLevel:
    id: str
    request_type: str
    open311_code: str | None
    service: Service | None
    channels: tuple[Channel, ...]
    status_message: Duration | None
    resolution: Duration | None
    share: Number | None
    description: str | None
    change_reason: str | None
    frequency: str | None
    results: tuple[ServiceLevelResult, ...]
    source: Source | None = None

    @property
    def latest(self) -> ServiceLevelResult | None:
        return self.results[-1] if self.results else None


@dataclass(frozen=True, slots=True)
class Plan:
    """One validated plan file. `key` is the file's stem (`2026` for
    plans/AGENCY/2026.yaml): with the agency id it names the plan for good.
    `period` is the plan's period as it writes it (a period such as FY2025),
    or None for one given by dates; `start` and `end` are its first and last
    days (None where the plan does not say)."""

    key: str
    path: Path
    data: dict[str, Any]
    example: bool
    language: str
    frameworks: tuple[str, ...]
    agency: Agency
    title: str
    start: date | None
    end: date | None
    published: LooseDate | None
    updated: LooseDate | None
    status: str
    summary: str | None
    url: str | None
    changes: str | None  # what changed since the previous plan, and why
    customers: tuple[Customer, ...]
    channels: tuple[Channel, ...]
    services: tuple[Service, ...]
    standards: tuple[Standard, ...]
    service_levels: tuple[ServiceLevel, ...]
    surveys: tuple[Survey, ...]
    feedback: tuple[Feedback, ...]
    complaints: Complaints | None
    benchmarks: tuple[Benchmark, ...]
    initiatives: tuple[Initiative, ...]
    environment: ServiceEnvironment | None
    coverage: tuple[Coverage, ...]  # how far it meets each framework it answers to
    freshness: Freshness = NOT_JUDGED  # whether it is kept up to date, on the build's day
    version: str = "2.0"
    period: Period | None = None
    period_start: LooseDate | None = None  # the dates as written, for a period given by dates
    period_end: LooseDate | None = None
    fiscal_start: int | None = None  # the month its fiscal year starts in
    source: Source | None = None
    sources: tuple[Source, ...] = ()
    combined_results: tuple[CombinedResult, ...] = ()

    @property
    def last_changed(self) -> LooseDate | None:
        return self.updated or self.published

    @property
    def order(self) -> tuple[date, str]:
        """Where the plan stands among the agency's plans: by its start (or
        its publication), then its key."""
        first = self.start or (self.published.first if self.published else date.min)
        return (first, self.key)

"""The records of one plan, as typed, immutable values.

They mirror the plan format (schema/plan.schema.json) with the references
resolved: a service holds its `Channel`s, not their ids. Optional fields are
None or empty, never missing, so templates can ask `if channel.phone`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check.freshness import NOT_JUDGED, Freshness
from generator.model.status import Status

if TYPE_CHECKING:
    from generator.check.frameworks import Coverage
    from generator.model.section_records import (
        Benchmark,
        Complaints,
        Feedback,
        Initiative,
        ServiceEnvironment,
        Survey,
    )

Number = int | float


@dataclass(frozen=True, slots=True)
class Duration:
    value: Number
    unit: str


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


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    short_name: str | None
    level: str
    jurisdiction: str
    parent: str | None
    website: str
    description: str | None
    officer: Person
    contact: Contact


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


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name: str
    category: str
    description: str | None
    customers: tuple[Customer, ...]
    channels: tuple[Channel, ...]
    url: str | None


@dataclass(frozen=True, slots=True)
class Target:
    metric: str
    comparator: str
    value: Number
    unit: str
    scale_max: Number | None
    share: Number | None
    change_reason: str | None


@dataclass(frozen=True, slots=True)
class Measurement:
    source: str
    frequency: str
    method: str | None


@dataclass(frozen=True, slots=True)
class Revision:
    date: date
    reason: str


@dataclass(frozen=True, slots=True)
class Result:
    """One period's result of a standard, with its status against the target."""

    period: str
    value: Number | None
    share_met: Number | None
    cases: int | None
    note: str | None
    revised: Revision | None
    status: Status

    @property
    def figure(self) -> Number | None:
        """The number compared with the target: share_met when the target has
        a share, else value."""
        return self.share_met if self.share_met is not None else self.value


@dataclass(frozen=True, slots=True)
class Standard:
    """A promise. `service` is None for a promise about everything the agency
    does (such as courtesy). `channels` are the channels it covers: the ones
    it names, or when it names none (`all_channels`) every channel of its
    service, or of the agency."""

    id: str
    promise: str
    service: Service | None
    channels: tuple[Channel, ...]
    all_channels: bool
    target: Target | None
    measurement: Measurement | None
    results: tuple[Result, ...]

    @property
    def latest(self) -> Result | None:
        return self.results[-1] if self.results else None

    @property
    def status(self) -> Status:
        """The status of the latest result: what a citizen asks first."""
        if self.target is None:
            return Status.NO_TARGET
        return self.latest.status if self.latest else Status.NO_DATA


@dataclass(frozen=True, slots=True)
class ServiceLevelResult:
    period: str
    requests: int | None
    status_met: Number | None
    resolution_met: Number | None
    note: str | None
    revised: Revision | None


@dataclass(frozen=True, slots=True)
class ServiceLevel:
    id: str
    request_type: str
    open311_code: str | None
    service: Service | None
    channels: tuple[Channel, ...]
    status_message: Duration
    resolution: Duration | None
    share: Number | None
    description: str | None
    change_reason: str | None
    frequency: str | None
    results: tuple[ServiceLevelResult, ...]

    @property
    def latest(self) -> ServiceLevelResult | None:
        return self.results[-1] if self.results else None


@dataclass(frozen=True, slots=True)
class Plan:
    """One validated plan file. `key` is the file's stem (`2026` for
    plans/AGENCY/2026.yaml): with the agency id it names the plan for good."""

    key: str
    path: Path
    data: dict[str, Any]
    example: bool
    language: str
    frameworks: tuple[str, ...]
    agency: Agency
    title: str
    start: date
    end: date
    published: date
    updated: date | None
    status: str
    summary: str
    url: str | None
    changes: str | None  # what changed since the previous plan, and why
    customers: tuple[Customer, ...]
    channels: tuple[Channel, ...]
    services: tuple[Service, ...]
    standards: tuple[Standard, ...]
    service_levels: tuple[ServiceLevel, ...]
    surveys: tuple[Survey, ...]
    feedback: tuple[Feedback, ...]
    complaints: Complaints
    benchmarks: tuple[Benchmark, ...]
    initiatives: tuple[Initiative, ...]
    environment: ServiceEnvironment | None
    coverage: tuple[Coverage, ...]  # how far it meets each framework it answers to
    freshness: Freshness = NOT_JUDGED  # whether it is kept up to date, on the build's day

    @property
    def last_changed(self) -> date:
        return self.updated or self.published

"""The records of a plan's later sections: how the agency listens (surveys,
feedback), how to complain, how it compares and what it is improving."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.records import (
    Channel,
    Customer,
    Duration,
    Number,
    Service,
    ServiceLevel,
    Source,
    Standard,
    Volume,
)
from generator.periods import LooseDate, Period


@dataclass(frozen=True, slots=True)
class Score:
    driver: str
    value: Number
    unit: str
    scale_max: Number | None


@dataclass(frozen=True, slots=True)
class SurveyFinding:
    period: str
    summary: str
    actions: str | None
    respondents: int | None
    scores: tuple[Score, ...]
    url: str | None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Survey:
    id: str
    name: str
    kind: str
    audience: str
    customers: tuple[Customer, ...]
    services: tuple[Service, ...]
    purpose: str
    method: str | None
    frequency: str
    next: LooseDate | None
    drivers: tuple[str, ...]
    questions: tuple[str, ...]
    findings: tuple[SurveyFinding, ...]


@dataclass(frozen=True, slots=True)
class Feedback:
    id: str
    name: str
    description: str
    channels: tuple[Channel, ...]
    how_used: str | None


@dataclass(frozen=True, slots=True)
class Escalation:
    name: str
    description: str
    url: str | None
    phone: str | None
    email: str | None
    response_time: Duration | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ComplaintStage:
    id: str
    name: str
    description: str | None
    acknowledgement_time: Duration | None
    response_time: Duration | None


@dataclass(frozen=True, slots=True)
class Complaints:
    """How to complain. Times and steps are what the plan gives: None and
    empty where it gives none, never a time borrowed from elsewhere."""

    how: str
    channels: tuple[Channel, ...]
    acknowledgement_time: Duration | None
    response_time: Duration | None
    steps: tuple[str, ...]
    escalations: tuple[Escalation, ...]
    change_reason: str | None
    stages: tuple[ComplaintStage, ...] = ()


@dataclass(frozen=True, slots=True)
class CombinedResult:
    """A result that covers several promises, or every part of one, at once:
    shown beside the promises, never counted as a promise kept."""

    id: str
    measure: str
    standards: tuple[Standard, ...]
    service_levels: tuple[ServiceLevel, ...]
    channels: tuple[Channel, ...]
    period: str
    span: Period | None
    share_met: Number | None
    share_met_from: Number | None
    value: Number | None
    value_from: Number | None
    unit: str | None
    volume: Volume | None
    note: str | None
    source: Source | None
    in_period: bool


@dataclass(frozen=True, slots=True)
class Benchmark:
    id: str
    organization: str
    sector: str
    metric: str
    unit: str
    theirs: Number
    ours: Number
    ours_period: str | None
    better: str
    standard: Standard | None
    source: Source
    notes: str | None

    @property
    def comparison(self) -> str:
        """ "ahead", "behind" or "level": how the agency's figure compares."""
        if self.ours == self.theirs:
            return "level"
        ours_lower = self.ours < self.theirs
        return "ahead" if ours_lower == (self.better == "lower") else "behind"


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    name: str
    due: LooseDate
    status: str
    done_on: LooseDate | None


@dataclass(frozen=True, slots=True)
class Initiative:
    id: str
    name: str
    kind: str
    signature: bool
    description: str
    benefits: tuple[str, ...]
    services: tuple[Service, ...]
    status: str
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True, slots=True)
class ServiceEnvironment:
    signage: str | None
    queuing: str | None
    wait_times: str | None
    follow_up: str | None
    consistency: str | None

    def items(self) -> list[tuple[str, str]]:
        """(field, text) for each field that is filled in, in format order."""
        fields = ("signage", "queuing", "wait_times", "follow_up", "consistency")
        return [(name, text) for name in fields if (text := getattr(self, name))]

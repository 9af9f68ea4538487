"""The sections of a plan on how the agency listens (surveys, feedback), how
to complain, how it compares with others and what it is improving, and the
results that cover several promises at once."""

from __future__ import annotations

from collections.abc import Callable

from generator.model.fields import (
    Data,
    each,
    find,
    loose,
    optional_duration,
    pick,
    source,
    source_record,
    span,
    to_loose,
    volume,
)
from generator.model.records import Channel, Customer, Service, ServiceLevel, Source, Standard
from generator.model.section_records import (
    Benchmark,
    CombinedResult,
    Complaints,
    ComplaintStage,
    Escalation,
    Feedback,
    Initiative,
    Milestone,
    Score,
    ServiceEnvironment,
    Survey,
    SurveyFinding,
)
from generator.periods import Period


def parse_survey(
    data: Data,
    customers: tuple[Customer, ...],
    services: tuple[Service, ...],
    sources: tuple[Source, ...] = (),
) -> Survey:
    return Survey(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        audience=data["audience"],
        customers=pick(customers, data.get("customers", ())),
        services=pick(services, data.get("services", ())),
        purpose=data["purpose"],
        method=data.get("method"),
        frequency=data["frequency"],
        next=loose(data.get("next")),
        drivers=tuple(data.get("drivers", ())),
        questions=tuple(data.get("questions", ())),
        findings=each(data.get("findings", ()), lambda d: _finding(d, sources)),
    )


def _finding(data: Data, sources: tuple[Source, ...]) -> SurveyFinding:
    return SurveyFinding(
        period=data["period"],
        summary=data["summary"],
        actions=data.get("actions"),
        respondents=data.get("respondents"),
        scores=tuple(
            Score(s["driver"], s["value"], s["unit"], s.get("scale_max"))
            for s in data.get("scores", ())
        ),
        url=data.get("url"),
        source=source(data.get("source"), sources),
    )


def parse_feedback(data: Data, channels: tuple[Channel, ...]) -> Feedback:
    return Feedback(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        channels=pick(channels, data.get("channels", ())),
        how_used=data.get("how_used"),
    )


def parse_complaints(data: Data, channels: tuple[Channel, ...]) -> Complaints:
    escalation = data.get("escalation")
    bodies = escalation if isinstance(escalation, list) else [escalation] if escalation else []
    return Complaints(
        how=data["how"],
        channels=pick(channels, data.get("channels", ())),
        acknowledgement_time=optional_duration(data.get("acknowledgement_time")),
        response_time=optional_duration(data.get("response_time")),
        steps=tuple(data.get("steps", ())),
        escalations=each(bodies, _escalation),
        change_reason=data.get("change_reason"),
        stages=each(data.get("stages", ()), _stage),
    )


def _escalation(data: Data) -> Escalation:
    return Escalation(
        name=data["name"],
        description=data["description"],
        url=data.get("url"),
        phone=data.get("phone"),
        email=data.get("email"),
        response_time=optional_duration(data.get("response_time")),
        id=data.get("id"),
    )


def _stage(data: Data) -> ComplaintStage:
    return ComplaintStage(
        id=data["id"],
        name=data["name"],
        description=data.get("description"),
        acknowledgement_time=optional_duration(data.get("acknowledgement_time")),
        response_time=optional_duration(data.get("response_time")),
    )


def parse_benchmark(data: Data, standards: tuple[Standard, ...]) -> Benchmark:
    return Benchmark(
        id=data["id"],
        organization=data["organization"],
        sector=data["sector"],
        metric=data["metric"],
        unit=data["unit"],
        theirs=data["theirs"],
        ours=data["ours"],
        ours_period=data.get("ours_period"),
        better=data["better"],
        standard=find(standards, data.get("standard")),
        source=source_record(data["source"]),
        notes=data.get("notes"),
    )


def parse_initiative(data: Data, services: tuple[Service, ...]) -> Initiative:
    return Initiative(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        signature=data.get("signature", False),
        description=data["description"],
        benefits=tuple(data["benefits"]),
        services=pick(services, data.get("services", ())),
        status=data["status"],
        milestones=tuple(
            Milestone(m["id"], m["name"], to_loose(m["due"]), m["status"], loose(m.get("done_on")))
            for m in data.get("milestones", ())
        ),
    )


def parse_environment(data: Data | None) -> ServiceEnvironment | None:
    if not data:
        return None
    return ServiceEnvironment(
        signage=data.get("signage"),
        queuing=data.get("queuing"),
        wait_times=data.get("wait_times"),
        follow_up=data.get("follow_up"),
        consistency=data.get("consistency"),
    )


def parse_combined_result(
    data: Data,
    standards: tuple[Standard, ...],
    service_levels: tuple[ServiceLevel, ...],
    channels: tuple[Channel, ...],
    sources: tuple[Source, ...],
    period_of: Callable[[str], Period | None],
    in_period: Callable[[Period | None], bool],
) -> CombinedResult:
    share_met, share_met_from = span(data.get("share_met"))
    value, value_from = span(data.get("value"))
    found = period_of(data["period"])
    return CombinedResult(
        id=data["id"],
        measure=data["measure"],
        standards=pick(standards, data.get("standards", ())),
        service_levels=pick(service_levels, data.get("service_levels", ())),
        channels=pick(channels, data.get("channels", ())),
        period=data["period"],
        span=found,
        share_met=share_met,
        share_met_from=share_met_from,
        value=value,
        value_from=value_from,
        unit=data.get("unit"),
        volume=volume(data.get("volume")),
        note=data.get("note"),
        source=source(data.get("source"), sources),
        in_period=in_period(found),
    )

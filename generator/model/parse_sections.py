"""The sections of a plan on how the agency listens (surveys, feedback), how
to complain, how it compares with others and what it is improving."""

from __future__ import annotations

from generator.model.fields import (
    Data,
    duration,
    each,
    find,
    optional_date,
    optional_duration,
    pick,
    to_date,
)
from generator.model.records import Channel, Customer, Service, Standard
from generator.model.section_records import (
    Benchmark,
    Complaints,
    Escalation,
    Feedback,
    Initiative,
    Milestone,
    Score,
    ServiceEnvironment,
    Source,
    Survey,
    SurveyFinding,
)


def parse_survey(
    data: Data, customers: tuple[Customer, ...], services: tuple[Service, ...]
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
        next=optional_date(data.get("next")),
        drivers=tuple(data.get("drivers", ())),
        questions=tuple(data.get("questions", ())),
        findings=each(data.get("findings", ()), _finding),
    )


def _finding(data: Data) -> SurveyFinding:
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
    )


def parse_feedback(data: Data, channels: tuple[Channel, ...]) -> Feedback:
    return Feedback(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        channels=pick(channels, data.get("channels", ())),
        how_used=data["how_used"],
    )


def parse_complaints(data: Data, channels: tuple[Channel, ...]) -> Complaints:
    escalation = data.get("escalation")
    return Complaints(
        how=data["how"],
        channels=pick(channels, data["channels"]),
        acknowledgement_time=optional_duration(data.get("acknowledgement_time")),
        response_time=duration(data["response_time"]),
        steps=tuple(data["steps"]),
        escalation=Escalation(
            name=escalation["name"],
            description=escalation["description"],
            url=escalation.get("url"),
            phone=escalation.get("phone"),
            email=escalation.get("email"),
        )
        if escalation
        else None,
        change_reason=data.get("change_reason"),
    )


def parse_benchmark(data: Data, standards: tuple[Standard, ...]) -> Benchmark:
    source = data["source"]
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
        source=Source(source["title"], source.get("url"), to_date(source["date"])),
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
            Milestone(
                m["id"], m["name"], to_date(m["due"]), m["status"], optional_date(m.get("done_on"))
            )
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

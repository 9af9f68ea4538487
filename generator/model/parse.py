"""Validated plan data (plain dicts from the strict loader) -> `Plan` records.

The plan has passed the schema and the rules, so required fields are present
and ids resolve; optional fields are read with `.get`. The plan's core (the
agency, its customers, channels, services and promises) is read here; the
sections on listening, complaints, comparisons and improvements in
`parse_sections`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.check.frameworks import coverage
from generator.check.freshness import NOT_JUDGED, freshness
from generator.model.fields import (
    Data,
    duration,
    each,
    find,
    optional_date,
    optional_duration,
    pick,
    revision,
    to_date,
)
from generator.model.parse_sections import (
    parse_benchmark,
    parse_complaints,
    parse_environment,
    parse_feedback,
    parse_initiative,
    parse_survey,
)
from generator.model.records import (
    Agency,
    Channel,
    Contact,
    Customer,
    Measurement,
    Person,
    Plan,
    Result,
    Service,
    ServiceLevel,
    ServiceLevelResult,
    Standard,
    Target,
)
from generator.model.status import Status, result_status


def parse_plan(data: Data, path: Path, today: date | None = None) -> Plan:
    """Build the `Plan` of one validated plan file; with `today`, judge
    whether it is kept up to date."""
    info = data["plan"]
    customers = each(data["customers"], _customer)
    channels = each(data["channels"], _channel)
    services = each(data["services"], lambda d: _service(d, customers, channels))
    standards = each(data["standards"], lambda d: _standard(d, services, channels))
    return Plan(
        key=path.stem,
        path=path,
        data=data,
        example=data.get("example", False),
        language=data.get("language", "en"),
        frameworks=tuple(data.get("frameworks", ())),
        agency=_agency(data["agency"]),
        title=info["title"],
        start=to_date(info["period"]["start"]),
        end=to_date(info["period"]["end"]),
        published=to_date(info["published"]),
        updated=optional_date(info.get("updated")),
        status=info["status"],
        summary=info["summary"],
        url=info.get("url"),
        changes=info.get("changes"),
        customers=customers,
        channels=channels,
        services=services,
        standards=standards,
        service_levels=each(
            data.get("service_levels", ()), lambda d: _service_level(d, services, channels)
        ),
        surveys=each(data.get("surveys", ()), lambda d: parse_survey(d, customers, services)),
        feedback=each(data.get("feedback", ()), lambda d: parse_feedback(d, channels)),
        complaints=parse_complaints(data["complaints"], channels),
        benchmarks=each(data.get("benchmarks", ()), lambda d: parse_benchmark(d, standards)),
        initiatives=each(data.get("initiatives", ()), lambda d: parse_initiative(d, services)),
        environment=parse_environment(data.get("service_environment")),
        coverage=tuple(coverage(data)),
        freshness=freshness(data, today) if today else NOT_JUDGED,
    )


def _agency(data: Data) -> Agency:
    officer, contact = data["customer_service_officer"], data["contact"]
    return Agency(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name"),
        level=data["level"],
        jurisdiction=data["jurisdiction"],
        parent=data.get("parent"),
        website=data["website"],
        description=data.get("description"),
        officer=Person(
            officer["name"], officer["title"], officer.get("email"), officer.get("phone")
        ),
        contact=Contact(
            contact.get("phone"), contact.get("email"), contact.get("address"), contact.get("url")
        ),
    )


def _customer(data: Data) -> Customer:
    return Customer(id=data["id"], name=data["name"], description=data.get("description"))


def _channel(data: Data) -> Channel:
    return Channel(
        id=data["id"],
        type=data["type"],
        name=data["name"],
        description=data.get("description"),
        address=data.get("address"),
        hours=data.get("hours"),
        phone=data.get("phone"),
        email=data.get("email"),
        url=data.get("url"),
        languages=tuple(data.get("languages", ())),
        accessibility=tuple(data.get("accessibility", ())),
        accessibility_notes=data.get("accessibility_notes"),
    )


def _service(data: Data, customers: tuple[Customer, ...], channels: tuple[Channel, ...]) -> Service:
    return Service(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        description=data.get("description"),
        customers=pick(customers, data["customers"]),
        channels=pick(channels, data["channels"]),
        url=data.get("url"),
    )


def _standard(data: Data, services: tuple[Service, ...], channels: tuple[Channel, ...]) -> Standard:
    service = find(services, data.get("service"))
    covered = service.channels if service else channels
    target = _target(data.get("target"))
    measurement = data.get("measurement")
    return Standard(
        id=data["id"],
        promise=data["promise"],
        service=service,
        channels=pick(channels, data["channels"]) if "channels" in data else covered,
        all_channels="channels" not in data,
        target=target,
        measurement=Measurement(
            measurement["source"], measurement["frequency"], measurement.get("method")
        )
        if measurement
        else None,
        results=tuple(_result(result, target) for result in data.get("results", ())),
    )


def _target(data: Data | None) -> Target | None:
    if data is None:
        return None
    return Target(
        metric=data["metric"],
        comparator=data["comparator"],
        value=data["value"],
        unit=data["unit"],
        scale_max=data.get("scale_max"),
        share=data.get("share"),
        change_reason=data.get("change_reason"),
    )


def _result(data: Data, target: Target | None) -> Result:
    value, share_met = data.get("value"), data.get("share_met")
    status = (
        result_status(target.comparator, target.value, target.share, value, share_met)
        if target
        else Status.NO_TARGET
    )
    return Result(
        period=data["period"],
        value=value,
        share_met=share_met if target is None or target.share is not None else None,
        cases=data.get("cases"),
        note=data.get("note"),
        revised=revision(data.get("revised")),
        status=status,
    )


def _service_level(
    data: Data, services: tuple[Service, ...], channels: tuple[Channel, ...]
) -> ServiceLevel:
    return ServiceLevel(
        id=data["id"],
        request_type=data["request_type"],
        open311_code=data.get("open311_code"),
        service=find(services, data.get("service")),
        channels=pick(channels, data.get("channels", ())),
        status_message=duration(data["status_message"]),
        resolution=optional_duration(data.get("resolution")),
        share=data.get("share"),
        description=data.get("description"),
        change_reason=data.get("change_reason"),
        frequency=data.get("frequency"),
        results=tuple(
            ServiceLevelResult(
                period=result["period"],
                requests=result.get("requests"),
                status_met=result.get("status_met"),
                resolution_met=result.get("resolution_met"),
                note=result.get("note"),
                revised=revision(result.get("revised")),
            )
            for result in data.get("results", ())
        ),
    )

"""Validated plan data (plain dicts from the strict loader) -> `Plan` records.

The plan has passed the schema and the rules, so required fields are present
and ids resolve; optional fields are read with `.get`, and stay None where
the plan leaves them out. The plan's core (the agency, its customers,
channels, services and promises) is read here; the sections on listening,
complaints, comparisons and improvements in `parse_sections`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator.check.frameworks import coverage
from generator.check.freshness import NOT_JUDGED, freshness
from generator.model.fields import (
    Data,
    bounds,
    each,
    find,
    loose,
    optional_duration,
    pick,
    revision,
    source,
    source_record,
    span,
    volume,
)
from generator.model.parse_sections import (
    parse_benchmark,
    parse_combined_result,
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
    Source,
    Standard,
    Target,
)
from generator.model.status import Status, compare, result_status
from generator.periods import LooseDate, Period, month_number, parse_period
from generator.resources import format_version


@dataclass(frozen=True, slots=True)
class Context:
    """What reading a plan's records needs beyond the records themselves:
    its fiscal year, the first day of its period (results before it are
    earlier ones) and its sources."""

    fiscal_start: int | None
    first_day: date | None
    sources: tuple[Source, ...]
    plan_period: Period | None = None

    def period(self, text: str) -> Period | None:
        return parse_period(text, self.fiscal_start)

    def in_period(self, found: Period | None) -> bool:
        if self.first_day is None or found is None:
            return True
        plan = self.plan_period
        if plan is not None and plan.fiscal and found.fiscal and not plan.exact:
            # The plan does not say in which month its fiscal year starts, but
            # its fiscal years all start in the same one: "2013-14" comes
            # before "2014-15" whichever it is.
            return (found.last_year or 0) >= (plan.last_year or 0)
        return found.end >= self.first_day


def parse_plan(data: Data, path: Path, today: date | None = None) -> Plan:
    """Build the `Plan` of one validated plan file; with `today`, judge
    whether it is kept up to date."""
    info = data["plan"]
    fiscal_start = month_number(info.get("fiscal_year_starts"))
    period, period_start, period_end = _period(info.get("period"), fiscal_start)
    start = period.start if period else period_start.first if period_start else None
    end = period.end if period else period_end.last if period_end else None
    published = loose(info.get("published"))
    first_day = start or (published.first if published else None)
    sources = each(data.get("sources", ()), source_record)
    context = Context(fiscal_start, first_day, sources, period)
    customers = each(data.get("customers", ()), _customer)
    channels = each(data.get("channels", ()), _channel)
    services = each(data.get("services", ()), lambda d: _service(d, customers, channels))
    standards = each(data["standards"], lambda d: _standard(d, services, channels, context))
    service_levels = each(
        data.get("service_levels", ()), lambda d: _service_level(d, services, channels, context)
    )
    return Plan(
        key=path.stem,
        path=path,
        data=data,
        example=data.get("example", False),
        language=data.get("language", "en"),
        frameworks=tuple(data.get("frameworks", ())),
        agency=_agency(data["agency"]),
        title=info["title"],
        start=start,
        end=end,
        published=published,
        updated=loose(info.get("updated")),
        status=info["status"],
        summary=info.get("summary"),
        url=info.get("url"),
        changes=info.get("changes"),
        customers=customers,
        channels=channels,
        services=services,
        standards=standards,
        service_levels=service_levels,
        surveys=each(
            data.get("surveys", ()), lambda d: parse_survey(d, customers, services, sources)
        ),
        feedback=each(data.get("feedback", ()), lambda d: parse_feedback(d, channels)),
        complaints=parse_complaints(data["complaints"], channels) if "complaints" in data else None,
        benchmarks=each(data.get("benchmarks", ()), lambda d: parse_benchmark(d, standards)),
        initiatives=each(data.get("initiatives", ()), lambda d: parse_initiative(d, services)),
        environment=parse_environment(data.get("service_environment")),
        coverage=tuple(coverage(data)),
        freshness=freshness(data, today) if today else NOT_JUDGED,
        version=format_version(data),
        period=period,
        period_start=period_start,
        period_end=period_end,
        fiscal_start=fiscal_start,
        source=source(info.get("source"), sources),
        sources=sources,
        combined_results=each(
            data.get("combined_results", ()),
            lambda d: parse_combined_result(
                d, standards, service_levels, channels, sources, context.period, context.in_period
            ),
        ),
    )


def _period(
    value: str | Data | None, fiscal_start: int | None
) -> tuple[Period | None, LooseDate | None, LooseDate | None]:
    """The plan's period as a period (FY2025), or as the dates it gives."""
    if isinstance(value, str):
        return parse_period(value, fiscal_start), None, None
    if isinstance(value, dict):
        return None, loose(value.get("start")), loose(value.get("end"))
    return None, None, None


def _agency(data: Data) -> Agency:
    officer, contact = data.get("customer_service_officer"), data.get("contact")
    return Agency(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name"),
        level=data["level"],
        jurisdiction=data["jurisdiction"],
        parent=data.get("parent"),
        website=data.get("website"),
        description=data.get("description"),
        officer=Person(
            officer["name"], officer["title"], officer.get("email"), officer.get("phone")
        )
        if officer
        else None,
        contact=Contact(
            contact.get("phone"),
            contact.get("email"),
            contact.get("address"),
            contact.get("url"),
            contact.get("fax"),
        )
        if contact
        else None,
        country=data.get("country"),
        region=data.get("region"),
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
        fax=data.get("fax"),
        directions=data.get("directions"),
    )


def _service(data: Data, customers: tuple[Customer, ...], channels: tuple[Channel, ...]) -> Service:
    return Service(
        id=data["id"],
        name=data["name"],
        category=data.get("category"),
        description=data.get("description"),
        customers=pick(customers, data.get("customers", ())),
        channels=pick(channels, data.get("channels", ())),
        url=data.get("url"),
    )


def _standard(
    data: Data, services: tuple[Service, ...], channels: tuple[Channel, ...], context: Context
) -> Standard:
    service = find(services, data.get("service"))
    covered = service.channels if service else channels
    measurement = data.get("measurement")
    tiered = "targets" in data
    targets = (
        each(data["targets"], lambda d: _target(d, channels, d.get("results", ()), context))
        if tiered
        else (_target(data["target"], channels, data.get("results", ()), context),)
        if "target" in data
        else ()
    )
    # A promise that names no channel covers every channel (of its service),
    # but a promise of parts that name theirs covers theirs.
    parts_channels = tuple(dict.fromkeys(c for target in targets for c in target.channels))
    named = pick(channels, data["channels"]) if "channels" in data else parts_channels or covered
    return Standard(
        id=data["id"],
        promise=data["promise"],
        service=service,
        channels=named,
        all_channels="channels" not in data and not parts_channels,
        targets=targets,
        measurement=Measurement(
            measurement.get("source"), measurement.get("frequency"), measurement.get("method")
        )
        if measurement
        else None,
        overall=tuple(
            _overall_result(r, _common_share(targets), context) for r in data.get("results", ())
        )
        if tiered
        else (),
        tiered=tiered,
        conditions=tuple(data.get("conditions", ())),
        source=source(data.get("source"), context.sources),
    )


def _target(
    data: Data, channels: tuple[Channel, ...], results: list[Data], context: Context
) -> Target:
    value, value_from = span(data["value"])
    assert value is not None
    target = Target(
        metric=data.get("metric"),
        comparator=data.get("comparator"),
        value=value,
        unit=data["unit"],
        scale_max=data.get("scale_max"),
        share=data.get("share"),
        change_reason=data.get("change_reason"),
        value_from=value_from,
        statistic=data.get("statistic"),
        conditions=tuple(data.get("conditions", ())),
        id=data.get("id"),
        name=data.get("name"),
        channels=pick(channels, data.get("channels", ())),
    )
    # Each result is read against the target itself, which then holds them.
    return replace(target, results=tuple(_result(result, target, context) for result in results))


def _common_share(targets: tuple[Target, ...]) -> float | None:
    """The share every part of a promise promises, if they all promise the
    same one: a result across the parts can then be read against it."""
    shares = {target.share for target in targets if target.kind == "share"}
    if len(shares) == 1 and all(target.kind == "share" for target in targets):
        return shares.pop()
    return None


def _result(data: Data, target: Target, context: Context) -> Result:
    status = result_status(
        kind=target.kind,
        comparator=target.comparator,
        value=target.value,
        value_from=target.value_from,
        share=target.share,
        measured=bounds(data.get("value")),
        shares=bounds(data.get("share_met")),
        met=data.get("met"),
    )
    return _read_result(data, status, context)


def _overall_result(data: Data, share: float | None, context: Context) -> Result:
    """A result across every part of a promise: read against the share all
    its parts promise, or else only the source's own word says whether it
    was met."""
    shares, met = bounds(data.get("share_met")), data.get("met")
    if share is not None and shares is not None:
        status = compare(shares, "at-least", share)
    elif met is not None:
        status = Status.MET if met else Status.NOT_MET
    else:
        status = Status.UNCLEAR
    return _read_result(data, status, context)


def _read_result(data: Data, status: Status, context: Context) -> Result:
    value, value_from = span(data.get("value"))
    share_met, share_met_from = span(data.get("share_met"))
    found = context.period(data["period"])
    return Result(
        period=data["period"],
        value=value,
        share_met=share_met,
        cases=data.get("cases"),
        note=data.get("note"),
        revised=revision(data.get("revised")),
        status=status,
        span=found,
        value_from=value_from,
        share_met_from=share_met_from,
        met=data.get("met"),
        volume=volume(data.get("volume")),
        source=source(data.get("source"), context.sources),
        in_period=context.in_period(found),
    )


def _service_level(
    data: Data, services: tuple[Service, ...], channels: tuple[Channel, ...], context: Context
) -> ServiceLevel:
    return ServiceLevel(
        id=data["id"],
        request_type=data["request_type"],
        open311_code=data.get("open311_code"),
        service=find(services, data.get("service")),
        channels=pick(channels, data.get("channels", ())),
        status_message=optional_duration(data.get("status_message")),
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
                source=source(result.get("source"), context.sources),
            )
            for result in data.get("results", ())
        ),
        source=source(data.get("source"), context.sources),
    )

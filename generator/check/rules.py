"""The second layer of checks: named rules about meaning that a JSON Schema
cannot express (ids unique, references resolve, dates in order, results that
fit their target). Every rule is a small generator of `Finding`s registered
under a name. They also run on plans that failed the schema, so that one run
reports every problem, but only on the values the schema accepted: each value
it rejected reads as empty (None), as a field left empty does
(check/accepted.py)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.finding import Finding
from generator.diagnostics import Severity
from generator.periods import FREQUENCY_OF_KIND, parse_date, period_bounds, period_kind


@dataclass(frozen=True, slots=True)
class PlanView:
    """What a rule sees: the plan's data, the file it came from and today."""

    data: dict[str, Any]
    file: Path
    today: date


Rule = Callable[[PlanView], Iterator[Finding]]
RULES: dict[str, Rule] = {}

# Lists of records that carry ids, and what one record is called in messages.
SECTIONS = {
    "customers": "customer group",
    "channels": "channel",
    "services": "service",
    "standards": "standard",
    "service_levels": "service level agreement",
    "surveys": "survey",
    "feedback": "feedback mechanism",
    "benchmarks": "benchmark",
    "initiatives": "initiative",
}

# (section holding the reference, field, section it points to).
REFERENCES = (
    ("services", "customers", "customers"),
    ("services", "channels", "channels"),
    ("standards", "service", "services"),
    ("standards", "channels", "channels"),
    ("service_levels", "service", "services"),
    ("service_levels", "channels", "channels"),
    ("surveys", "customers", "customers"),
    ("surveys", "services", "services"),
    ("feedback", "channels", "channels"),
    ("benchmarks", "standard", "standards"),
    ("initiatives", "services", "services"),
)

# What each kind of channel must give so a customer can use it.
CHANNEL_CONTACT = {
    "in-person": "address",
    "mail": "address",
    "phone": "phone",
    "311": "phone",
    "text": "phone",
    "email": "email",
    "web": "url",
    "chat": "url",
    "app": "url",
    "video": "url",
    "social-media": "url",
}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under `name`; findings get the name as their `rule`."""

    def register(function: Rule) -> Rule:
        def named(plan: PlanView) -> Iterator[Finding]:
            for finding in function(plan):
                yield Finding(
                    finding.path,
                    finding.message,
                    finding.hint,
                    finding.at_key,
                    finding.severity,
                    name,
                )

        RULES[name] = named
        return function

    return register


def rule_findings(plan: PlanView) -> Iterator[Finding]:
    """Every finding of every registered rule."""
    for check in RULES.values():
        yield from check(plan)


def records(data: Any, section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, record) for each record of a list section that is a mapping."""
    items = data.get(section) if isinstance(data, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def ids_of(data: Any, section: str) -> list[str]:
    return [r["id"] for _, r in records(data, section) if isinstance(r.get("id"), str)]


def _warning(path: tuple[Any, ...], message: str, hint: str = "") -> Finding:
    return Finding(path, message, hint, severity=Severity.WARNING)


@rule("unique-ids")
def unique_ids(plan: PlanView) -> Iterator[Finding]:
    for section, noun in SECTIONS.items():
        yield from _duplicates(plan.data, section, (section,), noun)
    for index, initiative in records(plan.data, "initiatives"):
        yield from _duplicates(
            initiative, "milestones", ("initiatives", index, "milestones"), "milestone"
        )


def _duplicates(data: Any, section: str, path: tuple[Any, ...], noun: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, record in records(data, section):
        ident = record.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            yield Finding(
                (*path, index, "id"),
                f"Another {noun} already has the id `{ident}`.",
                "Give each one its own id: translations, links and history depend on it.",
            )
        seen.add(ident)


@rule("references")
def references(plan: PlanView) -> Iterator[Finding]:
    for section, field, target in REFERENCES:
        known = ids_of(plan.data, target)
        for index, record in records(plan.data, section):
            where = (section, index, field)
            yield from _check_reference(plan.data, record.get(field), where, target, known)
    complaints = plan.data.get("complaints")
    if isinstance(complaints, dict):
        known = ids_of(plan.data, "channels")
        yield from _check_reference(
            plan.data, complaints.get("channels"), ("complaints", "channels"), "channels", known
        )


def _check_reference(
    data: dict[str, Any], value: Any, path: tuple[Any, ...], target: str, known: list[str]
) -> Iterator[Finding]:
    values = value if isinstance(value, list) else [value]
    for position, ident in enumerate(values):
        if not isinstance(ident, str) or ident in known:
            continue
        where = (*path, position) if isinstance(value, list) else path
        noun = SECTIONS[target]
        close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
        if close:
            hint = f"Did you mean `{close[0]}`?"
        elif known:
            hint = f"Known {target.replace('_', ' ')}: " + ", ".join(f"`{k}`" for k in known) + "."
        elif any(records(data, target)):
            hint = f"No {noun} under `{target}:` has a valid id yet: fix their ids first."
        else:
            hint = f"Add the {noun} under `{target}:` first."
        yield Finding(where, f"`{ident}` is not the id of any {noun} in this plan.", hint)


@rule("channels-of-service")
def channels_of_service(plan: PlanView) -> Iterator[Finding]:
    services = {r.get("id"): r for _, r in records(plan.data, "services")}
    for section in ("standards", "service_levels"):
        for index, record in records(plan.data, section):
            service = services.get(record.get("service"))
            channels = record.get("channels")
            if not service or not isinstance(channels, list):
                continue
            offered = service.get("channels") if isinstance(service.get("channels"), list) else []
            for position, channel in enumerate(channels):
                if (
                    isinstance(channel, str)
                    and channel not in offered
                    and channel in ids_of(plan.data, "channels")
                ):
                    yield Finding(
                        (section, index, "channels", position),
                        f"The channel `{channel}` is not one of the channels of the service "
                        f"`{record.get('service')}`.",
                        f"Add `{channel}` to that service's channels, or remove it here.",
                    )


@rule("plan-dates")
def plan_dates(plan: PlanView) -> Iterator[Finding]:
    info = plan.data.get("plan")
    if not isinstance(info, dict):
        return
    period = info.get("period") if isinstance(info.get("period"), dict) else {}
    start, end = parse_date(period.get("start")), parse_date(period.get("end"))
    if start and end and end <= start:
        yield Finding(
            ("plan", "period", "end"),
            f"The plan period ends ({end}) before it starts ({start}).",
            "The end date must come after the start date.",
        )
    published, updated = parse_date(info.get("published")), parse_date(info.get("updated"))
    if published and published > plan.today:
        yield Finding(
            ("plan", "published"),
            f"The publication date {published} is in the future (today is {plan.today}).",
            "Use the date the plan is actually published, or set status: draft.",
        )
    if updated and published and updated < published:
        yield Finding(
            ("plan", "updated"),
            f"The plan was updated ({updated}) before it was published ({published}).",
        )
    if updated and updated > plan.today:
        yield Finding(
            ("plan", "updated"),
            f"The update date {updated} is in the future (today is {plan.today}).",
        )


def _plan_end(data: dict[str, Any]) -> date | None:
    info = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    period = info.get("period") if isinstance(info.get("period"), dict) else {}
    return parse_date(period.get("end"))


@rule("result-periods")
def result_periods(plan: PlanView) -> Iterator[Finding]:
    plan_end = _plan_end(plan.data)
    for section in ("standards", "service_levels"):
        for index, record in records(plan.data, section):
            measurement = record.get("measurement")
            frequency = (
                measurement.get("frequency")
                if isinstance(measurement, dict)
                else record.get("frequency")
            )
            yield from _periods_of(record, (section, index), plan_end, plan.today, frequency)


def _periods_of(
    record: dict[str, Any],
    path: tuple[Any, ...],
    plan_end: date | None,
    today: date,
    frequency: str | None,
) -> Iterator[Finding]:
    seen: set[str] = set()
    previous: date | None = None
    for position, result in records(record, "results"):
        period = result.get("period")
        bounds = period_bounds(period) if isinstance(period, str) else None
        if bounds is None:
            continue
        where = (*path, "results", position, "period")
        if period in seen:
            yield Finding(
                where, f"There are two results for {period}.", "Keep one result per period."
            )
        seen.add(period)
        if plan_end and bounds[0] > plan_end:
            yield Finding(
                where,
                f"The result for {period} is after the end of the plan period ({plan_end}).",
                "Report it in the next plan.",
            )
        if bounds[0] > today:
            yield Finding(where, f"The period {period} has not started yet (today is {today}).")
        if previous and bounds[0] < previous:
            yield _warning(
                where,
                f"The result for {period} comes after a later period.",
                "List results oldest first.",
            )
        previous = bounds[0]
        kind = period_kind(period)
        if frequency and kind and FREQUENCY_OF_KIND[kind] != frequency:
            yield Finding(
                where,
                f"{period} is a {kind}, but results here are reported {frequency}.",
                "Use periods that match the measurement frequency, such as "
                + {"quarterly": "2026-Q1", "monthly": "2026-03", "yearly": "2026"}[frequency]
                + ".",
            )


@rule("result-values")
def result_values(plan: PlanView) -> Iterator[Finding]:
    for index, standard in records(plan.data, "standards"):
        target = standard.get("target")
        results = list(records(standard, "results"))
        if not isinstance(target, dict):
            if results and "target" not in standard:
                yield Finding(
                    ("standards", index, "results"),
                    "This standard has results but no target to measure them against.",
                    "Add a `target:`, or move the figures into the promise's text.",
                )
            continue
        has_share = "share" in target
        for position, result in results:
            where = ("standards", index, "results", position)
            if has_share and "share_met" not in result:
                yield Finding(
                    where,
                    "This result needs `share_met`: the target covers a share of cases.",
                    f"Give the percent of cases that met the target, such as share_met: "
                    f"{target.get('share')}. Use `value` only for targets without a share.",
                    at_key=True,
                )
            if not has_share and "value" not in result:
                yield Finding(
                    where,
                    "This result needs `value`: the measured figure in the target's unit.",
                    "Targets without a `share` take a `value`; `share_met` is for targets "
                    "that cover a share of cases.",
                    at_key=True,
                )
            if has_share and "value" in result and "share_met" in result:
                yield _warning(
                    (*where, "value"),
                    "Both `value` and `share_met` are given; the status uses `share_met`.",
                )
            if target.get("unit") == "percent" and _over(result.get("value"), 100):
                yield Finding((*where, "value"), "A percentage cannot be over 100.")


def _over(value: Any, limit: float) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > limit


@rule("target-units")
def target_units(plan: PlanView) -> Iterator[Finding]:
    for index, standard in records(plan.data, "standards"):
        target = standard.get("target")
        if not isinstance(target, dict):
            continue
        where = ("standards", index, "target")
        unit = target.get("unit")
        if unit == "percent" and _over(target.get("value"), 100):
            yield Finding((*where, "value"), "A percentage cannot be over 100.")
        if unit == "score" and "scale_max" not in target:
            yield Finding(
                where,
                "A score needs `scale_max`, the top of the scale.",
                "Add scale_max, such as 5 for a score out of 5.",
                at_key=True,
            )
        scale = target.get("scale_max")
        if isinstance(scale, int | float) and _over(target.get("value"), scale):
            yield Finding((*where, "value"), f"The target is above the top of the scale ({scale}).")
        if "measurement" not in standard:
            yield _warning(
                ("standards", index),
                "This standard has a target but does not say how it is measured.",
                "Add `measurement:` with the data `source` and the reporting `frequency`.",
            )


@rule("channel-contact")
def channel_contact(plan: PlanView) -> Iterator[Finding]:
    for index, channel in records(plan.data, "channels"):
        needed = CHANNEL_CONTACT.get(channel.get("type"))  # type: ignore[arg-type]
        if needed and needed not in channel:
            yield Finding(
                ("channels", index),
                f"{_article(str(channel.get('type')))} {channel.get('type')} channel needs "
                f"`{needed}` so customers can use it.",
                f"Add `{needed}:` to this channel.",
                at_key=True,
            )


def _article(word: str) -> str:
    """ "An" before a vowel sound (email, in-person), "A" otherwise (phone, 311)."""
    return "An" if word[:1] in "aeio" else "A"


@rule("initiatives")
def initiatives(plan: PlanView) -> Iterator[Finding]:
    signature = [i for i, r in records(plan.data, "initiatives") if r.get("signature") is True]
    for index in signature[1:]:
        yield Finding(
            ("initiatives", index, "signature"),
            "More than one initiative is marked as the signature initiative.",
            "Keep `signature: true` on one initiative only.",
        )
    for index, initiative in records(plan.data, "initiatives"):
        for position, milestone in records(initiative, "milestones"):
            yield from _milestone(
                milestone, ("initiatives", index, "milestones", position), plan.today
            )


def _milestone(milestone: dict[str, Any], where: tuple[Any, ...], today: date) -> Iterator[Finding]:
    status, due, done_on = (
        milestone.get("status"),
        parse_date(milestone.get("due")),
        parse_date(milestone.get("done_on")),
    )
    if status == "done" and "done_on" not in milestone:
        yield Finding(
            where,
            "A milestone that is done needs `done_on`, the date it was done.",
            "Add done_on: YYYY-MM-DD.",
            at_key=True,
        )
    if done_on and done_on > today:
        yield Finding((*where, "done_on"), f"{done_on} is in the future (today is {today}).")
    if done_on and status != "done":
        yield Finding(
            (*where, "status"),
            "This milestone has a `done_on` date but is not done.",
            "Set status: done, or remove done_on.",
        )
    if status == "planned" and due and due < today:
        yield _warning(
            (*where, "status"),
            f"This milestone was due on {due} and is still marked planned.",
            "Mark it `done` (with done_on) or `late`.",
        )


@rule("service-levels")
def service_levels(plan: PlanView) -> Iterator[Finding]:
    for index, level in records(plan.data, "service_levels"):
        for position, result in records(level, "results"):
            if "resolution_met" in result and "resolution" not in level:
                yield Finding(
                    ("service_levels", index, "results", position, "resolution_met"),
                    "This result gives `resolution_met`, but no resolution time is set.",
                    "Add `resolution:` to the service level, or remove resolution_met.",
                )


@rule("survey-scores")
def survey_scores(plan: PlanView) -> Iterator[Finding]:
    for index, survey in records(plan.data, "surveys"):
        for position, finding in records(survey, "findings"):
            for number, score in records(finding, "scores"):
                where = ("surveys", index, "findings", position, "scores", number)
                if score.get("unit") == "score" and "scale_max" not in score:
                    yield Finding(
                        where,
                        "A score needs `scale_max`, the top of the scale.",
                        "Add scale_max, such as 5 for a score out of 5.",
                        at_key=True,
                    )
                if score.get("unit") == "percent" and _over(score.get("value"), 100):
                    yield Finding((*where, "value"), "A percentage cannot be over 100.")


@rule("survey-dates")
def survey_dates(plan: PlanView) -> Iterator[Finding]:
    for index, survey in records(plan.data, "surveys"):
        next_date = parse_date(survey.get("next"))
        if next_date and next_date < plan.today:
            yield _warning(
                ("surveys", index, "next"),
                f"The next date of this survey ({next_date}) has passed.",
                "Give the date it will next be run.",
            )


@rule("past-dates")
def past_dates(plan: PlanView) -> Iterator[Finding]:
    for index, benchmark in records(plan.data, "benchmarks"):
        source = benchmark.get("source")
        when = parse_date(source.get("date")) if isinstance(source, dict) else None
        if when and when > plan.today:
            yield Finding(
                ("benchmarks", index, "source", "date"),
                f"{when} is in the future (today is {plan.today}).",
            )
    for section in ("standards", "service_levels"):
        for index, record in records(plan.data, section):
            for position, result in records(record, "results"):
                revised = result.get("revised")
                when = parse_date(revised.get("date")) if isinstance(revised, dict) else None
                if when and when > plan.today:
                    yield Finding(
                        (section, index, "results", position, "revised", "date"),
                        f"{when} is in the future (today is {plan.today}).",
                    )


PLACEHOLDER = "TODO"


@rule("placeholders")
def placeholders(plan: PlanView) -> Iterator[Finding]:
    """Text left as the starter plan wrote it."""
    if isinstance(plan.data, dict | list):  # else the schema's error is enough
        yield from _placeholders(plan.data, ())


def _placeholders(value: Any, path: tuple[Any, ...]) -> Iterator[Finding]:
    # A path is made only for a value that holds text: most are plain text.
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, str):
            if PLACEHOLDER in item:
                yield _warning(
                    (*path, key),
                    "This text still contains TODO from the starter plan.",
                    "Replace it with the agency's own words.",
                )
        elif isinstance(item, dict | list):
            yield from _placeholders(item, (*path, key))

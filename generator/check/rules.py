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
from generator.check.placeholders import PLACEHOLDER, PLACEHOLDER_MESSAGE
from generator.diagnostics import Severity
from generator.periods import month_number, parse_loose_date
from generator.resources import format_version


@dataclass(frozen=True, slots=True)
class PlanView:
    """What a rule sees: the plan's data, the file it came from, today, and
    whether the data passed the schema."""

    data: dict[str, Any]
    file: Path
    today: date
    schema_valid: bool = True

    @property
    def version(self) -> str:
        """The format version the plan is written in ("1.0", "2.0")."""
        return format_version(self.data)

    @property
    def first_format(self) -> bool:
        return self.version == "1.0"

    @property
    def fiscal_start(self) -> int | None:
        """The month (1-12) the plan's fiscal year starts in, if it says."""
        info = self.data.get("plan")
        return month_number(info.get("fiscal_year_starts")) if isinstance(info, dict) else None


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
    "combined_results": "combined result",
    "sources": "source",
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
    ("combined_results", "standards", "standards"),
    ("combined_results", "service_levels", "service_levels"),
    ("combined_results", "channels", "channels"),
)

# What each kind of channel must give so a customer can use it.
CHANNEL_CONTACT = {
    "in-person": "address",
    "mail": "address",
    "phone": "phone",
    "311": "phone",
    "text": "phone",
    "tty": "phone",
    "relay": "phone",
    "fax": "fax",
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


def warning(path: tuple[Any, ...], message: str, hint: str = "") -> Finding:
    return Finding(path, message, hint, severity=Severity.WARNING)


_warning = warning


def section(data: Any, name: str) -> dict[str, Any]:
    """A section of the plan that is a group of fields, or {} when it is not."""
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def over(value: Any, limit: float) -> bool:
    return is_number(value) and value > limit


_over = over


@rule("unique-ids")
def unique_ids(plan: PlanView) -> Iterator[Finding]:
    for name, noun in SECTIONS.items():
        yield from _duplicates(plan.data, name, (name,), noun)
    for index, initiative in records(plan.data, "initiatives"):
        yield from _duplicates(
            initiative, "milestones", ("initiatives", index, "milestones"), "milestone"
        )
    for index, standard in records(plan.data, "standards"):
        yield from _duplicates(standard, "targets", ("standards", index, "targets"), "part")
    complaints = section(plan.data, "complaints")
    yield from _duplicates(complaints, "stages", ("complaints", "stages"), "stage")
    yield from _duplicates(complaints, "escalation", ("complaints", "escalation"), "escalation")


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
    channels = ids_of(plan.data, "channels")
    complaints = plan.data.get("complaints")
    if isinstance(complaints, dict):
        yield from _check_reference(
            plan.data, complaints.get("channels"), ("complaints", "channels"), "channels", channels
        )
    for index, standard in records(plan.data, "standards"):
        for position, tier in records(standard, "targets"):
            where = ("standards", index, "targets", position, "channels")
            parts = tier.get("channels")
            yield from _check_reference(plan.data, parts, where, "channels", channels)
    sources = ids_of(plan.data, "sources")
    for path, value in source_references(plan.data):
        if isinstance(value, str):
            yield from _check_reference(plan.data, value, path, "sources", sources)


def source_references(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) of every `source` field that may name one of `sources`."""
    if "source" in section(data, "plan"):
        yield ("plan", "source"), data["plan"]["source"]
    for name in ("standards", "service_levels", "combined_results"):
        for index, record in records(data, name):
            if "source" in record:
                yield (name, index, "source"), record["source"]
            for path, owner in result_lists(record, (name, index)):
                for position, result in records(owner, "results"):
                    if "source" in result:
                        yield (*path, "results", position, "source"), result["source"]
    for index, survey in records(data, "surveys"):
        for position, finding in records(survey, "findings"):
            if "source" in finding:
                where = ("surveys", index, "findings", position, "source")
                yield where, finding["source"]


def result_lists(
    record: dict[str, Any], path: tuple[Any, ...]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The record itself and each of its parts (`targets`), each of which
    may hold `results`, with its path."""
    yield path, record
    for position, tier in records(record, "targets"):
        yield (*path, "targets", position), tier


def _check_reference(
    data: dict[str, Any], value: Any, path: tuple[Any, ...], target: str, known: list[str]
) -> Iterator[Finding]:
    if any(not isinstance(record.get("id"), str) for _, record in records(data, target)):
        return  # a record there has no id the schema accepted: that error is said, not its echoes
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
        else:
            hint = f"Add the {noun} under `{target}:` first."
        yield Finding(where, f"`{ident}` is not the id of any {noun} in this plan.", hint)


@rule("channels-of-service")
def channels_of_service(plan: PlanView) -> Iterator[Finding]:
    services = {r.get("id"): r for _, r in records(plan.data, "services")}
    known = ids_of(plan.data, "channels")
    for name in ("standards", "service_levels"):
        for index, record in records(plan.data, name):
            service = services.get(record.get("service"))
            offered = service.get("channels") if service else None
            if isinstance(offered, list):
                noun = f"the channels of the service `{record.get('service')}`"
                fix = "Add `{channel}` to that service's channels, or remove it here."
                yield from _within(record, (name, index), offered, known, noun, fix)
            for position, tier in records(record, "targets"):
                covered = record.get("channels", offered)
                if isinstance(covered, list):
                    where = (name, index, "targets", position)
                    noun = "the channels this promise covers"
                    fix = "Add `{channel}` to the promise's channels, or remove it here."
                    yield from _within(tier, where, covered, known, noun, fix)


def _within(
    record: dict[str, Any],
    path: tuple[Any, ...],
    allowed: list[Any],
    known: list[str],
    noun: str,
    fix: str,
) -> Iterator[Finding]:
    """A finding for each channel of `record` that exists but is not `allowed`."""
    channels = record.get("channels")
    for position, channel in enumerate(channels if isinstance(channels, list) else ()):
        if isinstance(channel, str) and channel not in allowed and channel in known:
            yield Finding(
                (*path, "channels", position),
                f"The channel `{channel}` is not one of {noun}.",
                fix.format(channel=channel),
            )


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
    status = milestone.get("status")
    due = parse_loose_date(milestone.get("due"))
    done_on = parse_loose_date(milestone.get("done_on"))
    if status == "done" and "done_on" not in milestone:
        yield Finding(
            where,
            "A milestone that is done needs `done_on`, the date it was done.",
            "Add done_on: YYYY-MM-DD.",
            at_key=True,
        )
    if done_on and done_on.first > today:
        yield Finding((*where, "done_on"), f"{done_on} is in the future (today is {today}).")
    if done_on and status != "done":
        yield Finding(
            (*where, "status"),
            "This milestone has a `done_on` date but is not done.",
            "Set status: done, or remove done_on.",
        )
    if status == "planned" and due and due.last < today:
        yield _warning(
            (*where, "status"),
            f"This milestone was due on {due} and is still marked planned.",
            "Mark it `done` (with done_on) or `late`.",
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
                    (*path, key), PLACEHOLDER_MESSAGE, "Replace it with the agency's own words."
                )
        elif isinstance(item, dict | list):
            yield from _placeholders(item, (*path, key))
